package dev.tandem.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second runner for a device whose work dir a live runner holds refuses to start, naming the holder. */
class DeviceLockTest {
    @TempDir Path tmp;

    @Test
    void theSecondRunnerOfADeviceIsRefusedWithTheHolderNamed() throws Exception {
        Path work = tmp.resolve("devices").resolve("web-1");
        DeviceLock.acquire(work, "web-1");
        assertThat(Files.readString(work.resolve(DeviceLock.FILE)).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThatThrownBy(() -> DeviceLock.acquire(work, "web-1")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("another runner (pid " + ProcessHandle.current().pid() + ")").contains("web-1");
        });
    }
}
