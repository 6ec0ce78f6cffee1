package dev.tandem.daemon.runner;

import dev.tandem.protocol.http.LoopbackHttpClient;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A live runner the daemon talks to: started by this daemon ({@code process} set), adopted from
 * an earlier one ({@code process} null), or running inside the daemon's own process (a device
 * source's in-process runner: {@code inProcess} set, no OS process of its own).
 */
public final class RunnerHandle {
    /** A runner in the daemon's process: what stands in for its OS process. */
    public interface InProcess {
        boolean alive();

        /** Ends the runner at once (its "kill"). */
        void stop();

        /** Completes when the runner has ended. */
        CompletableFuture<?> exited();
    }

    private final RunnerFile file;
    private final Process process;
    private final InProcess inProcess;
    private final LoopbackHttpClient client;
    private volatile long lastUsed = System.nanoTime();
    /** The backend's declaration, from the handshake or uptime; false (a blank device after a restart) until known. */
    private volatile boolean stateSurvivesRestart;
    /** Set when the daemon itself stops this runner: that exit is no reset of a run's device. */
    private volatile boolean stoppedByDaemon;
    private final Set<Runnable> exitListeners = ConcurrentHashMap.newKeySet();
    private volatile CompletableFuture<?> exit;

    RunnerHandle(RunnerFile file, Process process) {
        this(file, process, false);
    }

    RunnerHandle(RunnerFile file, Process process, boolean stateSurvivesRestart) {
        this(file, process, null, stateSurvivesRestart);
    }

    private RunnerHandle(RunnerFile file, Process process, InProcess inProcess, boolean stateSurvivesRestart) {
        this.file = file;
        this.process = process;
        this.inProcess = inProcess;
        this.client = new LoopbackHttpClient(file.port(), file.token());
        this.stateSurvivesRestart = stateSurvivesRestart;
    }

    /** A runner a device source runs inside the daemon's process, reached at {@code file}'s port and token. */
    public static RunnerHandle inProcess(RunnerFile file, InProcess runner, boolean stateSurvivesRestart) {
        return new RunnerHandle(file, null, runner, stateSurvivesRestart);
    }

    public RunnerFile file() {
        return file;
    }

    public String deviceId() {
        return file.device();
    }

    public String bootId() {
        return file.bootId();
    }

    public long pid() {
        return file.pid();
    }

    public boolean adopted() {
        return process == null && inProcess == null;
    }

    public LoopbackHttpClient client() {
        return client;
    }

    public boolean alive() {
        if (inProcess != null) return inProcess.alive();
        if (process != null) return process.isAlive();
        return ProcessHandle.of(file.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether the device's state survives a restart of this runner (BackendProvider's declaration). */
    public boolean deviceStateSurvivesRestart() {
        return stateSurvivesRestart;
    }

    /** Records the declaration an adopted runner reports in its uptime. */
    void declare(boolean survives) {
        stateSurvivesRestart = survives;
    }

    /** Whether the daemon itself stopped this runner (daemon stop, idle TTL, another profile). */
    public boolean stoppedByDaemon() {
        return stoppedByDaemon;
    }

    void markStoppedByDaemon() {
        stoppedByDaemon = true;
    }

    /**
     * Calls {@code listener} once when the process exits (at once if it has). Returns what removes
     * it again: runs register per run, the runner outlives them.
     */
    public AutoCloseable onExit(Runnable listener) {
        exitListeners.add(listener);
        CompletableFuture<?> f = exit;
        if (f == null) {
            synchronized (this) {
                if (exit == null) {
                    exit = inProcess != null ? inProcess.exited() : process != null ? process.onExit()
                            : ProcessHandle.of(file.pid()).map(ProcessHandle::onExit).orElse(CompletableFuture.completedFuture(null));
                    exit.thenRun(() -> exitListeners.forEach(l -> {
                        if (exitListeners.remove(l)) l.run();
                    }));
                }
                f = exit;
            }
        }
        if (f.isDone() && exitListeners.remove(listener)) listener.run();
        return () -> exitListeners.remove(listener);
    }

    /** How the process ended, for messages: "was killed by signal 9", "exited with status 3", or why that is unknown. */
    public String exitDescription() {
        if (inProcess != null) return inProcess.alive() ? "stopped answering" : "ended (it ran in the daemon's process)";
        if (process == null) return alive() ? "stopped answering" : "exited (its status is unknown: it was adopted from an earlier daemon)";
        if (process.isAlive()) return "stopped answering";
        int v = process.exitValue();
        return v > 128 ? "was killed by signal " + (v - 128) + " (exit status " + v + ")" : "exited with status " + v;
    }

    void touch() {
        lastUsed = System.nanoTime();
    }

    public long idleMs() {
        return (System.nanoTime() - lastUsed) / 1_000_000;
    }

    /** Waits up to {@code ms} for the runner to end; true when it has (or was gone already). */
    boolean awaitExit(long ms) {
        CompletableFuture<?> f = inProcess != null ? inProcess.exited()
                : ProcessHandle.of(file.pid()).map(p -> (CompletableFuture<?>) p.onExit()).orElse(null);
        if (f == null) return true;
        try {
            f.get(Math.max(1, ms), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** Kills the process and waits (bounded) for it to go. */
    void kill() {
        client.close();
        if (inProcess != null) {
            inProcess.stop();
            return;
        }
        // wait for the exit, adopted or not: a replacement must not start while the old boot can still act
        ProcessHandle.of(file.pid()).ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // still exiting after 5 s: the caller goes on; the kill signal is delivered
            }
        });
    }
}
