package dev.tandem.protocol.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a short-lived helper command (lsof) and returns its exit and stdout; tests pass a fake. */
@FunctionalInterface
public interface CommandRunner {

    /** What a command printed, and how it ended. */
    record Result(int exit, String out) {}

    /** Runs {@code command}; an IOException when it cannot be started or does not end within {@code timeout}. */
    Result run(List<String> command, Duration timeout) throws IOException;

    /** Real processes: stdin closed, stderr discarded, stdout read to the end (capped at 1 MiB). */
    static CommandRunner system() {
        return (command, timeout) -> {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            // Read on the side: a helper that hangs must not hold the caller past the timeout.
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = p.getInputStream()) {
                    return in.readNBytes(1 << 20);
                } catch (IOException e) {
                    return new byte[0];
                }
            }, Thread::startVirtualThread);
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) throw new IOException(command.getFirst() + " did not end within " + timeout.toMillis() + " ms");
                return new Result(p.exitValue(), new String(out.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command.getFirst(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("cannot read the output of " + command.getFirst(), e);
            } finally {
                p.destroyForcibly();
            }
        };
    }
}
