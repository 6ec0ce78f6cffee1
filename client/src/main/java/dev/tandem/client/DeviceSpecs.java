package dev.tandem.client;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code LABEL=SPEC} device choices as a front end takes them (the CLI's {@code --device}, the JUnit
 * engine's {@code tandem.devices}), checked for what needs no daemon: each label once, a SPEC after
 * every label, a bare SPEC only for a single-device plan. What needs the device pool (does sim-9
 * exist? is the profile known?) the daemon checks before it allocates.
 *
 * @param name how the front end names the setting in messages ({@code --device})
 * @param joiner what stands between the name and a value as the user writes it ({@code " "}, {@code "="})
 * @param platformSpec whether a bare value reads as a SPEC (a platform name, optionally with {@code :ID})
 */
public record DeviceSpecs(String name, String joiner, Predicate<String> platformSpec) {
    /** The label a single-device plan's one track uses (the plan module's {@code Plan.SINGLE_DEVICE_LABEL}). */
    public static final String SINGLE_DEVICE_LABEL = "default";

    /** Label to spec, in the order given; a bare SPEC is filed under the single-device label. */
    public Map<String, String> parse(List<String> values) {
        Map<String, String> specs = new LinkedHashMap<>();
        for (String raw : values) {
            String v = raw.trim();
            int eq = v.indexOf('=');
            String label;
            String spec;
            if (eq < 0) {
                if (!isPlatformSpec(v)) throw new TandemException(ErrorCode.USAGE, bareNotASpec(v));
                label = SINGLE_DEVICE_LABEL;
                spec = v;
            } else {
                label = v.substring(0, eq).trim();
                spec = v.substring(eq + 1).trim();
                if (label.isEmpty()) {
                    throw new TandemException(ErrorCode.USAGE, written(raw) + ": the label before '=' is missing; write `"
                            + written("A=" + (spec.isEmpty() ? "sim" : spec)) + "`");
                }
                if (spec.isEmpty()) {
                    throw new TandemException(ErrorCode.USAGE, written(raw) + ": the SPEC after '=' is missing; write `"
                            + written(label + "=sim") + "` (or web, sim:sim-1, web:pixel-7)");
                }
            }
            String earlier = specs.putIfAbsent(label, spec);
            if (earlier != null) {
                String who = label.equals(SINGLE_DEVICE_LABEL) ? "the plan's device" : "label " + label;
                throw new TandemException(ErrorCode.USAGE, name + " is given twice for " + who + " ('" + earlier + "' and '" + spec
                        + "'); give each label one device, e.g. `" + written((label.equals(SINGLE_DEVICE_LABEL) ? "" : label + "=")
                        + earlier) + "`");
            }
        }
        return specs;
    }

    /** Whether a bare value reads as a SPEC: its platform part passes {@link #platformSpec}. */
    public boolean isPlatformSpec(String v) {
        int colon = v.indexOf(':');
        return platformSpec.test(colon < 0 ? v : v.substring(0, colon));
    }

    private String written(String value) {
        return name + joiner + value;
    }

    private String bareNotASpec(String v) {
        int dash = v.lastIndexOf('-');
        if (dash > 0 && v.substring(dash + 1).matches("\\d+") && isPlatformSpec(v.substring(0, dash))) {
            return written(v) + ": a device is named PLATFORM:ID; did you mean `" + written(v.substring(0, dash) + ":" + v) + "`"
                    + " (or `" + written("LABEL=" + v.substring(0, dash) + ":" + v) + "` for a multi-device plan)?";
        }
        return written(v) + ": '" + v + "' is no device spec; to pick the device of label " + v + ", write `" + written(v + "=sim")
                + "` (SPEC: sim, sim:ID, web, web:PROFILE)";
    }
}
