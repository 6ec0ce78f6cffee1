package dev.tandem.daemon.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.engine.RunListener;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Secrets;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A run's progress as newline-delimited JSON on the CLI's response stream, one object per event
 * ({@code event}: allocated, runner, step, waiting, section, device, result, error, validation,
 * heartbeat, and for suites suite, plan). A write that fails marks the client gone; the run's
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
    private final Predicate<String> forward;
    private final Consumer<ObjectNode> decorate;
    private final Secrets secrets;

    public RunEvents(OutputStream out) {
        this(new Sink(out), type -> true, o -> { }, Secrets.NONE);
    }

    private RunEvents(Sink sink, Predicate<String> forward, Consumer<ObjectNode> decorate, Secrets secrets) {
        this.sink = sink;
        this.forward = forward;
        this.decorate = decorate;
        this.secrets = secrets;
    }

    /** A view of the same stream that passes only some event types and adds fields to each (suites). */
    public RunEvents view(Predicate<String> types, Consumer<ObjectNode> extra) {
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

    public void emit(String event, ObjectNode body) {
        if (!forward.test(event) && !event.equals("heartbeat")) return;
        body.put("event", event);
        decorate.accept(body);
        byte[] line = (Json.text(secrets.mask(body)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
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

    public void emit(String event, String key, Object value) {
        ObjectNode o = Json.object();
        o.set(key, Json.toTree(value));
        emit(event, o);
    }

    @Override
    public void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel, String target) {
        ObjectNode o = Json.object();
        o.put("phase", "start").put("device", label).put("planStep", planStep).put("trackStep", trackStep)
                .put("tool", tool).put("label", stepLabel);
        if (target != null) o.put("target", target);
        emit("step", o);
    }

    @Override
    public void stepFinished(StepRecord record) {
        ObjectNode o = (ObjectNode) Json.toTree(record);
        o.put("phase", "end");
        emit("step", o);
    }

    @Override
    public void waiting(String label, String kind, String name) {
        ObjectNode o = Json.object();
        o.put("device", label).put("kind", kind).put("name", name);
        emit("waiting", o);
    }

    @Override
    public void sectionEntered(String label, String name) {
        ObjectNode o = Json.object();
        o.put("device", label).put("name", name);
        emit("section", o);
    }

    @Override
    public void deviceFinished(String label, DeviceResult result) {
        ObjectNode o = Json.object();
        o.put("device", label);
        o.set("result", Json.toTree(result));
        emit("device", o);
    }
}
