package dev.tandem.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Fake devices sharing one thread-safe event log. Each device command "works" for a configured
 * time (a timed wait that {@link DeviceChannel#cancel} cuts short), optionally until some event
 * appears in the log, then passes or fails with a configured code. A cancelled command returns
 * {@code CANCELLED} at once, also when the cancel arrived before the command started.
 */
final class FakeDevices {
    /** START/END/CANCEL: seen by a device. BEGIN/WAITING/DONE: reported by the engine through its listener. */
    enum Kind { START, END, CANCEL, BEGIN, WAITING, DONE }

    /** One log entry; {@code seq} is its position in the log, a total order consistent with real time. */
    record Event(int seq, Kind kind, String device, String step, int planIndex, int nestedIndex, long nanos,
            String outcome) {}

    /**
     * What a step does on the device.
     *
     * @param ms simulated device time
     * @param failWith null: the step passes
     * @param until when set, the step works until the log satisfies it (bounded by {@link #UNTIL_BOUND})
     */
    record Behaviour(long ms, ErrorCode failWith, Predicate<List<Event>> until) {
        static final Behaviour INSTANT = new Behaviour(0, null, null);
    }

    /** Bound on a step that works until an event: past it the step fails with STEP_TIMEOUT. */
    static final Duration UNTIL_BOUND = Duration.ofSeconds(5);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Event> log = new ArrayList<>();
    private final Map<String, Behaviour> behaviours = new HashMap<>();
    private final Map<String, JsonNode> results = new HashMap<>();
    private final Set<String> cancelled = new HashSet<>();
    private final Set<String> busy = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<String> crashing = new HashSet<>();
    private final Set<String> commandIds = new HashSet<>();
    private final Map<String, Boolean> settleAfterReply = new HashMap<>();

    FakeDevices takes(String step, long ms) {
        return behave(step, new Behaviour(ms, null, null));
    }

    FakeDevices fails(String step, ErrorCode code) {
        return behave(step, new Behaviour(0, code, null));
    }

    FakeDevices failsAfter(String step, long ms, ErrorCode code) {
        return behave(step, new Behaviour(ms, code, null));
    }

    /** The step works until {@code other} has started, then ends with {@code failWith} (null: passes). */
    FakeDevices worksUntilStarted(String step, String other, ErrorCode failWith) {
        return behave(step, new Behaviour(0, failWith, events -> events.stream()
                .anyMatch(e -> e.kind() == Kind.START && e.step().equals(other))));
    }

    /** The step works until the engine reports {@code device} waiting at a sync point, then ends with {@code failWith}. */
    FakeDevices worksUntilWaiting(String step, String device, ErrorCode failWith) {
        return behave(step, new Behaviour(0, failWith, events -> events.stream()
                .anyMatch(e -> e.kind() == Kind.WAITING && e.device().equals(device))));
    }

    /** The step works until the engine reports {@code device}'s track finished, then ends with {@code failWith}. */
    FakeDevices worksUntilDone(String step, String device, ErrorCode failWith) {
        return behave(step, new Behaviour(0, failWith, events -> events.stream()
                .anyMatch(e -> e.kind() == Kind.DONE && e.device().equals(device))));
    }

    /** The step works until the engine has begun {@code other} (e.g. a wait step the devices never see). */
    FakeDevices worksUntilBegun(String step, String other, ErrorCode failWith) {
        return behave(step, new Behaviour(0, failWith, events -> events.stream()
                .anyMatch(e -> e.kind() == Kind.BEGIN && e.step().equals(other))));
    }

    /** The channel throws an unchecked exception for this step: a bug in the channel, not a device failure. */
    FakeDevices crashes(String step) {
        lock.lock();
        try {
            crashing.add(step);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Makes the step (by label) return {@code result} when it passes. */
    FakeDevices returning(String step, JsonNode result) {
        lock.lock();
        try {
            results.put(step, result);
        } finally {
            lock.unlock();
        }
        return this;
    }

    FakeDevices behave(String step, Behaviour b) {
        lock.lock();
        try {
            behaviours.put(step, b);
        } finally {
            lock.unlock();
        }
        return this;
    }

    DeviceChannel channel(String label) {
        return new DeviceChannel() {
            @Override
            public JsonNode execute(StepCall call) throws StepFailure, InterruptedException {
                return run(label, call);
            }

            @Override
            public void cancel(StepCall call) {
                FakeDevices.this.cancel(label, call);
            }
        };
    }

    Map<String, DeviceChannel> channels(List<String> labels) {
        Map<String, DeviceChannel> out = new HashMap<>();
        for (String l : labels) out.put(l, channel(l));
        return out;
    }

    private JsonNode run(String device, StepCall call) throws StepFailure, InterruptedException {
        String step = call.step().label();
        lock.lock();
        try {
            if (!call.label().equals(device)) violations.add(step + " for " + call.label() + " was sent to " + device);
            if (!busy.add(device)) violations.add(device + " got " + step + " while running another command");
            if (!commandIds.add(call.commandId())) violations.add("command id " + call.commandId() + " was reused");
            if (call.timeoutMs() != call.step().effectiveTimeoutMs()) violations.add(step + " was sent without its timeout");
            append(Kind.START, device, call, null);
            settleAfterReply.put(step, call.settleAfterReply());
            if (crashing.contains(step)) {
                busy.remove(device);
                append(Kind.END, device, call, "CRASH");
                throw new IllegalStateException("channel bug while sending " + step);
            }
            Behaviour b = behaviours.getOrDefault(step, Behaviour.INSTANT);
            long now = System.nanoTime();
            long deadline = now + (b.until() != null ? UNTIL_BOUND.toNanos() : TimeUnit.MILLISECONDS.toNanos(b.ms()));
            boolean reached = b.until() == null;
            try {
                while (!cancelled.contains(call.commandId())) {
                    if (b.until() != null && b.until().test(log)) {
                        reached = true;
                        break;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    changed.awaitNanos(left);
                }
            } finally {
                busy.remove(device);
            }
            if (cancelled.contains(call.commandId())) {
                append(Kind.END, device, call, "CANCELLED");
                throw new StepFailure(ErrorCode.CANCELLED, step + " was cancelled");
            }
            if (!reached) {
                append(Kind.END, device, call, "STEP_TIMEOUT");
                throw new StepFailure(ErrorCode.STEP_TIMEOUT, step + " waited " + UNTIL_BOUND + " for its condition");
            }
            if (b.failWith() != null) {
                append(Kind.END, device, call, b.failWith().name());
                throw new StepFailure(b.failWith(), step + " failed on purpose");
            }
            append(Kind.END, device, call, "PASSED");
            return results.getOrDefault(step, Json.object());
        } finally {
            lock.unlock();
        }
    }

    /** Whether the engine let the step labelled {@code step} settle after its reply; null: never sent. */
    Boolean settledAfterReply(String step) {
        lock.lock();
        try {
            return settleAfterReply.get(step);
        } finally {
            lock.unlock();
        }
    }

    private void cancel(String device, StepCall call) {
        lock.lock();
        try {
            cancelled.add(call.commandId());
            append(Kind.CANCEL, device, call, null);
        } finally {
            lock.unlock();
        }
    }

    private void append(Kind kind, String device, StepCall call, String outcome) {
        note(kind, device, call.step().label(), call.step().planIndex(), call.step().nestedIndex(), outcome);
    }

    private void note(Kind kind, String device, String step, int planIndex, int nestedIndex, String outcome) {
        lock.lock();
        try {
            log.add(new Event(log.size(), kind, device, step, planIndex, nestedIndex, System.nanoTime(), outcome));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A listener that writes the engine's progress into the same log. */
    RunListener listener() {
        return new RunListener() {
            @Override
            public void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel) {
                note(Kind.BEGIN, label, stepLabel, planStep, -1, null);
            }

            @Override
            public void waiting(String label, String kind, String name) {
                note(Kind.WAITING, label, kind + ":" + name, -1, -1, null);
            }

            @Override
            public void deviceFinished(String label, dev.tandem.protocol.result.DeviceResult result) {
                note(Kind.DONE, label, "", -1, -1, result.status().wire());
            }
        };
    }

    List<Event> events() {
        lock.lock();
        try {
            return List.copyOf(log);
        } finally {
            lock.unlock();
        }
    }

    /** Only what the devices saw (START, END, CANCEL), without the engine's listener events. */
    List<Event> deviceEvents() {
        return events().stream().filter(e -> e.kind() == Kind.START || e.kind() == Kind.END || e.kind() == Kind.CANCEL)
                .toList();
    }

    List<String> violations() {
        lock.lock();
        try {
            return List.copyOf(violations);
        } finally {
            lock.unlock();
        }
    }

    /** Waits (bounded) until the log satisfies {@code condition}; false at the deadline. */
    boolean await(Predicate<List<Event>> condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        lock.lock();
        try {
            while (!condition.test(log)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    static Predicate<List<Event>> started(String step) {
        return events -> events.stream().anyMatch(e -> e.kind() == Kind.START && e.step().equals(step));
    }

    // --- queries over the log

    Event start(String step) {
        return find(Kind.START, step);
    }

    Event end(String step) {
        return find(Kind.END, step);
    }

    boolean ran(String step) {
        return events().stream().anyMatch(e -> e.kind() == Kind.START && e.step().equals(step));
    }

    boolean sawCancel(String step) {
        return events().stream().anyMatch(e -> e.kind() == Kind.CANCEL && e.step().equals(step));
    }

    /** Labels of the steps started on {@code device}, in order. */
    List<String> startedOn(String device) {
        return events().stream().filter(e -> e.kind() == Kind.START && e.device().equals(device)).map(Event::step).toList();
    }

    private Event find(Kind kind, String step) {
        return events().stream().filter(e -> e.kind() == kind && e.step().equals(step)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " of " + step + " in " + events()));
    }
}
