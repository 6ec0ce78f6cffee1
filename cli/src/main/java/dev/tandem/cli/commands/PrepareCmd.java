package dev.tandem.cli.commands;

import dev.tandem.daemon.devices.DevicesFile;
import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.IdentitySource;
import dev.tandem.daemon.prepare.JvmRunnerOps;
import dev.tandem.daemon.prepare.PrepareResult;
import dev.tandem.daemon.prepare.Preparer;
import dev.tandem.daemon.prepare.appium.AppiumPins;
import dev.tandem.daemon.prepare.appium.AppiumPrepareResult;
import dev.tandem.daemon.prepare.appium.AppiumPreparer;
import dev.tandem.daemon.prepare.appium.NpmAppiumOps;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.plan.Diagnostic;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.Options;

/**
 * {@code tandem prepare}: builds or checks the prepared runner artifacts of this machine, and with
 * {@code --platform appium} the Appium server and drivers the devices file needs, in this process
 * (no daemon needed) with the classes the daemon uses, so CI can gate on it. Exit 0 when every
 * platform is ready, 3 otherwise (docs/prepare.md).
 */
public final class PrepareCmd implements Command {
    static final long DEFAULT_TIMEOUT_S = 300;
    /** An Appium install from an empty npm cache downloads ~150 MB per driver set. */
    static final long APPIUM_TIMEOUT_S = 900;
    static final String APPIUM = AppiumPrepareResult.PLATFORM;

    @Override
    public Spec spec() {
        return new Spec("prepare", "Build or health-check the cached runner artifacts (done implicitly on first use) and the Appium install.",
                "[--platform sim|web|appium|all] [--json] [--timeout S]");
    }

    @Override
    public Options options() {
        return Opts.of(
                Opts.value("platform", "PLATFORM", "sim (default), web, appium (the Appium server and the drivers the devices file"
                        + " needs), or all (appium only when the devices file has appium devices)."),
                Opts.json(),
                Opts.value("timeout", "S", "Give up after S seconds (default " + DEFAULT_TIMEOUT_S + ", " + APPIUM_TIMEOUT_S
                        + " with appium), waiting for another prepare included."));
    }

    @Override
    public int run(Args args, Context ctx) throws Exception {
        if (!args.positional().isEmpty()) {
            throw new TandemException(ErrorCode.USAGE, "prepare takes no arguments, got '" + args.positional().getFirst() + "'");
        }
        String platformArg = args.value("platform", Platform.SIM.name());
        Long timeoutS = args.longValue("timeout");
        if (timeoutS != null && timeoutS <= 0) throw new TandemException(ErrorCode.USAGE, "--timeout takes a positive number of seconds");
        boolean json = args.flag("json");

        StateDir state = ctx.state().ensure();
        List<PlatformProfile> platforms = platformArg.equals(APPIUM) ? List.of() : platforms(platformArg);
        DevicesFile.Loaded devices = platformArg.equals(APPIUM) || platformArg.equals("all") ? DevicesFile.load(ctx.env(), state.root()) : null;
        boolean appium = platformArg.equals(APPIUM) || (devices != null && !devices.automationNames().isEmpty());
        long budgetS = timeoutS != null ? timeoutS : appium ? APPIUM_TIMEOUT_S : DEFAULT_TIMEOUT_S;
        long deadline = System.nanoTime() + budgetS * 1_000_000_000L;

        CacheLayout cache = CacheLayout.of(state.cache(), ctx.env());
        List<Object> results = new ArrayList<>();
        boolean allOk = true;
        if (!platforms.isEmpty()) {
            Preparer preparer = new Preparer(cache, IdentitySource.forThisProcess(), new JvmRunnerOps(cache, state.logs()),
                    RunnerLauncher.Artifact.current().javaBin(), msg -> ctx.err().println("tandem: " + msg));
            for (PlatformProfile p : platforms) {
                PrepareResult r = preparer.prepare(p, left(deadline));
                results.add(r);
                allOk &= r.ok();
                if (!json) print(ctx, r);
            }
        }
        if (appium) {
            AppiumPrepareResult r = prepareAppium(ctx, devices, cache, state, left(deadline));
            results.add(r);
            allOk &= r.ok();
            if (!json) print(ctx, r);
        }
        // one platform: one object; --platform all: an array, one object per platform
        if (json) ctx.out().println(Json.text(platformArg.equals("all") ? results : results.getFirst()));
        return allOk ? ErrorCategory.PASSED_EXIT_CODE : ErrorCode.PREPARE_FAILED.exitCode();
    }

