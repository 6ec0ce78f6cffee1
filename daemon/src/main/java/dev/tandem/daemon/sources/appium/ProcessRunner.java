package dev.tandem.daemon.sources.appium;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool as a child process with a bound: at the bound the tool and its children are killed.
 * Its output is read until the tool exits, not until the pipe closes — {@code adb devices} may
 * start the adb server, which outlives it and could hold the pipe open.
 */
public final class ProcessRunner implements CommandRunner {
    /** More than any device listing; a tool that prints more is cut here. */
    static final int MAX_OUTPUT = 1 << 20;
    /** How long the pipes may stay open once the tool exited (its output is in them already). */
    private static final long AFTER_EXIT_NANOS = 1_000_000_000L;

    @Override
    public Outcome run(List<String> command, Duration timeout) {
        Process p = null;
        try {
            p = new ProcessBuilder(command).start();
            p.getOutputStream().close(); // it reads nothing from us
        } catch (IOException | RuntimeException e) {
            if (p != null) kill(p);
            return new NotStarted(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Drain out = new Drain(p.getInputStream());
        Drain err = new Drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(p);
                return new TimedOut(timeout);
            }
            // the tool is gone; what it printed is in the pipes, unless a child it left holds them open
            long left = Math.clamp(deadline - System.nanoTime(), 100_000_000L, AFTER_EXIT_NANOS);
            return new Exited(p.exitValue(), out.take(left), err.take(100_000_000L));
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return new TimedOut(timeout);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** Reads a pipe on its own thread, keeping up to {@link #MAX_OUTPUT} bytes. */
    private static final class Drain {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final CountDownLatch done = new CountDownLatch(1);

        Drain(InputStream in) {
            Thread.ofVirtual().name("discovery-output").start(() -> {
                byte[] chunk = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(chunk)) >= 0;) {
                        synchronized (buf) {
                            if (buf.size() < MAX_OUTPUT) buf.write(chunk, 0, Math.min(n, MAX_OUTPUT - buf.size()));
                        }
                    }
                } catch (IOException e) {
                    // the process was killed or its pipe broke: keep what came
                } finally {
                    done.countDown();
                }
            });
        }

        /** What came until the pipe closed, or until {@code nanos} passed. */
        String take(long nanos) throws InterruptedException {
            done.await(nanos, TimeUnit.NANOSECONDS);
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
