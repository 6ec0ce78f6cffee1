package dev.tandem.engine;

import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A random plan for the property tests, in a form jqwik can generate and shrink: devices
 * {@code D0..Dn-1}, top-level items, at most one failing step, an abort strategy and a start step.
 * Every tool step is labelled {@code p<plan index>} or {@code p<plan index>.<nested index>}.
 */
record Scenario(int devices, List<Item> items, AbortStrategy strategy, Fault fault, int startStep) {

    sealed interface Item permits Own, Section, Sync {}

    /** A step on device {@code device} that takes {@code latencyMs} on the fake. */
    record Own(int device, int latencyMs) implements Item {}

    record Section(String lock, List<Own> steps) implements Item {}

    /** A barrier over {@code devices}; empty means all. */
    record Sync(Set<Integer> devices) implements Item {}

    /**
     * The one failing step, if any.
     *
     * @param ordinal position among all tool steps, modulo their number
     */
    record Fault(int ordinal, ErrorCode code, boolean optional) {}

    /** A tool step as built: its label, device, plan index and nested index (-1 top level). */
    record Built(String label, String device, int planIndex, int nestedIndex, int latencyMs) {}

    static String label(int device) {
        return "D" + device;
    }

    List<String> labels() {
        return IntStream.range(0, devices).mapToObj(Scenario::label).toList();
    }

    /** Every tool step of the plan in plan order. */
    List<Built> toolSteps() {
        List<Built> out = new ArrayList<>();
        for (int p = 0; p < items.size(); p++) {
            switch (items.get(p)) {
                case Own o -> out.add(new Built("p" + p, label(o.device()), p, -1, o.latencyMs()));
                case Section s -> {
                    for (int k = 0; k < s.steps().size(); k++) {
                        Own o = s.steps().get(k);
                        out.add(new Built("p" + p + "." + k, label(o.device()), p, k, o.latencyMs()));
                    }
                }
                case Sync b -> { }
            }
        }
        return out;
    }

    /** The failing step, or null when none fails. */
    Built faulty() {
        List<Built> all = toolSteps();
        return fault == null || all.isEmpty() ? null : all.get(fault.ordinal() % all.size());
    }

    /** The failing step if it runs (at or after the start step), else null. */
    Built faultyThatRuns() {
        Built f = faulty();
        return f != null && f.planIndex() >= startStep ? f : null;
    }

    Plan plan() {
        PlanBuilder b = PlanBuilder.devices(labels().toArray(String[]::new));
        Built faulty = faulty();
        for (int p = 0; p < items.size(); p++) {
            switch (items.get(p)) {
                case Own o -> {
                    String l = "p" + p;
                    if (isOptional(faulty, l)) b.optionalStep(label(o.device()), l);
                    else b.step(label(o.device()), l);
                }
                case Section s -> {
                    List<PlanBuilder.Nested> nested = new ArrayList<>();
                    for (int k = 0; k < s.steps().size(); k++) {
                        String l = "p" + p + "." + k;
                        String d = label(s.steps().get(k).device());
                        nested.add(isOptional(faulty, l) ? PlanBuilder.optionalAt(d, l) : PlanBuilder.at(d, l));
                    }
                    b.section(s.lock(), nested.toArray(PlanBuilder.Nested[]::new));
                }
                case Sync sync -> b.barrier(sync.devices().stream().sorted().map(Scenario::label).toArray(String[]::new));
            }
        }
        return b.build();
    }

    FakeDevices fake() {
        FakeDevices fake = new FakeDevices();
        Built faulty = faulty();
        for (Built s : toolSteps()) {
            if (faulty != null && s.label().equals(faulty.label())) fake.failsAfter(s.label(), s.latencyMs(), fault.code());
            else fake.takes(s.label(), s.latencyMs());
        }
        return fake;
    }

    private boolean isOptional(Built faulty, String label) {
        return faulty != null && fault.optional() && faulty.label().equals(label);
    }
}
