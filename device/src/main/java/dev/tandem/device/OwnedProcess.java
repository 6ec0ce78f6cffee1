package dev.tandem.device;

import dev.tandem.protocol.os.Host;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A helper program a backend starts for its device (Chromium, an Appium server) that never outlives
 * the JVM that started it. A {@code sh} watchdog starts the program in a process group of its own,
 * then blocks reading its stdin, a pipe from this JVM. When the JVM exits for any reason (even
 * kill -9) the pipe closes, and the watchdog kills the whole group and deletes the given
 * directories. A shutdown hook does the same on clean exits without waiting for the pipe.
 */
public final class OwnedProcess implements AutoCloseable {
    static final long START_TIMEOUT_MS = 20_000;
    private static final long STOP_TIMEOUT_MS = 5_000;

    /**
     * The watchdog. Arguments: log file, the number of directories to delete, those directories,
     * then the command, which starts with the host's new-session prefix (setsid, or perl's setsid on
     * macOS: {@link Host#newSessionPrefix()}). That makes the program the leader of a new process
     * group (no fork: a background job is never a group leader), so one kill reaches it and every helper it started
     * (Chromium's renderers, Appium's drivers). A background reader blocks on our pipe (fd 3; an
     * asynchronous list would otherwise read /dev/null) and kills the group at EOF; the shell itself
     * waits for the program, so it reaps it whenever it exits, then stops the reader (no stale pid is
     * ever killed) and deletes the directories. The watchdog runs in a session of its own and
     * ignores INT, TERM and HUP, so killing the runner's process group (Ctrl-C, a supervisor, even
     * SIGKILL) takes the runner away but leaves the watchdog to act.
     */
    private static final String WATCHDOG = """
            log="$1"; n="$2"; shift 2
            dirs=""; i=0
            while [ "$i" -lt "$n" ]; do dirs="$dirs
            $1"; shift; i=$((i+1)); done
            exec 3<&0
            "$@" </dev/null >>"$log" 2>&1 3<&- &
            pid=$!
            trap '' INT TERM HUP
            echo "$pid"
            ( while read -r _; do :; done; kill -KILL -"$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null ) <&3 &
            reader=$!
            exec 3<&-
            wait "$pid"
            kill -KILL "$reader" 2>/dev/null
            kill -KILL -"$pid" 2>/dev/null
            printf '%s\\n' "$dirs" | while IFS= read -r d; do [ -n "$d" ] && rm -rf -- "$d"; done
            """;

    /** setsid(1), or its macOS stand-in: the watchdog, and the program under it, each get a session (and process group) of their own. */
    private static final List<String> SETSID = Host.current().newSessionPrefix();

    private final Process watchdog;
    private final long pid;
    private final Path log;
    private final List<Path> dirs;
    private final Thread hook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OwnedProcess(Process watchdog, long pid, Path log, List<Path> dirs, String name) {
        this.watchdog = watchdog;
        this.pid = pid;
        this.log = log;
        this.dirs = dirs;
        this.hook = new Thread(this::close, name + "-" + pid + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts {@code command} with its output appended to {@code log}; {@code deleteAfter} are removed
     * once it has exited (a browser profile, a temp dir).
     *
     * @param name what it is, for thread names and messages ({@code chromium}, {@code appium})
     * @throws IOException when the watchdog cannot be started or does not report the program's pid
     */
    public static OwnedProcess start(String name, List<String> command, Path log, List<Path> deleteAfter, Map<String, String> env)
            throws IOException {
        List<String> cmd = new ArrayList<>(SETSID);
        cmd.addAll(List.of("sh", "-c", WATCHDOG, "tandem-" + name + "-watchdog", log.toString(), Integer.toString(deleteAfter.size())));
        deleteAfter.forEach(d -> cmd.add(d.toString()));
        cmd.addAll(SETSID);
        cmd.addAll(command);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        Process sh = pb.start();
        long pid;
        try {
            pid = readPid(sh);
        } catch (IOException e) {
            sh.destroyForcibly();
            throw e;
        }
        return new OwnedProcess(sh, pid, log, List.copyOf(deleteAfter), name);
    }

    private static long readPid(Process sh) throws IOException {
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
            if (s == null) throw new IOException("the watchdog (sh) exited before starting the program");
            return Long.parseLong(s.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the program", e);
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException("the watchdog (sh) did not start the program: " + e, e);
        }
    }

    /** The program's pid (the leader of its process group). */
    public long pid() {
        return pid;
    }

    public Path log() {
        return log;
    }

    /** Whether the program still runs (the watchdog reaps it when it exits). */
    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && watchdog.isAlive();
    }

    /** The last lines the program logged, for error messages (at most ~800 characters). */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String joined = String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).strip();
            return joined.isEmpty() ? "(nothing logged)" : joined.length() > 800 ? joined.substring(joined.length() - 800) : joined;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Kills the program and its helpers, then deletes its directories. Idempotent; bounded. */
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
            // The watchdog is stuck: kill the program ourselves (it reaped nothing, so the pid is still ours).
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
            watchdog.destroyForcibly();
        }
        dirs.forEach(OwnedProcess::deleteTree);
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down; the hook finds us closed
            }
        }
    }

    /** Deletes a directory tree, best effort (a helper may still be writing into it). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the next start wipes it again
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // the tree changed under us (the watchdog deletes it too)
        }
    }
}
