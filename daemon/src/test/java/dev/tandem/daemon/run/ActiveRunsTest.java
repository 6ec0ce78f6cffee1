package dev.tandem.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftover run markers are recovered one by one; a marker with a field missing never stops a daemon starting. */
class ActiveRunsTest {
    @TempDir Path tmp;

    @Test
    void aValidJsonMarkerWithoutDirIsMovedAsideAndTheOthersAreStillRecorded() throws Exception {
        Path markers = Files.createDirectory(tmp.resolve("runs"));
        Files.writeString(markers.resolve("a.json"), "{\"runId\": \"a\", \"plan\": \"p\", \"daemonPid\": 7}");
        Files.writeString(markers.resolve("b.json"), "{\"runId\": \"b\", \"dir\": \"relative/dir\"}");
        Path runDir = Files.createDirectory(tmp.resolve("run-c"));
        Files.write(markers.resolve("c.json"), Json.bytes(new ActiveRuns.Marker("c", runDir.toString(), "plan", null, 1, 99, 0)));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        int recorded = new ActiveRuns(markers, new Log(new PrintStream(log, true), "t")).recoverInterrupted();

        assertThat(recorded).isEqualTo(1);
        assertThat(runDir.resolve("results.json")).exists();
        assertThat(markers.resolve("a.json.corrupt")).exists();
        assertThat(markers.resolve("b.json.corrupt")).exists();
        assertThat(log.toString()).contains("dir is missing").contains("absolute path");
    }
}
