package dev.tandem.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11.1: a device whose runner is {@code kill -9}ed in the middle of a run is reset (sim and
 * web keep their device state in the runner), and a run never goes on against the blank device.
 * Each trial runs a real plan through the CLI and daemon and kills the device's runner at one
 * point, found from the runner's journal: while a command is running ({@code started}) or right
 * after it ended ({@code completed}: between two steps, or inside the plan's {@code wait}). Every
 * trial must fail with DEVICE_RESET (exit 3) in results.json, the output and [PARALLEL_EXEC];
 * none may pass and none may become a plan failure (exit 1). The plan fails on an intact device
 * (it asserts "Hello" is gone while it is still typed), so a pass could only come from a reset.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS) // each test; ~30-65 s on a shared 2-core machine
class DeviceResetIT {
    /** Types "Hello", waits, then asserts it is still there and then that it is gone (which fails on an intact device). */
    static final String PLAN = """
            name: reset
            steps:
              - tool: launchApp
                appId: com.chat.app
              - tool: inputText
                id: compose
                text: Hello
              - tool: wait
                ms: 1000
              - tool: assertVisible
                text: Hello
              - tool: assertNotVisible
                text: Hello
                timeout: 1000
            """;

    /** Where a trial kills the runner: when the journal shows this command in this state. */
    record Point(String kind, String state, String where) {}

    static final List<Point> POINTS = List.of(
            new Point("launchApp", "started", "during launchApp (mutating)"),
            new Point("launchApp", "completed", "between launchApp and inputText"),
            new Point("inputText", "started", "during inputText (mutating)"),
            new Point("inputText", "completed", "during the plan's wait (between steps)"),
            new Point("assertVisible", "started", "during assertVisible (read-only)"),
            new Point("assertNotVisible", "started", "during assertNotVisible (read-only)"));

    /** One daemon for the sim trials: two realistic phones, so a kill lands inside a command, not only after it. */
    static Tandem sim;

    @BeforeAll
    static void start() throws Exception {
        sim = new Tandem().env("TANDEM_SIM_DEVICES", "2").env("TANDEM_SIM_LATENCY", "realistic");
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    @Test
    void aSimRunnerKilledAtAnyPointOfARunFailsItWithDeviceReset() throws Exception {
        Path plan = sim.write("reset.yaml", PLAN);
        // no kill: the plan fails on its own (ASSERTION_FAILED), so a pass after a kill can only come from a reset
        Tandem.Result intact = sim.run("run", plan.toString(), "--device", "sim:1", "-o", "intact");
        assertThat(intact.exit()).as(intact.all()).isEqualTo(1);
        assertThat(intact.all()).contains("ASSERTION_FAILED");
        matrix(sim, "sim", "sim-1", POINTS);
    }

    @Test
    void aWebRunnerKilledBetweenOrDuringStepsFailsItWithDeviceReset() throws Exception {
        assumeThat(chromiumPresent()).as("Chromium is installed").isTrue();
        try (Tandem tandem = new Tandem().env("TANDEM_WEB_DEVICES", "1")) {
            matrix(tandem, "web", "web-1", List.of(POINTS.get(2), POINTS.get(3), POINTS.get(4)));
        }
    }

    /** A reset device releases its peer waiting at a barrier at once, not after its own 20 s wait. */
    @Test
    void aResetReleasesItsPeerAtOnce() throws Exception {
        Tandem tandem = sim;
        {
            Path plan = tandem.write("peer.yaml", """
                    name: peer release
                    devices: [A, B]
                    steps:
                      - {tool: launchApp, device: A, appId: com.chat.app}
                      - {tool: launchApp, device: B, appId: com.chat.app}
                      - {tool: inputText, device: A, id: compose, text: Hello}
                      - {tool: wait, device: A, ms: 20000}
                      - tool: barrier
                      - {tool: assertVisible, device: B, text: Chat}
                    """);
            Process run = tandem.start("run", plan.toString(), "--device", "A=sim:1", "--device", "B=sim:2", "-o", "peer");
            RunnerInfo a = awaitPoint(tandem, "sim-1", "peer", new Point("inputText", "completed", "A waits"));
            long killed = kill(a.pid);
            Tandem.Result r = Tandem.finish(run, 60_000);
            long releaseMs = (System.nanoTime() - killed) / 1_000_000;
            JsonNode results = results(tandem, "peer");
            String row = "| kill -9 of A's runner while B waits for it at a barrier | sim, 2 devices | 1 | "
                    + results.path("devices").path("A").path("failure").path("code").asText() + " (A), "
                    + results.path("devices").path("B").path("failure").path("code").asText() + " (B) | exit " + r.exit()
                    + " " + releaseMs + " ms after the kill (A's wait had 20 s left) |";
            System.out.println(row);
            write("device-reset-peer.md", List.of(row));
            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            assertThat(results.path("status").asText()).isEqualTo("error");
            assertThat(results.path("devices").path("A").path("failure").path("code").asText()).isEqualTo("DEVICE_RESET");
            assertThat(results.path("devices").path("B").path("failure").path("code").asText()).isEqualTo("PEER_FAILED");
            assertThat(results.path("rootCause").path("device").asText()).isEqualTo("A");
            assertThat(releaseMs).as("the peer is released fast, not after A's wait").isLessThan(10_000);
        }
    }

    private static void matrix(Tandem tandem, String platform, String device, List<Point> points) throws Exception {
        Path plan = tandem.write("reset.yaml", PLAN);
        List<String> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            long t0 = System.nanoTime();
            Process run = tandem.start("run", plan.toString(), "--device", platform + ":1", "-o", "t" + i);
            RunnerInfo r = awaitPoint(tandem, device, "t" + i, p);
            long killed = kill(r.pid);
            Tandem.Result res = Tandem.finish(run, 60_000);
            long afterKillMs = (System.nanoTime() - killed) / 1_000_000;
            JsonNode results = results(tandem, "t" + i);
            String code = results.path("devices").path("default").path("failure").path("code").asText("-");
            rows.add("| " + platform + ": " + p.where + " | exit " + res.exit() + ", " + code + " | "
                    + afterKillMs + " ms | " + String.format("%.1f s", (System.nanoTime() - t0) / 1e9) + " |");
            boolean ok = res.exit() == 3 && "DEVICE_RESET".equals(code) && "error".equals(results.path("status").asText())
                    && res.all().contains("DEVICE_RESET")
                    && res.all().lines().anyMatch(l -> l.startsWith("[PARALLEL_EXEC]") && l.contains("DEVICE_RESET"));
            if (!ok) wrong.add(p.where + ": exit " + res.exit() + " " + code + "\n" + res.all());
        }
        rows.forEach(System.out::println);
        write("device-reset-" + platform + ".md", rows);
        assertThat(wrong).as("every kill fails the run with DEVICE_RESET (exit 3); none passes").isEmpty();
        // the daemon log says what happened to the runner, not "replacing runner (realistic → realistic)"
        String log = Files.readString(tandem.home.resolve("logs").resolve("daemon.log"));
        assertThat(log).contains("runner " + device + " (pid ").contains("was killed by signal 9 (exit status 137)")
                .contains("DEVICE_RESET").doesNotContain("replacing runner " + device + " (profile");
    }

