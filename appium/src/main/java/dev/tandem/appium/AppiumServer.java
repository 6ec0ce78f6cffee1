package dev.tandem.appium;

import dev.tandem.device.OwnedProcess;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The Appium server a device's session lives on: one Tandem started for this device and owns
 * ({@link Owned}: bound to 127.0.0.1, stopped with its runner, never orphaned — an
 * {@link OwnedProcess}), or one the user runs ({@link External}: Tandem only opens and closes its
 * own sessions there).
 */
public sealed interface AppiumServer extends AutoCloseable {
    /** How long a server Tandem started may take to answer {@code /status} with ready (Node start, driver load). */
    Duration START_TIMEOUT = Duration.ofSeconds(60);

    URI url();

    @Override
    void close();

    /** A server Tandem does not own. */
    record External(URI url) implements AppiumServer {
        @Override
        public void close() {
            // not ours to stop
        }
    }

    /**
     * A server Tandem started from its prepared install ({@code tandem prepare --platform appium}).
     *
     * @param process the server (node) and every driver process it starts, in one process group
     */
    record Owned(URI url, OwnedProcess process) implements AppiumServer {
        @Override
        public void close() {
            process.close();
        }

        /**
         * Starts {@code appium server} on 127.0.0.1:{@code port} with {@code appiumHome} as its
         * {@code APPIUM_HOME} (the prepared drivers) and waits, bounded, until it reports ready.
         */
        public static Owned start(Path appiumBin, Path appiumHome, int port, Path log) {
            if (!Files.isExecutable(appiumBin)) {
                throw new TandemException(ErrorCode.APPIUM_NOT_PREPARED, "the prepared Appium server " + appiumBin
                        + " is missing; run `tandem prepare --platform appium`");
            }
            List<String> cmd = List.of(appiumBin.toString(), "server", "--address", "127.0.0.1", "--port", Integer.toString(port),
                    "--log-no-colors", "--log-timestamp", "--local-timezone");
            OwnedProcess process;
            try {
                Files.deleteIfExists(log);
                process = OwnedProcess.start("appium", cmd, log, List.of(), Map.of("APPIUM_HOME", appiumHome.toString()));
            } catch (IOException e) {
                throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot start the Appium server " + appiumBin + ": " + e.getMessage(), e);
            }
            URI url = URI.create("http://127.0.0.1:" + port);
            try {
                awaitReady(url, process, log);
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
            return new Owned(url, process);
        }

        private static void awaitReady(URI url, OwnedProcess process, Path log) {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            long pause = 5_000_000L;
            try (WebDriverClient client = new WebDriverClient(url, null)) {
                while (true) {
                    try {
                        if (client.get("/status", Duration.ofSeconds(2)).path("ready").asBoolean()) return;
                    } catch (TandemException notYet) {
                        // not listening yet
                    }
                    if (!process.isAlive()) {
                        throw new TandemException(ErrorCode.RUNNER_FAILED, "the Appium server exited during start-up; its log says: "
                                + process.logTail() + " (full log: " + log + ")");
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw new TandemException(ErrorCode.RUNNER_FAILED, "the Appium server on " + url + " did not report ready within "
                                + START_TIMEOUT.toSeconds() + " s; its log says: " + process.logTail() + " (full log: " + log + ")");
                    }
                    LockSupport.parkNanos(pause); // Node takes ~0.5-2 s to start; a 5-40 ms poll costs little of that
                    pause = Math.min(pause * 2, 40_000_000L);
                }
            }
        }
    }
}
