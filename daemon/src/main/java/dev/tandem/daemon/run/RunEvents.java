package dev.tandem.daemon.run;

import dev.tandem.engine.RunListener;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Secrets;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.StepRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A run's progress as newline-delimited JSON on the CLI's response stream, one object per event
 * (a {@link RunEvent}, named by its {@code event} property; docs/daemon-api.md). A write that fails marks the client gone; the run's
 * heartbeat sees it and aborts the run.
 */
public final class RunEvents implements RunListener {
    /** The stream itself, shared by every view of it so concurrent writers never interleave lines. */
    private static final class Sink {
        final OutputStream out;
        volatile boolean gone;
        final java.util.concurrent.CountDownLatch goneLatch = new java.util.concurrent.CountDownLatch(1);

        Sink(OutputStream out) {
            this.out = out;
        }
    }

    private final Sink sink;
    private final Predicate<RunEvent> forward;
    private final UnaryOperator<RunEvent> decorate;
    private final Secrets secrets;

    public RunEvents(OutputStream out) {
        this(new Sink(out), e -> true, e -> e, Secrets.NONE);
    }

    private RunEvents(Sink sink, Predicate<RunEvent> forward, UnaryOperator<RunEvent> decorate, Secrets secrets) {
        this.sink = sink;
        this.forward = forward;
        this.decorate = decorate;
        this.secrets = secrets;
    }

    /** A view of the same stream that passes only some events and rewrites each (suites add the plan's name). */
    public RunEvents view(Predicate<RunEvent> types, UnaryOperator<RunEvent> extra) {
        return new RunEvents(sink, types, extra, secrets);
    }

    /** A view of the same stream that masks {@code more} secrets (tokens) in every event. */
    public RunEvents masking(Secrets more) {
        return new RunEvents(sink, forward, decorate, more);
    }

    public boolean gone() {
        return sink.gone;
    }

    /**
     * Waits up to {@code ms} for the stream to break; true once it has. A watcher wakes the moment a
     * write fails instead of at its next tick. Interrupted: returns false with the flag set.
     */
    public boolean awaitGone(long ms) {
        try {
            return sink.goneLatch.await(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sink.gone;
        }
    }

    public void emit(RunEvent event) {
        if (!forward.test(event) && !(event instanceof RunEvent.Heartbeat)) return;
        byte[] line = (Json.text(secrets.mask(Json.toTree(decorate.apply(event)))) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        synchronized (sink) {
            if (sink.gone) return;
            try {
                sink.out.write(line);
                sink.out.flush();
            } catch (IOException e) {
                sink.gone = true;
                sink.goneLatch.countDown();
            }
        }
    }

    @Override
    public void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel, String target) {
        emit(RunEvent.Step.started(label, planStep, trackStep, tool, stepLabel, target));
    }

    @Override
    public void stepFinished(StepRecord record) {
        emit(RunEvent.Step.ended(record));
    }

    @Override
    public void waiting(String label, String kind, String name) {
        emit(new RunEvent.Waiting(label, RunEvent.SyncKind.of(kind), name));
    }

    @Override
    public void sectionEntered(String label, String name) {
        emit(new RunEvent.Section(label, name));
    }

    @Override
    public void deviceFinished(String label, DeviceResult result) {
        emit(new RunEvent.Device(label, result));
    }
}
