package dev.tandem.daemon.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.engine.RunListener;
import dev.tandem.engine.result.DeviceResult;
import dev.tandem.engine.result.StepRecord;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A run's progress as newline-delimited JSON on the CLI's response stream, one object per event
 * ({@code event}: allocated, runner, step, waiting, section, device, result, error, validation,
 * heartbeat). A write that fails means the client is gone: {@code onGone} aborts the run.
 */
public final class RunEvents implements RunListener {
    private final OutputStream out;
    private final Runnable onGone;
    private volatile boolean gone;

    public RunEvents(OutputStream out, Runnable onGone) {
        this.out = out;
        this.onGone = onGone;
    }

    public boolean gone() {
        return gone;
    }

    public void emit(String event, ObjectNode body) {
        body.put("event", event);
        byte[] line = (Json.text(body) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        synchronized (this) {
            if (gone) return;
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                gone = true;
            }
        }
        if (gone) onGone.run();
    }

    public void emit(String event, String key, Object value) {
        ObjectNode o = Json.object();
        o.set(key, Json.toTree(value));
        emit(event, o);
    }

    @Override
    public void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel) {
        ObjectNode o = Json.object();
        o.put("phase", "start").put("device", label).put("planStep", planStep).put("trackStep", trackStep)
                .put("tool", tool).put("label", stepLabel);
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
