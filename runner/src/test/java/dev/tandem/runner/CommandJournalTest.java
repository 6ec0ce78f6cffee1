package dev.tandem.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandJournalTest {
    @TempDir Path dir;

    private static CommandEnvelope env(String id, String boot) {
        return new CommandEnvelope(id, boot, "tapOn", Json.object(), 1000);
    }

    private static Entry fresh(CommandJournal j, String id) {
        return ((CommandJournal.Fresh) j.admit(env(id, j.bootId()))).entry();
    }

    @Test
    void aKnownIdIsNeverAdmittedTwice() throws IOException {
        CommandJournal j = new CommandJournal("b1", dir, Durability.WRITE);
        Entry e = fresh(j, "c1");
        assertThat(j.admit(env("c1", "b1"))).isInstanceOf(CommandJournal.Known.class);
        j.started(e);
        j.ended(e, Json.object().put("ok", true), null);
        CommandJournal.Admission again = j.admit(env("c1", "b1"));
        assertThat(again).isInstanceOf(CommandJournal.Known.class);
        assertThat(((CommandJournal.Known) again).entry().record().state()).isEqualTo(CommandState.COMPLETED);
    }

    @Test
    void theSuccessorAnswersForAnEarlierBootFromItsJournal() throws IOException {
        CommandJournal dead = new CommandJournal("boot-a", dir, Durability.WRITE);
        Entry done = fresh(dead, "done");
        dead.started(done);
        dead.ended(done, Json.object().put("element", "button 'Send'"), null);
        Entry failed = fresh(dead, "failed");
        dead.started(failed);
        dead.ended(failed, null, new ErrorInfo(ErrorCode.ELEMENT_NOT_FOUND, "no such button"));
        dead.started(fresh(dead, "cut")); // the runner "dies" here: started, no end
        fresh(dead, "accepted-only"); // in memory only: never reached the disk

        CommandJournal next = new CommandJournal("boot-b", dir, Durability.WRITE);
        CommandRecord r = next.lookup("done", "boot-a");
        assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(r.result().path("element").asText()).isEqualTo("button 'Send'");
        assertThat(next.lookup("failed", "boot-a").error().code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND);
        assertThat(next.lookup("cut", "boot-a").state()).isEqualTo(CommandState.UNKNOWN);
        assertThat(next.lookup("accepted-only", "boot-a").state()).isEqualTo(CommandState.NOT_ACCEPTED);
        assertThat(next.lookup("never-sent", "boot-a").state()).isEqualTo(CommandState.NOT_ACCEPTED);
        assertThat(next.lookup("done", "no-such-boot").state()).isEqualTo(CommandState.UNKNOWN);
        assertThat(next.lookup("../../etc/passwd", "../x").state()).isEqualTo(CommandState.UNKNOWN);
    }

    @Test
    void aTornLastLineLosesOnlyThatRecord() throws IOException {
        CommandJournal dead = new CommandJournal("boot-a", dir, Durability.WRITE);
        Entry e = fresh(dead, "c1");
        dead.started(e);
        dead.ended(e, Json.object(), null);
        dead.close();
        Files.writeString(dir.resolve("boot-a.jsonl"), "{\"id\":\"c2\",\"s\":\"sta", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        CommandJournal next = new CommandJournal("boot-b", dir, Durability.WRITE);
        assertThat(next.lookup("c1", "boot-a").state()).isEqualTo(CommandState.COMPLETED);
        // the torn write was the started record: the effect that follows it never happened
        assertThat(next.lookup("c2", "boot-a").state()).isEqualTo(CommandState.NOT_ACCEPTED);
    }

    @Test
    void withoutADurableJournalTheEvidenceIsGone() throws IOException {
        CommandJournal dead = new CommandJournal("boot-a", dir, Durability.NONE);
        dead.started(fresh(dead, "c1"));
        CommandJournal next = new CommandJournal("boot-b", dir, Durability.WRITE);
        assertThat(next.lookup("c1", "boot-a").state()).isEqualTo(CommandState.UNKNOWN);
        assertThat(next.lookup("c2", "boot-a").state()).isEqualTo(CommandState.UNKNOWN);
    }

    @Test
    void evictedRecordsKeepTheirFinalStateAndErrorCode() throws IOException {
        CommandJournal j = new CommandJournal("b1", dir, Durability.NONE);
        Entry first = fresh(j, "first");
        j.started(first);
        j.ended(first, null, new ErrorInfo(ErrorCode.ELEMENT_NOT_FOUND, "gone"));
        Entry second = fresh(j, "second");
        j.started(second);
        j.ended(second, Json.object(), null);
        for (int i = 0; i < CommandJournal.MAX_RECORDS; i++) {
            Entry e = fresh(j, "c" + i);
            j.started(e);
            j.ended(e, Json.object(), null);
        }
        assertThat(j.entry("first")).isNull();
        CommandRecord r = j.lookup("first", "b1");
        assertThat(r.state()).isEqualTo(CommandState.FAILED);
        assertThat(r.error().code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND);
        assertThat(j.lookup("second", null).state()).isEqualTo(CommandState.COMPLETED);
        CommandJournal.Admission resend = j.admit(env("second", "b1"));
        assertThat(resend).isInstanceOf(CommandJournal.Known.class);
        assertThat(((CommandJournal.Known) resend).entry().record().state()).isEqualTo(CommandState.COMPLETED);
    }

    @Test
    void recordsStayFindableAcrossASegmentRotation() throws IOException {
        CommandJournal dead = new CommandJournal("boot-a", dir, Durability.WRITE);
        var big = Json.object().put("blob", "x".repeat(CommandJournal.MAX_DURABLE_RESULT_CHARS - 20));
        int n = (int) (JournalFile.SEGMENT_BYTES / CommandJournal.MAX_DURABLE_RESULT_CHARS) + 10;
        for (int i = 0; i < n; i++) {
            Entry e = fresh(dead, "c" + i);
            dead.started(e);
            dead.ended(e, big, null);
        }
        dead.started(fresh(dead, "last"));
        assertThat(dir.resolve("boot-a.prev.jsonl")).exists();
        CommandJournal next = new CommandJournal("boot-b", dir, Durability.WRITE);
        assertThat(next.lookup("c" + (n - 20), "boot-a").state()).isEqualTo(CommandState.COMPLETED);
        assertThat(next.lookup("last", "boot-a").state()).isEqualTo(CommandState.UNKNOWN);
    }

    @Test
    void startUpKeepsTheNewestBootsOnly() throws IOException {
        for (int i = 0; i < JournalFile.KEEP_BOOTS + 4; i++) {
            CommandJournal j = new CommandJournal("boot-" + i, dir, Durability.WRITE);
            Entry e = fresh(j, "c");
            j.started(e);
            j.close();
            Files.setLastModifiedTime(dir.resolve("boot-" + i + ".jsonl"),
                    java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(JournalFile.KEEP_BOOTS);
        }
        assertThat(dir.resolve("boot-" + (JournalFile.KEEP_BOOTS + 3) + ".jsonl")).exists();
        assertThat(dir.resolve("boot-0.jsonl")).doesNotExist();
    }

    @Test
    void aCancelThatOvertakesItsCommandIsKept() throws IOException {
        CommandJournal j = new CommandJournal("b1", dir, Durability.WRITE);
        Entry tomb = j.cancelUnseen("late");
        assertThat(tomb.record().error().code()).isEqualTo(ErrorCode.CANCELLED);
        CommandJournal.Admission later = j.admit(env("late", "b1"));
        assertThat(later).isInstanceOf(CommandJournal.Known.class);
        CommandJournal next = new CommandJournal("b2", dir, Durability.WRITE);
        assertThat(next.lookup("late", "b1").error().code()).isEqualTo(ErrorCode.CANCELLED);
    }
}
