package dev.tandem.web;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.os.Host;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * One headless Chromium with its own profile directory, started so that it never outlives the JVM
 * that started it: a {@code sh} watchdog starts Chromium in a process group of its own, then blocks
 * reading its stdin, a pipe from this JVM. When the JVM exits for any reason (even kill -9) the
 * pipe closes, and the watchdog kills the whole group and deletes the profile and Chromium's temp
 * dir ({@link ChromiumTempDir}). A shutdown hook does the same on clean exits without waiting for
 * the pipe.
 */
final class ChromiumProcess implements AutoCloseable {
    static final long START_TIMEOUT_MS = 20_000;
    static final int START_ATTEMPTS = 3;
    private static final long STOP_TIMEOUT_MS = 5_000;

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

    /**
     * The watchdog. Arguments: log file, profile dir, temp dir, then the Chromium command. setsid makes
     * Chromium the leader of a new process group (no fork: a background job is never a group
     * leader), so one kill reaches the browser and every helper it started. A background reader
     * blocks on our pipe (fd 3; an asynchronous list would otherwise read /dev/null) and kills the
     * group at EOF; the shell itself waits for Chromium, so it reaps it whenever it exits, then
     * stops the reader (no stale pid is ever killed) and deletes the profile and temp dir. The
     * watchdog runs in a session of its own and ignores INT, TERM and HUP, so killing the runner's process group
     * (Ctrl-C, a supervisor, even SIGKILL) takes the runner away but leaves the watchdog to act.
     */
    private static final String WATCHDOG = """
            log="$1"; dir="$2"; tmp="$3"; shift 3
            exec 3<&0
            if command -v setsid >/dev/null 2>&1; then setsid "$@" </dev/null >>"$log" 2>&1 3<&- &
            else "$@" </dev/null >>"$log" 2>&1 3<&- &
            fi
            pid=$!
            trap '' INT TERM HUP
            echo "$pid"
            ( while read -r _; do :; done; kill -KILL -"$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null ) <&3 &
            reader=$!
            exec 3<&-
            wait "$pid"
            kill -KILL "$reader" 2>/dev/null
            kill -KILL -"$pid" 2>/dev/null
            for d in "$dir" "$tmp"; do [ -n "$d" ] && rm -rf -- "$d"; done
            """;

    /** setsid(1), or perl's setsid on macOS (see Host): the watchdog gets a session (and process group) of its own. */
    private static final List<String> SETSID = Host.current().newSessionPrefix();

    private final Process watchdog;
    private final long pid;
    private final Path profileDir;
    private final Path tmpDir;
    private final Path log;
    private final URI browserUrl;
    private final Thread hook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChromiumProcess(Process watchdog, long pid, Path profileDir, Path tmpDir, Path log, URI browserUrl) {
        this.watchdog = watchdog;
        this.pid = pid;
        this.profileDir = profileDir;
        this.tmpDir = tmpDir;
        this.log = log;
        this.browserUrl = browserUrl;
        this.hook = new Thread(this::close, "chromium-" + pid + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
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
        Process sh = null;
        Path tmp = null;
        try {
            Files.createDirectories(workDir);
            deleteTree(profile);
            Files.createDirectories(profile);
            tmp = ChromiumTempDir.create(workDir);
            if (attempt == 1) Files.deleteIfExists(log); // later attempts append: the log keeps every crash
            List<String> cmd = new ArrayList<>();
            cmd.addAll(SETSID);
            cmd.addAll(List.of("sh", "-c", WATCHDOG, "tandem-chromium-watchdog", log.toString(), profile.toString(), tmp.toString(), binary.toString()));
            cmd.addAll(FLAGS);
            cmd.add("--user-data-dir=" + profile);
            cmd.add("about:blank");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("TMPDIR", tmp.toString());
            sh = pb.start();
            long pid = readPid(sh);
            URI url = awaitDevToolsUrl(sh, pid, profile, log);
            return new ChromiumProcess(sh, pid, profile, tmp, log, url);
        } catch (IOException e) {
            if (sh != null) sh.destroyForcibly();
            if (tmp != null) deleteTree(tmp);
            throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot start Chromium (" + binary + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (sh != null) {
                try {
                    sh.getOutputStream().close(); // the watchdog kills whatever did start
                    sh.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS); // and deletes the profile before a retry
                } catch (IOException ignored) {
                    // already gone
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            if (tmp != null) deleteTree(tmp);
            throw e;
        }
    }

    private static long readPid(Process sh) {
        BufferedReader out = new BufferedReader(new InputStreamReader(sh.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Thread::startVirtualThread);
        try {
            String s = line.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (s == null) throw new IOException("the Chromium watchdog exited before starting Chromium");
            return Long.parseLong(s.strip());
        } catch (Exception e) {
            sh.destroyForcibly();
            throw new TandemException(ErrorCode.RUNNER_FAILED, "the Chromium watchdog (sh) did not start Chromium: " + e, e);
        }
    }

    /** Chromium writes its port and browser path to DevToolsActivePort once it listens. */
    private static URI awaitDevToolsUrl(Process sh, long pid, Path profile, Path log) {
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
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive || !sh.isAlive()) {
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
        return pid;
    }

    Path profileDir() {
        return profileDir;
    }

    boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The last lines Chromium logged, for error messages. */
    String logTail() {
        return tail(log);
    }

    /** Kills Chromium and its helpers, then deletes the profile and temp dir. Idempotent; bounded. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            watchdog.getOutputStream().close();
        } catch (IOException ignored) {
            // the watchdog is gone already; the kill below covers it
        }
        boolean exited;
        try {
            exited = watchdog.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            // The watchdog is stuck: kill Chromium ourselves (it reaped nothing, so the pid is still ours).
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
            watchdog.destroyForcibly();
        }
        deleteTree(profileDir);
        deleteTree(tmpDir);
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down; the hook finds us closed
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a helper may still be writing; the next start wipes it again
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // the tree changed under us (the watchdog deletes it too)
        }
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
