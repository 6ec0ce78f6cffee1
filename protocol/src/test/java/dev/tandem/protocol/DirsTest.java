package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file where a state directory must be is named, with what to do, under a stable code. */
class DirsTest {
    @TempDir Path tmp;

    @Test
    void aJournalDirReplacedByAFileIsNamedWithAFix() throws Exception {
        Path journal = Files.writeString(tmp.resolve("journal"), "not a dir");
        assertThatThrownBy(() -> Dirs.ensure(journal.resolve("sim-1"), "the runner's journal dir"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STATE_DIR_BROKEN);
                    assertThat(e.getMessage()).contains(journal + " is a file, not a directory").contains("mv " + journal)
                            .doesNotContain("Exception");
                });
    }

    @Test
    void createsWhatIsMissing() {
        assertThat(Dirs.ensure(tmp.resolve("a/b"), "x")).isDirectory();
    }
}
