package dev.tandem.daemon.runner;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One device's fake runners: {@code replace} closes the dead boot and starts the next one. */
final class FakeRunners implements RunnerClient.Runners, AutoCloseable {
    final FakeRunner.Device device = new FakeRunner.Device();
    final List<FakeRunner> boots = new ArrayList<>();
    volatile boolean failStarts;
    /** Whether the fake device is declared to keep its state across runner restarts (a real phone). */
    private final boolean survives;
    final List<RunnerHandle> retired = new ArrayList<>();
    private RunnerHandle current;

    FakeRunners() {
        this(false);
    }

    FakeRunners(boolean survives) {
        this.survives = survives;
        start();
    }

    private synchronized void start() {
        try {
            FakeRunner r = new FakeRunner("boot-" + boots.size(), device);
            boots.add(r);
            current = r.handle(survives);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized FakeRunner boot(int i) {
        return boots.get(i);
    }

    synchronized FakeRunner last() {
        return boots.getLast();
    }

    int restarts() {
        return boots.size() - 1;
    }

    @Override
    public synchronized RunnerHandle current(String deviceId) {
        return current;
    }

    @Override
    public synchronized RunnerHandle replace(String deviceId, RunnerHandle dead) {
        if (dead != current) return current;
        last().close();
        if (failStarts) throw new TandemException(ErrorCode.RUNNER_FAILED, "the runner for d1 failed to start (test)");
        start();
        return current;
    }

    @Override
    public synchronized void retire(String deviceId, RunnerHandle dead) {
        retired.add(dead);
    }

    @Override
    public synchronized void close() {
        boots.forEach(FakeRunner::close);
    }
}
