package dev.tandem.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Barrier;
import dev.tandem.plan.CriticalSection;
import dev.tandem.plan.DeviceDecl;
import dev.tandem.plan.Plan;
import dev.tandem.plan.SourcePos;
import dev.tandem.plan.Step;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds valid {@link Plan} records directly (no YAML loader). Every tool step gets a unique
 * label, which is how {@link FakeDevices} recognises it. Plan indices follow insertion order.
 */
final class PlanBuilder {
    static final long DEFAULT_SYNC_TIMEOUT_MS = 60_000;

    /** A step inside a critical section, before its indices are known. */
    record Nested(String device, String label, boolean optional, Tool tool, long waitMs) {}

    private final List<String> labels;
    private final List<Step> steps = new ArrayList<>();
    private AbortStrategy abortStrategy;

    private PlanBuilder(List<String> labels) {
        this.labels = labels;
    }

    static PlanBuilder devices(String... labels) {
        return new PlanBuilder(List.of(labels));
    }

    /** A plan without a {@code devices} key: one implicit track. Pass null as the device of its steps. */
    static PlanBuilder singleDevice() {
        return new PlanBuilder(List.of());
    }

    static Nested at(String device, String label) {
        return new Nested(device, label, false, Tool.TAP_ON, 0);
    }

    static Nested optionalAt(String device, String label) {
        return new Nested(device, label, true, Tool.TAP_ON, 0);
    }

    PlanBuilder step(String device, String label) {
        return add(device, label, false, Tool.TAP_ON, Json.object());
    }

    PlanBuilder optionalStep(String device, String label) {
        return add(device, label, true, Tool.TAP_ON, Json.object());
    }

    PlanBuilder waitStep(String device, String label, long ms) {
        return add(device, label, false, Tool.WAIT, Json.object().put("ms", ms));
    }

    /** A wait step with its own {@code timeout}, built directly (validation would refuse ms > timeout). */
    PlanBuilder waitStepWithTimeout(String device, String label, long ms, long timeoutMs) {
        ObjectNode params = Json.object().put("ms", ms).put("timeout", timeoutMs);
        steps.add(new ToolStep(steps.size(), -1, Tool.WAIT, device, label, params, false, timeoutMs, SourcePos.UNKNOWN));
        return this;
    }

    PlanBuilder section(String lock, Nested... nested) {
        return sectionWithTimeout(lock, DEFAULT_SYNC_TIMEOUT_MS, nested);
    }

    PlanBuilder sectionWithTimeout(String lock, long timeoutMs, Nested... nested) {
        int p = steps.size();
        List<ToolStep> inner = new ArrayList<>();
        for (Nested n : nested) {
            ObjectNode params = n.tool() == Tool.WAIT ? Json.object().put("ms", n.waitMs()) : Json.object();
            inner.add(new ToolStep(p, inner.size(), n.tool(), n.device(), n.label(), params, n.optional(), null,
                    SourcePos.UNKNOWN));
        }
        steps.add(new CriticalSection(p, lock, List.copyOf(inner), timeoutMs, null, SourcePos.UNKNOWN));
        return this;
    }

    /** A barrier over the given devices; none given means all declared devices (as the loader fills it in). */
    PlanBuilder barrier(String... devices) {
        return barrierWithTimeout(DEFAULT_SYNC_TIMEOUT_MS, devices);
    }

    PlanBuilder barrierWithTimeout(long timeoutMs, String... devices) {
        List<String> ds = devices.length == 0 ? labels : Arrays.asList(devices);
        steps.add(new Barrier(steps.size(), List.copyOf(ds), timeoutMs, null, SourcePos.UNKNOWN));
        return this;
    }

    /** A barrier exactly as given, e.g. with an empty device list. */
    PlanBuilder rawBarrier(List<String> devices) {
        steps.add(new Barrier(steps.size(), devices, DEFAULT_SYNC_TIMEOUT_MS, null, SourcePos.UNKNOWN));
        return this;
    }

    PlanBuilder abortStrategy(AbortStrategy strategy) {
        this.abortStrategy = strategy;
        return this;
    }

    int size() {
        return steps.size();
    }

    Plan build() {
        List<DeviceDecl> decls = labels.stream().map(l -> new DeviceDecl(l, null, null, SourcePos.UNKNOWN)).toList();
        return new Plan("test plan", "test.yaml", decls, List.copyOf(steps), abortStrategy, null);
    }

    private PlanBuilder add(String device, String label, boolean optional, Tool tool, ObjectNode params) {
        steps.add(new ToolStep(steps.size(), -1, tool, device, label, params, optional, null, SourcePos.UNKNOWN));
        return this;
    }
}
