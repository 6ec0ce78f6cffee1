package dev.tandem.it.appium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.it.prepare.TestAppium;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Appium devices through the CLI, on real Appium 3.8.0 servers with the fake driver: Tandem starts
 * one server per device on a port it assigns, records it, never gives two devices one port (also
 * across daemons), and leaves no Appium process behind — after {@code daemon stop}, after kill -9 of
 * a runner, after kill -9 of the daemon.
 */
class AppiumIT {
    private static final Pattern LISTENING = Pattern.compile("listener started on http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void theExampleLoginPlanPassesOnAFakeDeviceAndStopLeavesNoAppium() throws Exception {
        Path cache = preparedCache();
        try (Tandem t = new Tandem().env("TANDEM_CACHE_DIR", cache.toString())) {
            Path devices = examples(t);
            Tandem.Result run = t.run("run", devices.resolveSibling("login.yaml").toString(), "--devices", devices.toString(), "--json");
            assertThat(run.exit()).as(run.all()).isZero();
            JsonNode result = Json.tree(run.out().getBytes(StandardCharsets.UTF_8));
            assertThat(result.path("status").asText()).isEqualTo("passed");
            assertThat(result.at("/devices/default/device").asText()).isEqualTo("fake-1");
            assertThat(result.path("steps")).hasSize(6);

            JsonNode runner = runnerFile(t, "fake-1");
            int server = runner.at("/ports/server").asInt();
            assertThat(server).as("the server port is recorded in runners/fake-1.json").isPositive();
            assertThat(listenedOn(t, "fake-1")).as("the server listened on the recorded port").containsExactly(server);
            assertThat(appiumProcesses(t)).as("one Appium server, owned by fake-1's runner").hasSize(1);

            Path back = t.write("back.yaml", "steps:\n  - {tool: assertVisible, text: Sign in}\n  - {tool: pressButton, button: back}\n");
            Tandem.Result refused = t.run("run", back.toString(), "--devices", devices.toString());
            assertThat(refused.exit()).as(refused.all()).isEqualTo(2);
            assertThat(refused.err()).as("refused before the run, not deep in it")
                    .contains("UNSUPPORTED_ON_PLATFORM").contains("platform appium-fake does not support pressButton");

            assertThat(t.run("daemon", "stop").exit()).isZero();
            assertThat(t.awaitNoProcesses(20_000)).as("processes left after daemon stop").isEmpty();
        }
    }

    @Test
    void twoFakeDevicesRunACriticalSectionInLockStep() throws Exception {
        Path cache = preparedCache();
        try (Tandem t = new Tandem().env("TANDEM_CACHE_DIR", cache.toString())) {
            Path devices = examples(t);
            Tandem.Result run = t.run("run", devices.resolveSibling("orders.yaml").toString(), "--devices", devices.toString(), "--json");
            assertThat(run.exit()).as(run.all()).isZero();
            JsonNode result = Json.tree(run.out().getBytes(StandardCharsets.UTF_8));
            assertThat(List.of(result.at("/devices/A/device").asText(), result.at("/devices/B/device").asText()))
                    .containsExactlyInAnyOrder("fake-1", "fake-2");
            assertThat(result.path("status").asText()).isEqualTo("passed");
            assertThat(runnerFile(t, "fake-1").at("/ports/server").asInt())
                    .as("two devices, two servers, two ports").isNotEqualTo(runnerFile(t, "fake-2").at("/ports/server").asInt());
            assertThat(appiumProcesses(t)).hasSize(2);
        }
    }

    @Test
    void eightDevicesFromTwoDaemonsStartAtOnceWithoutAPortCollision() throws Exception {
        Path cache = preparedCache();
        try (Tandem a = new Tandem().env("TANDEM_CACHE_DIR", cache.toString());
                Tandem b = new Tandem().env("TANDEM_CACHE_DIR", cache.toString())) {
            // one machine: both daemons share the machine-wide lock dir, as two users' shells would
            b.env("TANDEM_DEVICE_LOCK_DIR", a.work.resolve(".device-locks").toString());
            Path app = examples(a).resolveSibling("shop-app.xml");
            Path plan = a.write("four.yaml", """
                    devices: [A, B, C, D]
                    steps:
                      - {tool: assertVisible, device: A, text: Sign in}
                      - {tool: assertVisible, device: B, text: Sign in}
                      - {tool: assertVisible, device: C, text: Sign in}
                      - {tool: assertVisible, device: D, text: Sign in}
                    """);
            Path devA = a.write("devices-a.yaml", fakeDevices("a", app));
            Path devB = b.write("devices-b.yaml", fakeDevices("b", app));
            Process runA = a.start("run", plan.toString(), "--devices", devA.toString());
            Process runB = b.start("run", plan.toString(), "--devices", devB.toString());
            Tandem.Result ra = Tandem.finish(runA, 180_000);
            Tandem.Result rb = Tandem.finish(runB, 180_000);
            assertThat(ra.exit()).as(ra.all()).isZero();
            assertThat(rb.exit()).as(rb.all()).isZero();

            Map<String, Integer> recorded = new TreeMap<>();
            Map<String, List<Integer>> logged = new TreeMap<>();
            for (Tandem t : List.of(a, b)) {
                for (String id : List.of("1", "2", "3", "4")) {
                    String device = (t == a ? "a-" : "b-") + id;
                    recorded.put(device, runnerFile(t, device).at("/ports/server").asInt());
                    logged.put(device, listenedOn(t, device));
                }
            }
            assertThat(recorded).hasSize(8);
            assertThat(recorded.values()).as("8 devices, 8 distinct server ports: " + recorded).doesNotHaveDuplicates();
            recorded.forEach((device, port) -> assertThat(logged.get(device)).as(device + "'s Appium log").containsExactly(port));
            assertThat(appiumProcesses(a).size() + appiumProcesses(b).size()).isEqualTo(8);
        }
    }