    record RunnerInfo(String device, long pid, String bootId) {}

    /**
     * Waits until the run writing into {@code out} has reached the point on the device's current
     * runner: that boot's journal holds the point's command, by an id of this run, in its state.
     */
    static RunnerInfo awaitPoint(Tandem tandem, String device, String out, Point p) throws Exception {
        Path runner = tandem.home.resolve("runners").resolve(device + ".json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String runId = runId(tandem.work.resolve(out));
            try {
                JsonNode n = Json.tree(Files.readAllBytes(runner));
                String boot = n.path("bootId").asText("");
                Path journal = tandem.home.resolve("journal").resolve(device).resolve(boot + ".jsonl");
                if (runId != null && Files.exists(journal)) {
                    for (String line : Files.readAllLines(journal)) {
                        if (line.contains("\"id\":\"" + runId + "-") && line.contains("\"k\":\"" + p.kind + "\"")
                                && line.contains("\"s\":\"" + p.state + "\"")) {
                            return new RunnerInfo(device, n.path("pid").asLong(), boot);
                        }
                    }
                }
            } catch (IOException | RuntimeException notYet) {
                // absent or being replaced
            }
            Thread.sleep(2); // polling another process's journal; no event to wait on
        }
        throw new AssertionError("run " + out + " never reached " + p.kind + " " + p.state + " on " + device);
    }

    private static String runId(Path out) throws IOException {
        if (!Files.isDirectory(out)) return null;
        try (var dirs = Files.list(out)) {
            return dirs.map(d -> d.getFileName().toString()).findFirst().orElse(null);
        }
    }

    /** {@code kill -9}; returns the moment the signal was sent. */
    static long kill(long pid) {
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        long t = System.nanoTime();
        p.destroyForcibly();
        p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        return t;
    }

    static JsonNode results(Tandem tandem, String out) throws IOException {
        try (var dirs = Files.list(tandem.work.resolve(out))) {
            return Json.tree(Files.readAllBytes(dirs.findFirst().orElseThrow().resolve("results.json")));
        }
    }

    private static void write(String name, List<String> rows) throws IOException {
        Path dir = Path.of("target", "lifecycle");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), rows);
    }

    static boolean chromiumPresent() {
        if (System.getenv("TANDEM_CHROMIUM") != null) return true;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
                if (Files.isExecutable(Path.of(dir, name))) return true;
            }
        }
        return false;
    }
}
