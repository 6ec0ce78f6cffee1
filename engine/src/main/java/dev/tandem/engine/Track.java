package dev.tandem.engine;

import dev.tandem.plan.Barrier;
import dev.tandem.plan.Block;
import dev.tandem.plan.CriticalSection;
import dev.tandem.plan.Plan;
import dev.tandem.plan.Step;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolTraits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One device's share of a plan: its items in plan order. Track indices are 0-based positions
 * among the track's tool steps (section steps included), counted over the whole plan so they stay
 * the same whatever the start step.
 *
 * @param total the tool steps this track will run (those at or after the start step)
 */
record Track(String label, List<TrackItem> items, int total) {

    /**
     * Splits a plan into one track per label. Because every track meets sync points in plan order,
     * no deadlock is possible.
     *
     * @throws IllegalArgumentException when a step names a device the plan does not declare, or a
     *     device-less tool is used as a device step (the loader rejects both; this guards other callers)
     */
    static Map<String, Track> split(Plan plan, int startStep) {
        List<String> labels = plan.labels();
        Map<String, List<TrackItem>> items = new LinkedHashMap<>();
        Map<String, Integer> counters = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        for (String label : labels) {
            items.put(label, new ArrayList<>());
            counters.put(label, 0);
            totals.put(label, 0);
        }
        for (Step step : plan.steps()) {
            boolean runs = step.planIndex() >= startStep;
            switch (step) {
                case ToolStep t -> {
                    String label = labelOf(plan, t);
                    int idx = counters.merge(label, 1, Integer::sum) - 1;
                    if (runs) {
                        items.get(label).add(new TrackItem.Own(t, idx));
                        totals.merge(label, 1, Integer::sum);
                    }
                }
                case CriticalSection cs -> {
                    LinkedHashSet<String> participants = new LinkedHashSet<>();
                    Map<String, Map<Integer, Integer>> indices = new HashMap<>();
                    for (ToolStep t : cs.steps()) {
                        String label = labelOf(plan, t);
                        participants.add(label);
                        int idx = counters.merge(label, 1, Integer::sum) - 1;
                        indices.computeIfAbsent(label, k -> new HashMap<>()).put(t.nestedIndex(), idx);
                        if (runs) totals.merge(label, 1, Integer::sum);
                    }
                    if (runs) {
                        List<String> who = List.copyOf(participants);
                        for (String label : who) {
                            items.get(label).add(new TrackItem.Section(cs, who, Map.copyOf(indices.get(label))));
                        }
                    }
                }
                case Block b -> {
                    String label = plan.multiDevice() ? requireDeclared(plan, b.device(), b.planIndex()) : Plan.SINGLE_DEVICE_LABEL;
                    Map<ToolStep, Integer> indices = new java.util.IdentityHashMap<>();
                    for (ToolStep t : b.toolSteps()) {
                        labelOf(plan, t); // the same checks as a step of its own
                        indices.put(t, counters.merge(label, 1, Integer::sum) - 1);
                    }
                    if (runs) {
                        items.get(label).add(new TrackItem.InBlock(b, java.util.Collections.unmodifiableMap(indices)));
                        totals.merge(label, indices.size(), Integer::sum);
                    }
                }
                case Barrier b -> {
                    if (!plan.multiDevice()) continue; // one track: nobody to wait for
                    List<String> devices = b.devices() == null || b.devices().isEmpty() ? labels : b.devices();
                    for (String label : devices) requireDeclared(plan, label, b.planIndex());
                    if (runs) {
                        List<String> who = List.copyOf(new LinkedHashSet<>(devices));
                        for (String label : who) items.get(label).add(new TrackItem.AtBarrier(b, who));
                    }
                }
            }
        }
        Map<String, Track> tracks = new LinkedHashMap<>();
        items.forEach((label, list) -> tracks.put(label, new Track(label, List.copyOf(list), totals.get(label))));
        return tracks;
    }

    /** The track a tool step runs on: its device, or the one implicit track of a single-device plan. */
    private static String labelOf(Plan plan, ToolStep t) {
        if (t.tool().traits().executor() == ToolTraits.Executor.ENGINE && t.tool() != Tool.WAIT) {
            throw new IllegalArgumentException("plan step " + t.planIndex() + " uses " + t.tool().wireName()
                    + " as a device step; it is a block of its own (build it as a CriticalSection or Barrier)");
        }
        if (!plan.multiDevice()) return Plan.SINGLE_DEVICE_LABEL;
        return requireDeclared(plan, t.device(), t.planIndex());
    }

    private static String requireDeclared(Plan plan, String label, int planIndex) {
        if (label == null || !plan.labels().contains(label)) {
            throw new IllegalArgumentException("plan step " + planIndex + " names device '" + label
                    + "', which the plan does not declare (declared: " + String.join(", ", plan.labels()) + ")");
        }
        return label;
    }
}
