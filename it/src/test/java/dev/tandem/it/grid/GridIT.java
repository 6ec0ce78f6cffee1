package dev.tandem.it.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Tandem on a real Selenium Grid 4 (docs/grid.md): one hub and two Chrome nodes of one session each
 * on loopback, shared by the class, and one daemon whose only devices are the Grid's. The chat plan
 * runs with A and B on different nodes; a run wanting more Grid devices than exist waits its bound
 * and fails DEVICE_UNAVAILABLE, and is granted when a node joins within its wait; a suite sharded over the Grid passes on both
 * devices; a daemon killed mid-run leaves sessions the next daemon closes; a
 * node killed mid-run fails its device with DEVICE_LOST at once. Every test ends with no session
 * left on the Grid. The node kill comes last: it takes a node away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridIT {
    /** A device that never sees the text: it polls its page over CDP until the step's bound, unless the device goes first. */
    static final String WAITING_PLAN = """
            platform: web
            steps:
            - {tool: launchApp, url: "data:text/html,<h1>Waiting</h1>"}
            - {tool: assertVisible, text: Never, timeout: 60000}
            """;
    static final java.util.List<String> DEVICES = java.util.List.of("grid-web-1", "grid-web-2");
    static GridFixture grid;
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        boolean present = GridFixture.available();
        if (!present && "1".equals(System.getenv("TANDEM_REQUIRE_CHROMIUM"))) {
            throw new AssertionError("the Grid ITs need /usr/bin/chromium, /usr/bin/chromedriver (apt-get install chromium chromium-driver)"
                    + " and target/selenium-grid.classpath (mvn verify writes it)");
        }
        assumeThat(present).as("chromium, chromedriver and the selenium-grid class path").isTrue();
        grid = GridFixture.start(1, 1);
        tandem = new Tandem();
        Path devices = tandem.write("devices.yaml", "sources:\n  - {type: grid, url: \"" + grid.url() + "\"}\n");
        tandem.env("TANDEM_DEVICES_FILE", devices.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        GridRuns.stop(tandem, grid);
    }

    @Test
    @Order(1)
    void theChatPlanRunsOnTwoGridDevicesOnDifferentNodesAndLeavesNoSession() throws Exception {
        Tandem.Result devices = tandem.run("devices");
        assertThat(devices.exit()).as(devices.all()).isZero();
        assertThat(devices.out()).contains("grid-web-1").contains("grid-web-2")
                .contains("grid grid: " + grid.url() + " — 2 of 2 nodes up").contains("2 slots, 2 free");

        // specs naming the Grid source: a profile on one of its web devices, and any of its devices
        Tandem.Result r = tandem.run("run", Tandem.ROOT.resolve("examples/chat.yaml").toString(), "--device", "A=grid:web:iphone-15",
                "--device", "B=grid", "-o", "chat");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode results = Json.tree(Files.readAllBytes(onlyDir(tandem.work.resolve("chat")).resolve("results.json")));
        assertThat(java.util.List.of(results.path("devices").path("A").path("device").asText(),
                results.path("devices").path("B").path("device").asText())).containsExactlyInAnyOrder("grid-web-1", "grid-web-2");
        assertThat(sessionRecords()).as("the run returned after closing its Grid sessions (none left on record)").isEmpty();
        // each node has one slot: two sessions at once were on two nodes, and each node's slot has served one
        JsonNode status = grid.awaitStatus(s -> sessions(s) == 0, 20_000, "every session closed with the lease");
        for (JsonNode node : status.path("nodes")) {
            assertThat(node.path("slots").get(0).path("lastStarted").asText()).as("node " + node.path("uri")).doesNotStartWith("1970");
        }
    }

    @Test
    @Order(2)
    void aRunThatCannotHaveAllItsGridSlotsFailsDeviceUnavailableAndClosesTheSessionsItGot() throws Exception {
        String other = grid.openSession(); // another client of the Grid holds one of its two slots
        try {
            long t0 = System.nanoTime();
            Tandem.Result r = tandem.run("run", Tandem.ROOT.resolve("examples/chat.yaml").toString(), "--platform", "web",
                    "-o", "busy");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            assertThat(r.all()).contains("DEVICE_UNAVAILABLE").contains("has no free");
            assertThat(ms).as("no wait in the Grid's queue (its session-request-timeout is 60 s)").isLessThan(20_000);
            grid.awaitStatus(s -> sessions(s) == 1, 20_000, "only the other client's session left: the run's own one closed");
        } finally {
            grid.closeSession(other);
        }
    }

    @Test
    @Order(3)
    void moreGridDevicesThanExistWaitsItsBoundThenFailsDeviceUnavailableNamingTheGrid() throws Exception {
        Path plan = tandem.write("three.yaml", """
                devices: [{label: A, platform: web}, {label: B, platform: web}, {label: C, platform: web}]
                steps:
                - {tool: launchApp, device: A, url: "data:text/html,A"}
                """);
        Tandem.Result r = tandem.run("run", plan.toString(), "--wait-timeout", "2", "-o", "three");
        assertThat(r.exit()).as(r.all()).isEqualTo(3);
        assertThat(r.all()).contains("DEVICE_UNAVAILABLE").contains("the run wants 3 web devices and this daemon has 2")
                .contains("the Grid 'grid' (" + grid.url() + ") offers 2").contains("none more came within 2000 ms")
                .contains("Add nodes or slots to the Grid").contains("`slots:`").doesNotContain("TANDEM_WEB_DEVICES");
        assertThat(grid.sessions()).isZero();
    }

    @Test
    @Order(4)
    void aSuiteShardedOverTheGridPassesOnBothDevicesAndLeavesNoSession() throws Exception {
        Files.createDirectories(tandem.work.resolve("gridsuite"));
        for (String name : new String[] {"one", "two", "three"}) {
            // the heading changes after 1.5 s, so two plans at once overlap and each shard holds its own Grid device
            tandem.write("gridsuite/" + name + ".yaml", """
                    platform: web
                    steps:
                    - {tool: launchApp, url: "data:text/html,<h1%20id=h>Loading</h1><script>setTimeout(()=>h.textContent='Ready-NAME',1500)</script>"}
                    - {tool: assertVisible, text: "Ready-NAME", timeout: 20000}
                    """.replace("NAME", name));
        }
        Tandem.Result r = tandem.run("test", "gridsuite", "--shards", "2", "-o", "gridsuite-out");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("3 of 3 plans passed");
        JsonNode suite = Json.tree(Files.readAllBytes(onlyDir(tandem.work.resolve("gridsuite-out")).resolve("results.json")));
        java.util.Set<String> used = new java.util.HashSet<>();
        for (JsonNode run : suite.path("runs")) {
            assertThat(run.path("status").asText()).as(run.path("path").asText()).isEqualTo("passed");
            used.add(run.path("devices").path("default").path("device").asText());
        }
        assertThat(suite.path("runs")).hasSize(3);
        assertThat(used).as("both shards on Grid devices").containsExactlyInAnyOrder("grid-web-1", "grid-web-2");
        assertThat(sessionRecords()).as("the suite returned after closing its Grid sessions (none left on record)").isEmpty();
        grid.awaitStatus(s -> sessions(s) == 0, 20_000, "every suite session closed with its plan's lease");
    }

    @Test
    @Order(5)
    void aRunWaitingForMoreGridDevicesIsGrantedWhenANodeJoinsDuringItsWait() throws Exception {
        Path plan = tandem.write("three-joined.yaml", """
                devices: [{label: A, platform: web}, {label: B, platform: web}, {label: C, platform: web}]
                steps:
                - {tool: launchApp, device: A, url: "data:text/html,<h1>A</h1>"}
                - {tool: launchApp, device: B, url: "data:text/html,<h1>B</h1>"}
                - {tool: launchApp, device: C, url: "data:text/html,<h1>Third</h1>"}
                - {tool: assertVisible, device: C, text: Third}
                """);
        Process run = tandem.start("run", plan.toString(), "--wait-timeout", "30", "-o", "joined");
        String added = null;
        try {
            added = grid.addNode(1); // a machine joins the Grid while the run waits for its third device
            Tandem.Result r = Tandem.finish(run, 60_000);
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.all()).as("it waited, then was granted").contains("the run wants 3 web devices and this daemon has 2");
            JsonNode results = Json.tree(Files.readAllBytes(onlyDir(tandem.work.resolve("joined")).resolve("results.json")));
            assertThat(Stream.of("A", "B", "C").map(l -> results.path("devices").path(l).path("device").asText()))
                    .containsExactlyInAnyOrder("grid-web-1", "grid-web-2", "grid-web-3");
        } finally {
            run.destroyForcibly();
            run.waitFor(10, TimeUnit.SECONDS);
            if (added != null) {
                // the lease's sessions close as its runners stop; only then may their node go (a stopped node keeps its slot's session)
                grid.awaitStatus(s -> sessions(s) == 0, 20_000, "every session closed with the lease");
                grid.stopNode(added);
            }
        }
    }

    @Test
    @Order(6)
    void theNextDaemonClosesTheSessionsOfADaemonKilledMidRun() throws Exception {
        Path plan = tandem.write("waiting.yaml", WAITING_PLAN);
        Process run = tandem.start("run", plan.toString(), "-o", "crash");
        try {
            GridRuns.awaitRunnerUp(tandem, DEVICES);
            GridRuns.killDaemon(tandem);
            assertThat(grid.sessions()).as("the session outlives the killed daemon").isEqualTo(1);
        } finally {
            run.destroyForcibly();
            run.waitFor(10, TimeUnit.SECONDS);
        }
        Tandem.Result devices = tandem.run("devices"); // starts the next daemon
        assertThat(devices.exit()).as(devices.all()).isZero();
        grid.awaitStatus(s -> sessions(s) == 0, 20_000, "the next daemon closed the orphaned session");
    }

    @Test
    @Order(7)
    void aNodeKilledMidRunFailsItsDeviceWithDeviceLostFast() throws Exception {
        Path plan = tandem.write("waiting.yaml", WAITING_PLAN);
        Process run = tandem.start("run", plan.toString(), "-o", "lost");
        GridRuns.awaitRunnerUp(tandem, DEVICES);
        JsonNode status = grid.awaitStatus(s -> sessions(s) == 1, 10_000, "the run's session open");
        int node = 0;
        for (int i = 0; i < status.path("nodes").size(); i++) {
            for (JsonNode slot : status.path("nodes").get(i).path("slots")) if (slot.path("session").isObject()) node = i;
        }
        String uri = status.path("nodes").get(node).path("uri").asText();
        GridRuns.Ended end = GridRuns.killNode(grid, uri, run);
        assertThat(end.result().exit()).as(end.result().all()).isEqualTo(3);
        assertThat(end.result().all()).contains("DEVICE_LOST");
        assertThat(end.ms()).as("the loss is noticed, not the 60 s assertVisible bound waited out").isLessThan(30_000);
    }

    /** The Grid sessions the daemon has on record as open (a file each until the Grid answered their DELETE). */
    private java.util.List<String> sessionRecords() throws java.io.IOException {
        Path dir = tandem.home.resolve("runners/grid-sessions");
        if (!Files.isDirectory(dir)) return java.util.List.of();
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
        }
    }

    static int sessions(JsonNode status) {
        int n = 0;
        for (JsonNode node : status.path("nodes")) for (JsonNode s : node.path("slots")) if (s.path("session").isObject()) n++;
        return n;
    }

    static Path onlyDir(Path parent) throws Exception {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
