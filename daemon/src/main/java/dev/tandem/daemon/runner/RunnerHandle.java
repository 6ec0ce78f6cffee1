package dev.tandem.daemon.runner;

import dev.tandem.protocol.http.LoopbackHttpClient;

/**
 * A live runner the daemon talks to: started by this daemon ({@code process} set) or adopted from
 * an earlier one ({@code process} null).
 */
public final class RunnerHandle {
    private final RunnerFile file;
    private final Process process;
    private final LoopbackHttpClient client;
    private volatile long lastUsed = System.nanoTime();

    RunnerHandle(RunnerFile file, Process process) {
        this.file = file;
        this.process = process;
        this.client = new LoopbackHttpClient(file.port(), file.token());
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
        return process == null;
    }

    public LoopbackHttpClient client() {
        return client;
    }

    public boolean alive() {
        if (process != null) return process.isAlive();
        return ProcessHandle.of(file.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    void touch() {
        lastUsed = System.nanoTime();
    }

    public long idleMs() {
        return (System.nanoTime() - lastUsed) / 1_000_000;
    }

    /** Kills the process and waits (bounded) for it to go. */
    void kill() {
        client.close();
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
