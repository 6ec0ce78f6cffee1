package dev.tandem.daemon.sources.appium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery with fake tools: what it offers, and one clear note for everything it cannot. */
class DiscoveryTest {
    static final Duration BOUND = Duration.ofSeconds(5);
    @TempDir
    Path tmp;

    /** A command runner that answers by tool name and records what it was asked to run. */
    static final class FakeRunner implements CommandRunner {
        final Map<String, Function<List<String>, Outcome>> byTool = new HashMap<>();
        final List<List<String>> ran = java.util.Collections.synchronizedList(new ArrayList<>());

        FakeRunner on(String tool, Outcome outcome) {
            byTool.put(tool, c -> outcome);
            return this;
        }

        @Override
        public Outcome run(List<String> command, Duration timeout) {
            ran.add(command);
            String tool = Path.of(command.getFirst()).getFileName().toString();
            return byTool.getOrDefault(tool, c -> new NotStarted("no such fake")).apply(command);
        }
    }

    Path tool(String dir, String name) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Path f = Files.writeString(d.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }

    static CommandRunner.Exited ok(String out) {
        return new CommandRunner.Exited(0, out, "");
    }

    @Test
    void androidDevicesAndIosSimulatorsWithTheirNotes() throws Exception {
        Path adb = tool("bin", "adb");
        Path xcrun = tool("bin", "xcrun");
        FakeRunner r = new FakeRunner().on("adb", ok(AdbDevicesTest.MIXED.replace("192.168.1.23:5555      device",
                "192.168.1.23:5555      offline"))).on("xcrun", ok(SimctlDevicesTest.XCODE_16));
        Discovery.Result res = new Discovery(r, true).discover(Map.of("PATH", tmp.resolve("bin").toString()), BOUND);
        assertThat(res.devices()).extracting(Discovered::id).containsExactly("android-emulator-5554", "android-r58m123abcd",
                "ios-8a5e4c6b-2d3f-4b7a-9e1c-0f2d4b6a8c10", "ios-f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9");
        assertThat(res.devices()).extracting(Discovered::platform).containsExactly(Platform.ANDROID, Platform.ANDROID, Platform.IOS,
                Platform.IOS);
        assertThat(res.notes()).containsExactly("android: 192.168.1.23:5555 is offline — reconnect it or restart adb: adb kill-server");
        assertThat(r.ran).containsExactlyInAnyOrder(List.of(adb.toString(), "devices", "-l"),
                List.of(xcrun.toString(), "simctl", "list", "-j", "devices"));
    }

    @Test
    void adbIsLookedForInAndroidHomeThenAndroidSdkRootThenPath() throws Exception {
        Path home = tool("home/platform-tools", "adb");
        Path root = tool("root/platform-tools", "adb");
        Path onPath = tool("bin", "adb");
        String path = tmp.resolve("bin").toString();
        assertThat(Tools.adb(Map.of("ANDROID_HOME", tmp.resolve("home").toString(), "ANDROID_SDK_ROOT", tmp.resolve("root").toString(),
                "PATH", path))).contains(home);
        assertThat(Tools.adb(Map.of("ANDROID_SDK_ROOT", tmp.resolve("root").toString(), "PATH", path))).contains(root);
        assertThat(Tools.adb(Map.of("ANDROID_HOME", tmp.resolve("nowhere").toString(), "PATH", "/nonexistent:" + path))).contains(onPath);
        Files.setPosixFilePermissions(onPath, PosixFilePermissions.fromString("rw-------"));
        assertThat(Tools.adb(Map.of("PATH", path))).as("not executable: not adb").isEmpty();
    }

    @Test
    void missingToolsAreOneClearNoteEachAndNothingRuns() {
        FakeRunner r = new FakeRunner();
        Discovery.Result linux = new Discovery(r, false).discover(Map.of("PATH", tmp.toString()), BOUND);
        assertThat(linux.devices()).isEmpty();
        assertThat(linux.notes()).containsExactly(
                "android: no devices discovered — adb is not installed (install Android platform-tools and put adb on PATH, or set ANDROID_HOME)",
                "ios: no simulators discovered — xcrun simctl needs macOS with Xcode");
        Discovery.Result mac = new Discovery(r, true).discover(Map.of("ANDROID_HOME", "/opt/android-sdk"), BOUND);
        assertThat(mac.notes()).containsExactly(
                "android: no devices discovered — adb is not installed (ANDROID_HOME=/opt/android-sdk has no platform-tools/adb) "
                        + "(install Android platform-tools and put adb on PATH, or set ANDROID_HOME)",
                "ios: no simulators discovered — xcrun is not installed (install Xcode, then select it: sudo xcode-select -s "
                        + "/Applications/Xcode.app)");
        assertThat(r.ran).isEmpty();
    }

    @Test
    void aToolThatRanAndFoundNothingSaysHowToGetADevice() throws Exception {
        tool("bin", "adb");
        tool("bin", "xcrun");
        FakeRunner r = new FakeRunner().on("adb", ok("* daemon not running; starting now at tcp:5037\n* daemon started successfully\n"
                + "List of devices attached\n\n")).on("xcrun", ok("{\"devices\": {\"com.apple.CoreSimulator.SimRuntime.watchOS-10-5\": []}}"));
        Discovery.Result res = new Discovery(r, true).discover(Map.of("PATH", tmp.resolve("bin").toString()), BOUND);
        assertThat(res.devices()).isEmpty();
        assertThat(res.notes()).containsExactly(
                "android: adb lists no devices (start an emulator: emulator -avd NAME, or connect a phone with USB debugging on)",
                "ios: simctl lists no available iOS simulator (create one in Xcode's Devices and Simulators window, or install an iOS "
                        + "runtime: xcodebuild -downloadPlatform iOS)");
    }

