package dev.tandem.daemon.sources.appium;

import dev.tandem.protocol.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the Android devices {@code adb devices -l} lists and the booted iOS simulators of {@code
 * xcrun simctl list -j devices}, when those tools exist. Never throws and never hangs: a tool that
 * is missing, fails, prints garbage or does not answer within its bound (it is killed) yields no
 * devices and one note saying why, for {@code tandem devices}.
 */
public final class Discovery {
    private static final String ANDROID_NONE = "android: no devices discovered — ";
    private static final String IOS_NONE = "ios: no simulators discovered — ";
    private final CommandRunner runner;
    private final boolean macOs;

    /**
     * Devices and the lines that say why some (or all) of what a user may expect is missing.
     * Notes start with their platform ({@code android: …}, {@code ios: …}).
     */
    public record Result(List<Discovered> devices, List<String> notes) {
        public Result {
            devices = List.copyOf(devices);
            notes = List.copyOf(notes);
        }
    }

    /** @param macOs whether iOS simulators can exist here: {@code xcrun simctl} is only looked for on macOS */
    public Discovery(CommandRunner runner, boolean macOs) {
        this.runner = runner;
        this.macOs = macOs;
    }

    /** Discovery on this host, with the tools the environment {@code env} finds; each tool bounded by {@code timeout}. */
    public static Result run(Map<String, String> env, Duration timeout) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
        return new Discovery(new ProcessRunner(), mac).discover(env, timeout);
    }

    public Result discover(Map<String, String> env, Duration timeout) {
        // both at once: a slow adb start-up does not add to simctl's time
        CompletableFuture<Result> android = CompletableFuture.supplyAsync(() -> guarded(ANDROID_NONE, () -> android(env, timeout)),
                Thread::startVirtualThread);
        Result ios = guarded(IOS_NONE, () -> ios(env, timeout));
        Result a = android.join();
        List<Discovered> devices = new ArrayList<>(a.devices());
        devices.addAll(ios.devices());
        List<String> notes = new ArrayList<>(a.notes());
        notes.addAll(ios.notes());
        return new Result(devices, notes);
    }

    /** A bug here costs the platform's devices, never the daemon's start. */
    private static Result guarded(String none, java.util.function.Supplier<Result> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return note(none + "discovery failed (" + e + ")");
        }
    }

    Result android(Map<String, String> env, Duration timeout) {
        Optional<Path> adb = Tools.adb(env);
        if (adb.isEmpty()) {
            List<String> sdk = Tools.sdkWithoutAdb(env);
            return note(ANDROID_NONE + "adb is not installed"
                    + (sdk.isEmpty() ? "" : " (" + String.join(", ", sdk) + " has no platform-tools/adb)")
                    + " (install Android platform-tools and put adb on PATH, or set ANDROID_HOME)");
        }
        Ran ran = run(List.of(adb.get().toString(), "devices", "-l"), "adb", "adb devices -l", timeout, "restart adb: adb kill-server");
        if (ran.failure() != null) return note(ANDROID_NONE + ran.failure());
        AdbDevices.Listing listing = AdbDevices.parse(ran.output());
        if (!listing.listed()) {
            return note(ANDROID_NONE + "`adb devices -l` printed no device list"
                    + first(listing.other()).map(l -> " ('" + l + "')").orElse("")
                    + "; run it by hand to see why");
        }
        if (listing.entries().isEmpty()) {
            return note("android: adb lists no devices (start an emulator: emulator -avd NAME, or connect a phone with USB debugging on)");
        }
        Map<String, Discovered> byId = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (AdbDevices.Entry e : listing.entries()) {
            if (!e.usable()) {
                e.note().ifPresent(notes::add);
                continue;
            }
            Discovered d = Discovered.android(e);
            Discovered first = byId.putIfAbsent(d.id(), d);
            if (first != null) notes.add(clash(Platform.ANDROID, first, d));
        }
        return new Result(List.copyOf(byId.values()), notes);
    }

    Result ios(Map<String, String> env, Duration timeout) {
        if (!macOs) return note(IOS_NONE + "xcrun simctl needs macOS with Xcode");
        Optional<Path> xcrun = Tools.xcrun(env);
        if (xcrun.isEmpty()) {
            return note(IOS_NONE + "xcrun is not installed (install Xcode, then select it: sudo xcode-select -s /Applications/Xcode.app)");
        }
        Ran ran = run(List.of(xcrun.get().toString(), "simctl", "list", "-j", "devices"), "xcrun simctl", "xcrun simctl list -j devices", timeout,
                "check that Xcode is installed and selected: xcode-select -p");
        if (ran.failure() != null) return note(IOS_NONE + ran.failure());
        List<SimctlDevices.Simulator> sims;
        try {
            sims = SimctlDevices.parse(ran.output());
        } catch (SimctlDevices.Unreadable e) {
            return note(IOS_NONE + "`xcrun simctl list -j devices` printed no simulator list (" + e.getMessage() + "); run it by hand to see why");
        }
        if (sims.isEmpty()) {
            return note("ios: simctl lists no available iOS simulator (create one in Xcode's Devices and Simulators window, "
                    + "or install an iOS runtime: xcodebuild -downloadPlatform iOS)");
        }
        Map<String, Discovered> byId = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (SimctlDevices.Simulator sim : sims) {
            if (!sim.booted()) continue;
            Discovered d = Discovered.ios(sim);
            Discovered first = byId.putIfAbsent(d.id(), d);
            if (first != null) notes.add(clash(Platform.IOS, first, d));
        }
        if (byId.isEmpty()) {
            SimctlDevices.Simulator first = sims.getFirst();
            notes.add("ios: no iOS simulator is booted (" + sims.size() + " available; boot one: xcrun simctl boot " + first.udid()
                    + " for " + first.name() + " iOS " + first.runtimeVersion() + ")");
        }
        return new Result(List.copyOf(byId.values()), notes);
    }

    /** A tool's stdout, or why there is none (a clause for a note). */
    private record Ran(String output, String failure) {}

    /** @param tool how notes name it ({@code adb}); @param shown how they show the command ({@code adb devices -l}) */
    private Ran run(List<String> command, String tool, String shown, Duration timeout, String hint) {
        return switch (runner.run(command, timeout)) {
            case CommandRunner.Exited x when x.code() == 0 -> new Ran(x.stdout(), null);
            case CommandRunner.Exited x -> new Ran(null, "`" + shown + "` failed (exit " + x.code()
                    + first(lines(x.stderr().isBlank() ? x.stdout() : x.stderr())).map(l -> ": " + l).orElse("") + "); " + hint);
            case CommandRunner.TimedOut t -> new Ran(null, tool + " did not answer within " + seconds(t.after()) + " (stopped it); " + hint);
            case CommandRunner.NotStarted n -> new Ran(null, tool + " (" + command.getFirst() + ") could not be started: " + n.why());
        };
    }

    private static String clash(Platform platform, Discovered first, Discovered second) {
        return platform + ": " + first.udid() + " and " + second.udid() + " both make device id " + first.id() + "; only "
                + first.udid() + " is offered (name the other in devices.yaml with its own id)";
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("* ")).toList();
    }

    /** The first line of what a tool said, printable and cut to a readable length. */
    private static Optional<String> first(List<String> lines) {
        if (lines.isEmpty()) return Optional.empty();
        String l = lines.getFirst().replaceAll("\\p{Cntrl}", "?"); // a note is one printable line
        return Optional.of(l.length() > 160 ? l.substring(0, 160) + "…" : l);
    }

    private static Result note(String line) {
        return new Result(List.of(), List.of(line));
    }

    /** {@code 5 s}, {@code 2.5 s}, {@code 300 ms}. */
    static String seconds(Duration d) {
        if (d.toMillis() < 1000) return d.toMillis() + " ms";
        if (d.toMillis() % 1000 == 0) return d.toSeconds() + " s";
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