    private static long left(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    private static AppiumPrepareResult prepareAppium(Context ctx, DevicesFile.Loaded devices, CacheLayout cache, StateDir state, long timeoutMs) {
        if (!devices.problems().isEmpty()) {
            Diagnostic d = devices.problems().getFirst();
            // which drivers to install comes from this file: guessing past its errors would install the wrong ones
            return new AppiumPrepareResult(false, APPIUM, PrepareResult.Cache.MISS, null, 0, new PrepareResult.Timing(0, 0, 0), null,
                    "the devices file " + devices.file() + " has " + devices.problems().size() + " problem(s), the first at "
                            + d.pos().line() + ":" + d.pos().column() + ": " + d.message() + " (" + d.hint() + "); fix it, then rerun",
                    ErrorCode.PREPARE_FAILED.name(), null, null, null, false);
        }
        Set<String> names = devices.automationNames();
        if (names.isEmpty()) {
            ctx.err().println("tandem: appium: " + (devices.file() == null ? "there is no devices file" : devices.file() + " names no Appium driver") + ";"
                    + " installing the fake driver (" + AppiumPins.driver("Fake").orElseThrow().spec() + "), which needs no phone");
        }
        AppiumPreparer preparer = new AppiumPreparer(cache, new NpmAppiumOps(state.logs().resolve("prepare-appium.log")),
                msg -> ctx.err().println("tandem: " + msg));
        return preparer.prepare(names, timeoutMs);
    }

    static List<PlatformProfile> platforms(String name) {
        if (name.equals("all")) return PlatformProfile.runnable();
        var row = PlatformProfile.find(name);
        List<String> names = new ArrayList<>(PlatformProfile.runnable().stream().map(PlatformProfile::name).toList());
        names.add(APPIUM);
        if (row.isPresent()) return List.of(row.get());
        if (Platform.isName(name) && Platform.WELL_KNOWN.contains(Platform.of(name))) {
            // android, ios: their devices run through Appium, which `--platform appium` installs
            throw new TandemException(ErrorCode.USAGE, "platform '" + name + "' is reserved for a later version as a runner"
                    + " artifact; its devices run through Appium, which --platform appium installs (use one of " + names + " or all)");
        }
        throw new TandemException(ErrorCode.USAGE, "unknown platform '" + name + "'; use one of " + names + " or all");
    }

    private static void print(Context ctx, PrepareResult r) {
        var t = r.timing();
        String times = r.durationMs() + " ms (lookup " + t.lookupMs() + ", build " + t.buildMs() + ", health " + t.healthMs() + ")";
        if (r.ok()) {
            ctx.out().println(r.platform() + ": ready, " + r.cache().json() + ", artifact " + r.artifactKey() + " in " + times);
            if (r.recoveryReason() != null) ctx.out().println("  recovered: " + r.recoveryReason());
        } else {
            printFailure(ctx, r.platform(), r.failureCode(), r.failureReason(), times);
        }
    }

    private static void print(Context ctx, AppiumPrepareResult r) {
        var t = r.timing();
        String times = r.durationMs() + " ms (lookup " + t.lookupMs() + ", install " + t.buildMs() + ", health " + t.healthMs() + ")";
        if (r.ok()) {
            List<String> drivers = new ArrayList<>();
            for (Map.Entry<String, String> d : r.drivers().entrySet()) drivers.add(d.getKey() + " " + d.getValue());
            ctx.out().println(r.platform() + ": ready, " + r.cache().json() + ", install " + r.artifactKey() + " (Appium "
                    + r.appiumVersion() + "; " + String.join(", ", drivers) + (r.defaulted() ? ", the default" : "") + ") in " + times);
            ctx.out().println("  at " + r.installDir());
            if (r.recoveryReason() != null) ctx.out().println("  recovered: " + r.recoveryReason());
        } else {
            printFailure(ctx, r.platform(), r.failureCode(), r.failureReason(), times);
        }
    }

    private static void printFailure(Context ctx, String platform, String code, String reason, String times) {
        ctx.out().println(platform + ": FAILED (" + code + ") after " + times);
        ctx.out().println("  " + reason);
        ctx.out().println("  → " + ErrorCode.valueOf(code).hint());
    }
}
