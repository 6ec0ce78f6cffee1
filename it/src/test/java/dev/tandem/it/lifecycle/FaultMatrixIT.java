package dev.tandem.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.apps.AppServices;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix (issue 4, docs/runner-protocol.md): real runner processes with the test fault
 * switch, the daemon's real {@link RunnerClient}, and the counter app, whose every tap posts one
 * chat message: the chat service is the witness that counts effects. Each fault point runs
 * {@code tandem.faultTrials} trials (default 50), each in a fresh chat room.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {
    static final int TRIALS = Integer.getInteger("tandem.faultTrials", 50);
    /** Trials run on this many devices side by side (each with its own runners). */
    static final int LANES = Integer.getInteger("tandem.faultLanes", 2);
    static final String COUNTER = "com.tandem.counter";

    /** One row: a fault point on a command, and what the client must report. */
    record Point(String fault, Tool tool, boolean halts, CommandState outcome, int effects, String recovery) {
        boolean mutating() {
            return tool.traits().mutates(Json.object());
        }

        @Override
        public String toString() {
            return fault + " / " + tool;
        }
    }

    static Stream<Point> points() {
        return Stream.of(
                new Point("before-accept", Tool.TAP_ON, true, CommandState.COMPLETED, 1, "journal: not started → resent once on the new boot"),
                new Point("after-accept", Tool.TAP_ON, true, CommandState.COMPLETED, 1, "journal: not started → resent once on the new boot"),
                new Point("after-start", Tool.TAP_ON, true, CommandState.UNKNOWN, 0, "journal: started, no end → OUTCOME_UNKNOWN, not replayed"),
                new Point("after-effect", Tool.TAP_ON, true, CommandState.UNKNOWN, 1, "journal: started, no end → OUTCOME_UNKNOWN, not replayed"),
                new Point("after-complete", Tool.TAP_ON, true, CommandState.COMPLETED, 1, "journal: completed → its record returned, not replayed"),
                new Point("drop-after-complete", Tool.TAP_ON, false, CommandState.COMPLETED, 1, "same boot alive → resend of the id returns the record"),
                new Point("after-start", Tool.ASSERT_VISIBLE, true, CommandState.COMPLETED, 0, "read-only → run again on the new boot"));
    }

    AppServices services;
    RunnerProcesses processes;
    TestRunners runners;
    RunnerClient client;
    Path markers;
    final List<String> table = new ArrayList<>();
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    void start() throws IOException {
        services = AppServices.start();
        processes = new RunnerProcesses(TempDirs.create("tandem-fault-matrix-"));
        runners = new TestRunners(processes, null);
        client = new RunnerClient(runners);
        markers = TempDirs.create("tandem-fault-markers-");
    }

    @AfterAll
    void stop() throws IOException {
        runners.close();
        processes.close();
        services.close();
        List<String> out = new ArrayList<>(List.of(MatrixTable.HEADER, MatrixTable.RULE));
        out.addAll(table);
        MatrixTable.write("fault-matrix.md", out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("points")
    @Order(1)
    void faultPoint(Point p) throws Exception {
        long t0 = System.nanoTime();
        MatrixTable.Tally tally = new MatrixTable.Tally();
        int replacementsBefore = runners.replacements.get();
        List<Thread> lanes = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            int first = lane;
            lanes.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < TRIALS; i += LANES) trial(p, "fm-" + first, i, tally);
            }));
        }
        for (Thread t : lanes) t.join();
        int restarts = runners.replacements.get() - replacementsBefore;
        table.add(MatrixTable.row(p.fault(), p.tool().wireName(), TRIALS, tally, restarts, p.recovery(), System.nanoTime() - t0));
        System.out.println(table.getLast());
        assertThat(violations).as("fault matrix violations").isEmpty();
        assertThat(restarts).as("runner restarts").isEqualTo(p.halts() ? TRIALS : 0);
    }

    /** The daemon (the client process) killed mid-command; the runner lives on and must tell the truth. */
    @Test
    @Order(2)
    void daemonKilledMidCommand() throws Exception {
        long t0 = System.nanoTime();
        MatrixTable.Tally tally = new MatrixTable.Tally();
        List<String> problems = new ArrayList<>();
        try (TestRunners realistic = new TestRunners(processes, "realistic")) {
            DaemonKill kill = new DaemonKill(services, realistic, "dk", "dk-room");
            for (int i = 0; i < TRIALS; i++) {
                DaemonKill.Trial t = kill.run("dk-" + i);
                tally.add("next daemon saw " + t.seenByNextDaemon().wire(), t.effects());
                if (t.effects() != 1) problems.add("dk-" + i + ": " + t.effects() + " effects after the resend, expected 1");
                if (t.resend().state() != CommandState.COMPLETED) problems.add("dk-" + i + ": resend " + t.resend());
            }
            table.add(MatrixTable.row("daemon killed mid-command", "tapOn (realistic)", TRIALS, tally, realistic.replacements.get(),
                    "runner lives; next daemon's status query tells the truth; resend of the id → its record, run once",
                    System.nanoTime() - t0));
        }
        System.out.println(table.getLast());
        assertThat(problems).isEmpty();
    }

    private void trial(Point p, String device, int i, MatrixTable.Tally tally) {
        String room = "fm-" + p.fault() + "-" + p.tool() + "-" + i;
        String id = room;
        try {
            runners.setup(device, h -> Commands.run(h, Tool.LAUNCH_APP, Commands.launch(COUNTER, services, room, "A")));
            RunnerHandle first = runners.current(device);
            Commands.run(first, Tool.LAUNCH_APP, Commands.launch(COUNTER, services, room, "A"));
            ObjectNode params = Json.object().put("id", "send");
            params.putObject("_fault").put("point", p.fault()).put("marker", markers.resolve(id).toString());
            CommandRecord rec = client.execute(device, id, p.tool(), params, 10_000);
            long effects = Commands.messages(services, room, "+1");
            synchronized (tally) {
                tally.add(rec.state(), effects);
            }
            check(p, device, i, rec, effects, first, runners.current(device));
        } catch (Exception | AssertionError e) {
            synchronized (violations) {
                violations.add(p + " trial " + i + ": " + e);
            }
        }
    }

    private void check(Point p, String device, int trial, CommandRecord rec, long effects, RunnerHandle first, RunnerHandle now)
            throws IOException {
        List<String> violations = new ArrayList<>();
        String where = p + " trial " + trial + ": ";
        if (effects > 1) violations.add(where + effects + " effects (duplicate!)");
        if (rec.state() != p.outcome()) violations.add(where + "outcome " + rec.state().wire() + " (" + rec.error() + "), expected " + p.outcome().wire());
        if (effects != p.effects()) violations.add(where + effects + " effects, expected " + p.effects());
        if (p.outcome() == CommandState.UNKNOWN && (rec.error() == null || rec.error().code() != ErrorCode.OUTCOME_UNKNOWN)) {
            violations.add(where + "unknown outcome without OUTCOME_UNKNOWN: " + rec.error());
        }
        if (p.halts() && p.mutating()) {
            // never replayed, or replayed exactly once: the journals of both boots are the proof
            checkJournals(p, device, rec, first, now, where, violations);
        }
        synchronized (this.violations) {
            this.violations.addAll(violations);
        }
    }

    private void checkJournals(Point p, String device, CommandRecord rec, RunnerHandle first, RunnerHandle now, String where,
            List<String> violations) throws IOException {
        long onNewBoot = startedLines(device, now, rec.id());
        long expected = p.fault().equals("before-accept") || p.fault().equals("after-accept") ? 1 : 0;
        if (onNewBoot != expected) violations.add(where + "started " + onNewBoot + " times on the new boot, expected " + expected);
        long onOldBoot = startedLines(device, first, rec.id());
        long expectedOld = expected == 1 ? 0 : 1;
        if (onOldBoot != expectedOld) violations.add(where + "started " + onOldBoot + " times on the old boot, expected " + expectedOld);
    }

    private long startedLines(String device, RunnerHandle h, String id) throws IOException {
        Path j = processes.journal(device, h.bootId());
        if (!Files.exists(j)) return 0;
        try (Stream<String> lines = Files.lines(j)) {
            return lines.filter(l -> l.contains("\"id\":\"" + id + "\"") && l.contains("\"s\":\"started\"")).count();
        }
    }
}
