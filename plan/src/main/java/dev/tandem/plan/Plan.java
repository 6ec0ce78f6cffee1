package dev.tandem.plan;

import java.util.List;

/**
 * A loaded, valid plan.
 *
 * @param name the plan's {@code name}, or its file name without extension
 * @param file the path it was loaded from, as given (for messages)
 * @param devices declared labels; empty for a single-device plan (no {@code devices} key)
 * @param abortStrategy the plan's choice; null when it names none (the run's default applies)
 * @param startStep the plan's {@code startStep}; null when absent
 */
public record Plan(
        String name,
        String file,
        List<DeviceDecl> devices,
        List<Step> steps,
        AbortStrategy abortStrategy,
        Integer startStep) {

    /** The label a single-device plan's one track uses. */
    public static final String SINGLE_DEVICE_LABEL = "default";

    public boolean multiDevice() {
        return !devices.isEmpty();
    }

    /** Track labels in declaration order: the declared labels, or the single implicit one. */
    public List<String> labels() {
        return multiDevice() ? devices.stream().map(DeviceDecl::label).toList() : List.of(SINGLE_DEVICE_LABEL);
    }
}
