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
    /**
     * The stream itself, shared by every view of it so concurrent writers never interleave lines.
     * The engine's events (steps, waits, devices) are written by a writer thread in the order
     * they came, so a step's thread goes on to its next command instead of encoding and writing
     * JSON; every other event is written by its caller once those before it are out (the result
     * and the exit come after the last step, and the stream is closed after the exit).
     */
    private static final class Sink {
        final OutputStream out;
        volatile boolean gone;
        final java.util.concurrent.CountDownLatch goneLatch = new java.util.concurrent.CountDownLatch(1);
        private final java.util.ArrayDeque<java.util.function.Supplier<byte[]>> pending = new java.util.ArrayDeque<>();
        private boolean draining;

        Sink(OutputStream out) {
            this.out = out;
        }

        /** Queues a line for the writer thread (started when none runs). */
        synchronized void later(java.util.function.Supplier<byte[]> line) {
            if (gone) return;
            pending.add(line);
            if (!draining) {
                draining = true;
                Thread.ofVirtual().name("run-events").start(this::drain);
            }
        }

        /**
         * Writes what is queued, a batch at a time with one flush: a step's end and the next one's
         * start are queued microseconds apart, so they usually leave in one chunk (one write to the
         * socket, one wake-up of the CLI) instead of two.
         */
        private void drain() {
            java.util.List<java.util.function.Supplier<byte[]>> batch = new java.util.ArrayList<>();
            java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream(512);
            while (true) {
                synchronized (this) {
                    if (pending.isEmpty()) {
                        draining = false;
                        notifyAll();
                        return;
                    }
                    batch.addAll(pending);
                    pending.clear();
                }
                lines.reset();
                for (java.util.function.Supplier<byte[]> next : batch) {
                    try {
                        lines.writeBytes(next.get());
                    } catch (RuntimeException e) {
                        // an event that cannot be encoded is dropped, never the stream
                    }
                }
                batch.clear();
                if (lines.size() > 0) write(lines.toByteArray());
            }
        }

        /** Waits until every queued line is out (or dropped with a broken stream). */
        void drained() {
            now(null);
        }

        /** Writes a line once every queued one is out. */
        void now(byte[] line) {
            boolean interrupted = false;
            synchronized (this) {
                while (draining) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the line still goes out in order; the flag is kept
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (line != null) write(line);
        }

        /** Under its own lock, so a blocked stream never holds up queueing (the engine's threads). */
        private void write(byte[] line) {
            synchronized (out) {
                if (gone) return;
                try {
                    out.write(line);
                    out.flush();
                } catch (IOException e) {
                    gone = true;
                    goneLatch.countDown();
                }
            }
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

    /** Returns once the engine's queued events are written: what a caller reads from the stream after a run is whole. */
    public void drain() {
        sink.drained();
    }

    public void emit(RunEvent event) {
        if (!forward.test(event) && !(event instanceof RunEvent.Heartbeat)) return;
        sink.now(line(event));
    }

    /** The engine's events: queued, written in order by the sink's writer thread. */
    private void later(RunEvent event) {
        if (!forward.test(event)) return;
        sink.later(() -> line(event));
    }

    private byte[] line(RunEvent event) {
        RunEvent e = decorate.apply(event);
        byte[] json = secrets.maskedJson(e);
        byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    @Override
    public void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel, String target) {
        stepStarted(label, planStep, trackStep, tool, stepLabel, target, null);
    }

    @Override
    public void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel, String target, Integer iteration) {
        later(RunEvent.Step.started(label, planStep, trackStep, tool, stepLabel, target, iteration));
    }

    @Override
    public void stepFinished(StepRecord record) {
        later(RunEvent.Step.ended(record));
    }

    @Override
    public void waiting(String label, String kind, String name) {
        later(new RunEvent.Waiting(label, RunEvent.SyncKind.of(kind), name));
    }

    @Override
    public void sectionEntered(String label, String name) {
        later(new RunEvent.Section(label, name));
    }

    @Override
    public void deviceFinished(String label, DeviceResult result) {
        later(new RunEvent.Device(label, result));
    }
}
