package dev.tandem.daemon.prepare.appium;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs node, npm and the Appium CLI as bounded child processes: output to a file (appended to the
 * prepare log), the whole process tree killed when the deadline passes or the JVM exits, so no npm
 * or node process outlives a prepare.
 */
final class ChildProcesses {
    /** What one command did: its exit code and output (stdout and stderr together). */
    record Outcome(int exit, String output) {}

    private ChildProcesses() {}

    /** Throws IOException when the program cannot be started (not installed); a timeout is exit -1. */
    static Outcome run(List<String> command, Map<String, String> env, Path log, long deadlineNanos) throws IOException {
        return run(command, env, log, deadlineNanos, true);
    }

    /**
     * With {@code withStderr} false the outcome holds stdout only (e.g. JSON) and stderr goes
     * straight to the log.
     */
    static Outcome run(List<String> command, Map<String, String> env, Path log, long deadlineNanos, boolean withStderr)
            throws IOException {
        Path out = Files.createTempFile("tandem-appium-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile());
            if (withStderr) {
                pb.redirectErrorStream(true);
            } else {
                Files.createDirectories(log.getParent());
                pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            Thread hook = killOnExit(p);
            boolean done;
            try {
                done = p.waitFor(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            } finally {
                if (!p.isAlive()) unhook(hook);
            }
            if (!done) {
                killTree(p.toHandle(), 5_000);
                unhook(hook);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            append(log, "$ " + String.join(" ", command) + "\n" + text + (done ? "exit " + p.exitValue() : "timed out: killed") + "\n");
            return new Outcome(done ? p.exitValue() : -1, text);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Like {@link #run}, but a failure to start, a timeout or a non-zero exit is {@code PREPARE_FAILED} naming {@code what}. */
    static String check(String what, List<String> command, Map<String, String> env, Path log, long deadlineNanos) {
        Outcome o;
        try {
            o = run(command, env, log, deadlineNanos);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.PREPARE_FAILED, what + " could not start (" + e.getMessage() + ")");
        }
        if (o.exit() == -1) throw new TandemException(ErrorCode.PREPARE_FAILED, what + " did not finish before the timeout; raise --timeout");
        if (o.exit() != 0) {
            throw new TandemException(ErrorCode.PREPARE_FAILED, what + " failed with exit " + o.exit() + ": " + tail(o.output())
                    + " (whole output in " + log + ")");
        }
        return o.output();
    }

    /** Kills a process and all its descendants: a polite signal first, then, after {@code graceMs}, forcibly. */
    static void killTree(ProcessHandle p, long graceMs) {
        List<ProcessHandle> all = new java.util.ArrayList<>(p.descendants().toList());
        all.add(p);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + graceMs * 1_000_000;
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                h.destroyForcibly();
                if (notYet instanceof InterruptedException) Thread.currentThread().interrupt();
            }
        }
    }

    /** A shutdown hook that kills {@code p}'s tree (Ctrl-C or SIGTERM of the prepare). */
    static Thread killOnExit(Process p) {
        Thread t = new Thread(() -> killTree(p.toHandle(), 2_000), "appium-prepare-child-killer");
        try {
            Runtime.getRuntime().addShutdownHook(t);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook would not run anyway
        }
        return t;
    }

    static void unhook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran: nothing to remove
        }
    }

    static void append(Path log, String text) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is for reading afterwards; the outcome is returned either way
        }
    }

    /** The last lines of a command's output, for an error message. */
    static String tail(String output) {
        List<String> lines = output.strip().lines().filter(l -> !l.isBlank()).toList();
        String t = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return t.length() > 600 ? "…" + t.substring(t.length() - 600) : t;
    }
}
