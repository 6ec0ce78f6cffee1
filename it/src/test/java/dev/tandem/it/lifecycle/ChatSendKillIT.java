package dev.tandem.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.apps.AppServices;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's "done when": on two realistic-profile sim phones in one chat room, A types and sends
 * while its runner is {@code kill -9}ed at a random moment of the send. Whatever the moment, the
 * receiver B never gets the message twice, and the send reports success or OUTCOME_UNKNOWN.
 */
class ChatSendKillIT {
    static final int TRIALS = Integer.getInteger("tandem.chatKillTrials", 30);
    static final String CHAT = "com.chat.app";
    static final String ROOM = "kill-room";

    @Test
    void killingTheSendersRunnerNeverDeliversAMessageTwice() throws Exception {
        MatrixTable.Tally tally = new MatrixTable.Tally();
        List<String> problems = new ArrayList<>();
        long t0 = System.nanoTime();
        int restarts;
        try (AppServices services = AppServices.start();
                RunnerProcesses processes = new RunnerProcesses(TempDirs.create("tandem-chat-kill-"));
                TestRunners runners = new TestRunners(processes, "realistic")) {
            runners.setup("A", h -> Commands.run(h, Tool.LAUNCH_APP, Commands.launch(CHAT, services, ROOM, "A")));
            runners.setup("B", h -> Commands.run(h, Tool.LAUNCH_APP, Commands.launch(CHAT, services, ROOM, "B")));
            RunnerHandle b = runners.current("B");
            runners.current("A");
            RunnerClient client = new RunnerClient(runners);
            for (int i = 0; i < TRIALS; i++) {
                String text = "message-" + i;
                String id = "send-" + i;
                runners.current("A"); // a live sender, its chat open (a killed one is replaced here, not inside the send)
                CompletableFuture<CommandRecord> send = CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.execute("A", id, Tool.INPUT_TEXT,
                                Json.object().put("id", "compose").put("text", text).put("imeAction", "send"), 15_000);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // the fault's timing: a random moment within the send (tap to focus, type, send: ~100-300 ms)
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(0, 300)));
                runners.killCurrent("A");
                CommandRecord rec = send.get(60, TimeUnit.SECONDS);
                long sent = Commands.messages(services, ROOM, text);
                boolean unknown = rec.state() == CommandState.UNKNOWN && rec.error().code() == ErrorCode.OUTCOME_UNKNOWN;
                tally.add(rec.state() == CommandState.COMPLETED ? "success" : unknown ? "OUTCOME_UNKNOWN" : rec.state().wire(), sent);
                if (rec.state() != CommandState.COMPLETED && !unknown) problems.add(text + ": reported " + rec);
                if (sent > 1) problems.add(text + ": sent " + sent + " times");
                if (rec.state() == CommandState.COMPLETED && sent != 1) problems.add(text + ": success but " + sent + " messages");
                if (sent == 1) {
                    long onB = receivedByB(b, text);
                    if (onB != 1) problems.add(text + ": B shows it " + onB + " times");
                }
            }
            restarts = runners.replacements.get();
        }
        String row = MatrixTable.row("kill -9 of A's runner during a chat send", "inputText+send (realistic, 2 phones)", TRIALS,
                tally, restarts, "success or OUTCOME_UNKNOWN; B never gets a message twice", System.nanoTime() - t0);
        MatrixTable.write("chat-send-kill.md", List.of(MatrixTable.HEADER, MatrixTable.RULE, row));
        assertThat(problems).isEmpty();
    }

    /** How many of B's on-screen messages carry that text, once it has arrived. */
    private static long receivedByB(RunnerHandle b, String text) {
        Commands.run(b, Tool.ASSERT_VISIBLE, Json.object().put("text", text).put("timeout", 10_000));
        Snapshot s = Json.convert(Commands.run(b, Tool.OBSERVE, Json.object()).result(), Snapshot.class);
        List<UiNode> hits = s.root().flatten().stream().filter(n -> text.equals(n.text())).toList();
        return hits.stream().filter(n -> !"notification".equals(n.role())).count();
    }
}