    @Test
    void killingTheRunnerOrTheDaemonLeavesNoAppiumProcess() throws Exception {
        Path cache = preparedCache();
        try (Tandem t = new Tandem().env("TANDEM_CACHE_DIR", cache.toString()).env("TANDEM_RUNNER_ORPHAN_TTL_MS", "1500")) {
            Path devices = examples(t);
            Path login = devices.resolveSibling("login.yaml");
            Tandem.Result first = t.run("run", login.toString(), "--devices", devices.toString());
            assertThat(first.exit()).as(first.all()).isZero();
            int port = runnerFile(t, "fake-1").at("/ports/server").asInt();
            List<Long> servers = appiumProcesses(t);
            assertThat(servers).hasSize(1);

            ProcessHandle.of(t.runnerPid("fake-1")).orElseThrow().destroyForcibly();
            assertThat(awaitGone(servers, 20_000)).as("the Appium server of a runner killed with -9").isEmpty();

            Tandem.Result again = t.run("run", login.toString(), "--devices", devices.toString());
            assertThat(again.exit()).as(again.all()).isZero();
            assertThat(runnerFile(t, "fake-1").at("/ports/server").asInt()).as("the new runner keeps the device's free port").isEqualTo(port);

            ProcessHandle.of(t.daemonPid()).orElseThrow().destroyForcibly();
            assertThat(t.awaitNoProcesses(30_000)).as("processes left after kill -9 of the daemon and the orphan TTL").isEmpty();
        }
    }

    @Test
    void aServerTheUserRunsIsUsedAndLeftRunning() throws Exception {
        Path cache = preparedCache();
        var install = TestAppium.fakeDriver();
        try (Tandem t = new Tandem().env("TANDEM_CACHE_DIR", cache.toString())) {
            int port;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Path log = t.work.resolve("users-appium.log");
            ProcessBuilder pb = new ProcessBuilder(install.appiumBin().toString(), "server", "--address", "127.0.0.1", "--port",
                    Integer.toString(port), "--log-no-colors").redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("APPIUM_HOME", install.appiumHome().toString());
            Process users = pb.start();
            try {
                awaitListening(log, users);
                Path app = examples(t).resolveSibling("shop-app.xml");
                Path devices = t.write("external.yaml", "sources:\n  - type: appium\n    server: http://127.0.0.1:" + port
                        + "\n    devices:\n      - {id: lab-1, capabilities: {platformName: Fake, appium:app: '" + app + "'}}\n");
                Tandem.Result run = t.run("run", t.work.resolve("appium/login.yaml").toString(), "--devices", devices.toString());
                assertThat(run.exit()).as(run.all()).isZero();
                assertThat(runnerFile(t, "lab-1").path("ports").isEmpty()).as("no port is Tandem's to assign on a server it does not own")
                        .isTrue();
                assertThat(appiumProcesses(t)).as("Tandem started no server of its own").isEmpty();
                assertThat(t.run("daemon", "stop").exit()).isZero();
                assertThat(users.isAlive()).as("the user's server is not Tandem's to stop").isTrue();
                assertThat(Files.readString(log)).as("Tandem closed its session there").contains("DELETE /session/");
            } finally {
                users.descendants().forEach(ProcessHandle::destroyForcibly);
                users.destroyForcibly();
            }
        }
    }

    private static void awaitListening(Path log, Process server) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(log) || !LISTENING.matcher(Files.readString(log)).find()) {
            if (!server.isAlive() || System.nanoTime() > deadline) throw new AssertionError("the test's Appium server did not start: " + Files.readString(log));
            server.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS); // wakes at once if it dies
        }
    }

    /** The cache scripts/test.sh prepared with the fake driver (skips, or fails under TANDEM_REQUIRE_APPIUM, without it). */
    private static Path preparedCache() {
        TestAppium.fakeDriver();
        return TestAppium.cacheDir();
    }

    /** Copies examples/appium into the test's work dir; returns its devices.yaml. */
    private static Path examples(Tandem t) throws IOException {
        Path dir = t.work.resolve("appium");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Tandem.ROOT.resolve("examples/appium"))) {
            for (Path f : s.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        return dir.resolve("devices.yaml");
    }

    private static String fakeDevices(String prefix, Path app) {
        StringBuilder sb = new StringBuilder("sources:\n  - type: appium\n    devices:\n");
        for (int i = 1; i <= 4; i++) {
            sb.append("      - {id: ").append(prefix).append('-').append(i).append(", capabilities: {platformName: Fake, appium:app: '")
                    .append(app).append("'}}\n");
        }
        return sb.toString();
    }

    private static JsonNode runnerFile(Tandem t, String device) throws IOException {
        return Json.tree(Files.readAllBytes(t.home.resolve("runners").resolve(device + ".json")));
    }

    /** The ports the device's Appium server log says it listened on. */
    private static List<Integer> listenedOn(Tandem t, String device) throws IOException {
        List<Integer> out = new ArrayList<>();
        Matcher m = LISTENING.matcher(Files.readString(t.home.resolve("devices").resolve(device).resolve("appium.log")));
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    /** The live Appium server processes of this state dir. */
    private static List<Long> appiumProcesses(Tandem t) {
        return t.processes().stream().filter(pid -> cmdline(pid).startsWith("node") && cmdline(pid).contains("appium server")).toList();
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static List<Long> awaitGone(List<Long> pids, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        for (long pid : pids) {
            var ph = ProcessHandle.of(pid);
            if (ph.isEmpty()) continue;
            try {
                ph.get().onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // reported below
            }
        }
        return pids.stream().filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)).toList();
    }
}
