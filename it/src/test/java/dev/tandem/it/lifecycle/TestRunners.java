package dev.tandem.it.lifecycle;

import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@link RunnerClient.Runners} over real runner processes. {@code replace} kills the old process
 * for good (and waits for it), then hands over a new runner, set up by the device's hook the way
 * the device was (app launched in the trial's room): a sim phone's state lives in its runner, a
 * real phone's does not. No spare is started ahead: a runner holds its device's lock from its
 * start (one runner per device and state dir), and starting a second one stops the first as a
 * stray, so a replacement starts only once its predecessor is gone, as the daemon's would.
 */
final class TestRunners implements RunnerClient.Runners, AutoCloseable {
    private final RunnerProcesses processes;
    private final String profile;
    private final Map<String, RunnerHandle> current = new ConcurrentHashMap<>();
    /** Runners started ahead per device: none, since a second live runner of a device is a stray (above). */
    static final int SPARES = 0;
    private final Map<String, Deque<CompletableFuture<RunnerHandle>>> spares = new ConcurrentHashMap<>();
    private final Map<String, Consumer<RunnerHandle>> setups = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    final AtomicInteger replacements = new AtomicInteger();
    private static final Executor STARTER = r -> Thread.ofVirtual().start(r);

    TestRunners(RunnerProcesses processes, String profile) {
        this.processes = processes;
        this.profile = profile;
    }

    /** What a new runner for the device must do before it takes over (e.g. launch the app under test). */
    void setup(String device, Consumer<RunnerHandle> hook) {
        setups.put(device, hook);
    }

    /** The device's runner; like the daemon's supervisor, a dead one is replaced first. */
    @Override
    public RunnerHandle current(String device) {
        synchronized (lock(device)) {
            RunnerHandle h = current.get(device);
            if (h != null && h.alive()) return h;
            if (h != null) {
                RunnerProcesses.retire(h);
                replacements.incrementAndGet();
            }
            h = take(device);
            current.put(device, h);
            return h;
        }
    }

    @Override
    public RunnerHandle replace(String device, RunnerHandle dead) {
        synchronized (lock(device)) {
            RunnerHandle h = current.get(device);
            if (h != null && h != dead) return h;
            RunnerProcesses.retire(dead);
            replacements.incrementAndGet();
            h = take(device);
            current.put(device, h);
            return h;
        }
    }

    private RunnerHandle take(String device) {
        Deque<CompletableFuture<RunnerHandle>> queue = spares.computeIfAbsent(device, d -> new ArrayDeque<>());
        CompletableFuture<RunnerHandle> spare = queue.pollFirst();
        RunnerHandle h = spare != null ? spare.orTimeout(60, TimeUnit.SECONDS).join() : processes.start(device, profile);
        while (queue.size() < SPARES) {
            queue.addLast(CompletableFuture.supplyAsync(() -> processes.start(device, profile), STARTER));
        }
        setups.getOrDefault(device, x -> { }).accept(h);
        return h;
    }

    private Object lock(String device) {
        return locks.computeIfAbsent(device, d -> new Object());
    }

    /** Kills the device's runner without replacing it (the client finds out by itself). */
    RunnerHandle killCurrent(String device) {
        RunnerHandle h = current.get(device);
        RunnerProcesses.kill(h);
        return h;
    }

    /** Lets spares finish starting, so that closing the processes kills them too. */
    @Override
    public void close() {
        spares.values().forEach(q -> q.forEach(f -> f.handle((h, e) -> h).orTimeout(60, TimeUnit.SECONDS).join()));
    }
}