    @Test
    void noBootedSimulatorSaysHowToBootOne() throws Exception {
        tool("bin", "xcrun");
        FakeRunner r = new FakeRunner().on("xcrun", ok(SimctlDevicesTest.XCODE_16.replace("\"Booted\"", "\"Shutdown\"")));
        Discovery.Result res = new Discovery(r, true).discover(Map.of("PATH", tmp.resolve("bin").toString()), BOUND);
        assertThat(res.devices()).isEmpty();
        assertThat(res.notes()).contains("ios: no iOS simulator is booted (3 available; boot one: xcrun simctl boot "
                + "8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10 for iPhone 15 iOS 17.5)");
    }

    @Test
    void aHungToolIsANoteNamingTheBound() throws Exception {
        tool("bin", "adb");
        tool("bin", "xcrun");
        FakeRunner r = new FakeRunner().on("adb", new CommandRunner.TimedOut(Duration.ofSeconds(5)))
                .on("xcrun", new CommandRunner.TimedOut(Duration.ofMillis(2500)));
        Discovery.Result res = new Discovery(r, true).discover(Map.of("PATH", tmp.resolve("bin").toString()), BOUND);
        assertThat(res.devices()).isEmpty();
        assertThat(res.notes()).containsExactly(
                "android: no devices discovered — adb did not answer within 5 s (stopped it); restart adb: adb kill-server",
                "ios: no simulators discovered — xcrun simctl did not answer within 2.5 s (stopped it); check that Xcode is installed "
                        + "and selected: xcode-select -p");
    }

    @Test
    void failuresAndGarbageAreNotesNotExceptions() throws Exception {
        tool("bin", "adb");
        tool("bin", "xcrun");
        String path = tmp.resolve("bin").toString();
        Discovery.Result failed = new Discovery(new FakeRunner()
                .on("adb", new CommandRunner.Exited(1, "", "* daemon not running; starting now at tcp:5037\n"
                        + "adb: failed to start daemon\nerror: cannot connect to daemon\n"))
                .on("xcrun", new CommandRunner.Exited(72, "", "xcrun: error: unable to find utility \"simctl\", not a developer tool or in PATH\n")),
                true).discover(Map.of("PATH", path), BOUND);
        assertThat(failed.notes()).containsExactly(
                "android: no devices discovered — `adb devices -l` failed (exit 1: adb: failed to start daemon); restart adb: adb kill-server",
                "ios: no simulators discovered — `xcrun simctl list -j devices` failed (exit 72: xcrun: error: unable to find utility "
                        + "\"simctl\", not a developer tool or in PATH); check that Xcode is installed and selected: xcode-select -p");

        Discovery.Result garbage = new Discovery(new FakeRunner().on("adb", ok("\u0000\u0001binary junk"))
                .on("xcrun", ok("{\"devices\": [")), true).discover(Map.of("PATH", path), BOUND);
        assertThat(garbage.devices()).isEmpty();
        assertThat(garbage.notes()).hasSize(2);
        assertThat(garbage.notes().get(0)).startsWith("android: no devices discovered — `adb devices -l` printed no device list ('??binary junk')")
                .endsWith("'); run it by hand to see why");
        assertThat(garbage.notes().get(1)).startsWith("ios: no simulators discovered — `xcrun simctl list -j devices` printed no "
                + "simulator list (not JSON").endsWith("; run it by hand to see why");

        Discovery.Result notStarted = new Discovery(new FakeRunner().on("adb", new CommandRunner.NotStarted("Permission denied")), false)
                .discover(Map.of("PATH", path), BOUND);
        assertThat(notStarted.notes().getFirst()).isEqualTo("android: no devices discovered — adb (" + tmp.resolve("bin/adb")
                + ") could not be started: Permission denied");
    }

    @Test
    void aRunnerThatThrowsIsANoteToo() throws Exception {
        tool("bin", "adb");
        CommandRunner broken = (c, t) -> {
            throw new IllegalStateException("boom");
        };
        Discovery.Result res = new Discovery(broken, false).discover(Map.of("PATH", tmp.resolve("bin").toString()), BOUND);
        assertThat(res.notes()).first().asString().isEqualTo("android: no devices discovered — discovery failed (java.lang.IllegalStateException: boom)");
    }

    @Test
    void twoSerialsWithOneIdOfferTheFirstAndSaySo() throws Exception {
        tool("bin", "adb");
        FakeRunner r = new FakeRunner().on("adb", ok("List of devices attached\nABC123 device model:a\nabc123 device model:b\n"));
        Discovery.Result res = new Discovery(r, false).discover(Map.of("PATH", tmp.resolve("bin").toString()), BOUND);
        assertThat(res.devices()).extracting(Discovered::udid).containsExactly("ABC123");
        assertThat(res.notes()).first().asString().isEqualTo("android: ABC123 and abc123 both make device id android-abc123; only ABC123 "
                + "is offered (name the other in devices.yaml with its own id)");
    }

    @Test
    void boundsReadWell() {
        assertThat(Discovery.seconds(Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(Discovery.seconds(Duration.ofMillis(2500))).isEqualTo("2.5 s");
        assertThat(Discovery.seconds(Duration.ofMillis(300))).isEqualTo("300 ms");
    }
}
