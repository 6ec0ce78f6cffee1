package dev.tandem.plan;

import dev.tandem.protocol.Secrets;
import dev.tandem.protocol.api.AbortStrategy;
import java.util.List;

/**
 * A loaded, valid plan.
 *
 * @param name the plan's {@code name}, or its file name without extension
 * @param file the path it was loaded from, as given (for messages)
 * @param devices declared labels; empty for a single-device plan (no {@code devices} key)
 * @param abortStrategy the plan's choice; null when it names none (the run's default applies)
 * @param startStep the plan's {@code startStep}; null when absent
 * @param platform a single-device plan's {@code platform}; null: the run's default
 * @param profile a single-device plan's {@code profile}; null: the platform's default
 * @param tags the plan's {@code tags}, in the order written (empty when it has none)
 * @param secrets the parameter values that came from outside the plan files ({@code -e} and the
 *     environment): no output may show them
 * @param flows the absolute paths of the sub-flow files its runFlow steps included (a suite does
 *     not run them as plans of their own)
 * @param retries the plan's {@code retries} (reruns after a failure in {@code tandem test}); null when absent
 */
public record Plan(
        String name,
        String file,
        List<DeviceDecl> devices,
        List<Step> steps,
        AbortStrategy abortStrategy,
        Integer startStep,
        String platform,
        String profile,
        List<String> tags,
        Secrets secrets,
        List<String> flows,
        Integer retries) {

    /** The most reruns a plan may ask for: more hides a broken plan rather than a flaky one. */
    public static final int MAX_RETRIES = 10;

    public Plan {
        tags = tags == null ? List.of() : List.copyOf(tags);
        flows = flows == null ? List.of() : List.copyOf(flows);
        secrets = secrets == null ? Secrets.NONE : secrets;
    }

    public Plan(String name, String file, List<DeviceDecl> devices, List<Step> steps, AbortStrategy abortStrategy, Integer startStep,
            String platform, String profile) {
        this(name, file, devices, steps, abortStrategy, startStep, platform, profile, List.of(), Secrets.NONE, List.of(), null);
    }

    public Plan(String name, String file, List<DeviceDecl> devices, List<Step> steps, AbortStrategy abortStrategy, Integer startStep) {
        this(name, file, devices, steps, abortStrategy, startStep, null, null);
    }

    /** The label a single-device plan's one track uses. */
    public static final String SINGLE_DEVICE_LABEL = "default";

    public boolean multiDevice() {
        return !devices.isEmpty();
    }

    /**
     * The first step of a track that only a web device can run (a launchApp by url), or null.
     * Checked before a run starts, so such a plan never gets as far as a sim.
     */
    public ToolStep firstWebOnlyStep(String label) {
        for (Step s : steps) {
            for (ToolStep t : s.toolStepsOn(dev.tandem.protocol.Platform.SIM.name())) { // a when for web only does not count
                boolean mine = multiDevice() ? label.equals(t.device()) : true;
                if (mine && t.tool() == dev.tandem.protocol.Tool.LAUNCH_APP && t.params().has("url")) return t;
            }
        }
        return null;
    }

    /** Track labels in declaration order: the declared labels, or the single implicit one. */
    public List<String> labels() {
        return multiDevice() ? devices.stream().map(DeviceDecl::label).toList() : List.of(SINGLE_DEVICE_LABEL);
    }
}
