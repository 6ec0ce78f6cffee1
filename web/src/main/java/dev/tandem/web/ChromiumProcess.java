package dev.tandem.web;

import dev.tandem.device.OwnedProcess;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One headless Chromium with its own profile directory, started as an {@link OwnedProcess}: it
 * never outlives the JVM that started it (even after kill -9), and its profile and Chromium's temp
 * dir ({@link ChromiumTempDir}) are deleted when it exits.
 */
final class ChromiumProcess implements AutoCloseable {
    static final long START_TIMEOUT_MS = 20_000;
    static final int START_ATTEMPTS = 3;

    /** Flags for a quiet, offline, deterministic browser (the network is closed; nothing phones home). */
    static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--metrics-recording-only", "--disable-default-apps",
            "--mute-audio", "--disable-breakpad", "--disable-crash-reporter", "--password-store=basic",
            "--use-mock-keychain", "--disable-client-side-phishing-detection", "--disable-popup-blocking",
            "--disable-hang-monitor", "--disable-ipc-flooding-protection", "--disable-renderer-backgrounding",
            "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
            // Memory: no spare renderer, no omnibox WebUI renderers (they exist even headless), no
            // back-forward cache keeping old pages alive; GPU thread in the browser process.
            // OverscrollHistoryNavigation: a horizontal swipe is a swipe, not the browser's back/forward
            // gesture (a swipe right on a page that cannot scroll sideways went back, out of the app).
            "--disable-features=Translate,MediaRouter,OptimizationHints,InterestFeedContentSuggestions,"
                    + "CalculateNativeWinOcclusion,AutofillServerCommunication,CertificateTransparencyComponentUpdater,"
                    + "SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup,BackForwardCache,OverscrollHistoryNavigation",
            "--in-process-gpu",
            // Wheel scrolls land at once instead of animating: swipes are deterministic and settle fast.
            "--disable-smooth-scrolling",
            "--hide-scrollbars",
            "--remote-debugging-port=0");

    private final OwnedProcess process;
    private final Path profileDir;
    private final Path tmpDir;
    private final URI browserUrl;

    private ChromiumProcess(OwnedProcess process, Path profileDir, Path tmpDir, URI browserUrl) {
        this.process = process;
        this.profileDir = profileDir;
        this.tmpDir = tmpDir;
        this.browserUrl = browserUrl;
    }

    /**
     * Starts Chromium with a fresh profile under {@code workDir} and waits (bounded) for its DevTools
     * port. A Chromium that crashes while starting (it happens, rarely, under load) is started again,
     * up to {@link #START_ATTEMPTS} times in all.
     */
    static ChromiumProcess start(Path binary, Path workDir) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(binary, workDir, attempt);
            } catch (StartCrash e) {
                if (attempt >= START_ATTEMPTS) {
                    throw new TandemException(ErrorCode.RUNNER_FAILED, "Chromium exited during start-up, " + attempt
                            + " times in a row; the last time its log said: " + e.getMessage());
                }
            }
        }
    }

    /** Chromium exited before opening its DevTools port. */
    private static final class StartCrash extends RuntimeException {
        StartCrash(String message) {
            super(message, null, false, false);
        }
    }

    private static ChromiumProcess startOnce(Path binary, Path workDir, int attempt) {
        Path profile = workDir.resolve("profile");
        Path log = workDir.resolve("chromium.log");
        OwnedProcess chromium = null;
        Path tmp = null;
        try {
            Files.createDirectories(workDir);
            deleteTree(profile);
            Files.createDirectories(profile);
            tmp = ChromiumTempDir.create(workDir);
            if (attempt == 1) Files.deleteIfExists(log); // later attempts append: the log keeps every crash
            List<String> cmd = new ArrayList<>();
            cmd.add(binary.toString());
            cmd.addAll(FLAGS);
            cmd.add("--user-data-dir=" + profile);
            cmd.add("about:blank");
            chromium = OwnedProcess.start("chromium", cmd, log, List.of(profile, tmp), Map.of("TMPDIR", tmp.toString()));
            URI url = awaitDevToolsUrl(chromium, profile, log);
            return new ChromiumProcess(chromium, profile, tmp, url);
        } catch (IOException e) {
            if (chromium != null) chromium.close();
            if (tmp != null) deleteTree(tmp);
            throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot start Chromium (" + binary + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (chromium != null) chromium.close(); // kills whatever did start and deletes the profile before a retry
            if (tmp != null) deleteTree(tmp);
            throw e;
        }
    }

    /** Chromium writes its port and browser path to DevToolsActivePort once it listens. */
    private static URI awaitDevToolsUrl(OwnedProcess chromium, Path profile, Path log) {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000L;
        long pauseNanos = 1_000_000L;
        while (true) {
            try {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.US_ASCII);
                if (lines.size() >= 2 && !lines.get(0).isBlank() && lines.get(1).startsWith("/")) {
                    return URI.create("ws://127.0.0.1:" + Integer.parseInt(lines.get(0).strip()) + lines.get(1).strip());
                }
            } catch (NoSuchFileException e) {
                // not yet
            } catch (IOException | NumberFormatException e) {
                // half-written; read again
            }
            if (!chromium.isAlive()) {
                throw new StartCrash(tail(log) + " (full log: " + log + ")");
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new TandemException(ErrorCode.RUNNER_FAILED, "Chromium did not open its DevTools port within "
                        + START_TIMEOUT_MS + " ms; its log says: " + tail(log) + " (full log: " + log + ")");
            }
            LockSupport.parkNanos(pauseNanos); // start-up takes ~150 ms; a 1-4 ms poll costs at most that much
            pauseNanos = Math.min(pauseNanos * 2, 4_000_000L);
        }
    }

    URI browserUrl() {
        return browserUrl;
    }

    /** The browser process id (the leader of Chromium's process group). */
    long pid() {
        return process.pid();
    }

    Path profileDir() {
        return profileDir;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines Chromium logged, for error messages. */
    String logTail() {
        return process.logTail();
    }

    /** Kills Chromium and its helpers, then deletes the profile and temp dir. Idempotent; bounded. */
    @Override
    public void close() {
        process.close();
    }

    static void deleteTree(Path dir) {
        OwnedProcess.deleteTree(dir);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String joined = String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).strip();
            return joined.isEmpty() ? "(nothing logged)" : joined.length() > 800 ? joined.substring(joined.length() - 800) : joined;
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
