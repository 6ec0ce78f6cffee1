package dev.tandem.daemon.devices;

import dev.tandem.plan.DeviceDecl;
import dev.tandem.plan.Plan;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each label of a plan needs, in order of precedence: {@code --device LABEL=SPEC}, the plan's
 * per-label {@code platform}/{@code profile} (a single-device plan's top-level ones), then any free
 * device of the default platform. A track that opens a url but would land on a sim, or that uses
 * a tool its platform cannot do, is refused here, before anything starts.
 */
public final class Requirements {
    private Requirements() {}

    public static List<Requirement> forPlan(Plan plan, Map<String, String> given, String defaultPlatform, DevicePool pool) {
        return forPlan(plan, given, defaultPlatform, pool, Requirement.BACKEND_PROFILES, Capabilities.BACKENDS);
    }

    /** @param profilesOf the profile names each platform accepts (empty: any); tests pass their own */
    public static List<Requirement> forPlan(Plan plan, Map<String, String> given, String defaultPlatform, DevicePool pool,
            java.util.function.Function<Platform, List<String>> profilesOf) {
        return forPlan(plan, given, defaultPlatform, pool, profilesOf, Capabilities.BACKENDS);
    }

    /** @param capabilities what each platform's devices can do (its backend's declaration) */
    /**
     * The platform of a device no plan entry or flag names: sim, or — when the daemon offers no
     * sims but devices of one platform only (a devices.yaml of Android phones) — that platform.
     */
    public static String defaultPlatform(DevicePool pool) {
        if (pool.slots().isEmpty()) pool.refresh(); // only a Grid's, and it had none: perhaps it has now
        if (!pool.ofPlatform(Platform.SIM).isEmpty()) return Platform.SIM.name();
        List<Platform> offered = pool.slots().stream().map(DeviceSlot::platform).distinct().toList();
        return offered.size() == 1 ? offered.getFirst().name() : Platform.SIM.name();
    }

    public static List<Requirement> forPlan(Plan plan, Map<String, String> given, String defaultPlatform, DevicePool pool,
            java.util.function.Function<Platform, List<String>> profilesOf, Capabilities capabilities) {
        Map<String, String> specs = new LinkedHashMap<>(given);
        List<String> labels = plan.labels();
        if (!plan.multiDevice() && specs.size() == 1 && !specs.containsKey(Plan.SINGLE_DEVICE_LABEL)) {
            // a single-device plan: --device SPEC or --device ANY=SPEC both name its one device
            String only = specs.values().iterator().next();
            specs.clear();
            specs.put(Plan.SINGLE_DEVICE_LABEL, only);
        }
        for (String label : specs.keySet()) {
            if (!labels.contains(label)) {
                String close = dev.tandem.protocol.Suggest.closest(label, labels);
                throw new TandemException(ErrorCode.USAGE, "`device` " + label + "=…: the plan has no label '" + label
                        + "'" + (close != null ? " (did you mean `device " + close + "=" + specs.get(label) + "`?)" : "")
                        + "; its labels are " + labels);
            }
        }
        String platform = defaultPlatform != null ? defaultPlatform : defaultPlatform(pool);
        List<Requirement> reqs = new ArrayList<>();
        for (String label : labels) {
            String spec = specs.get(label);
            if (spec == null) {
                Optional<DeviceDecl> decl = plan.devices().stream().filter(d -> d.label().equals(label)).findFirst();
                String p = decl.map(DeviceDecl::platform).orElse(plan.platform());
                String profile = decl.map(DeviceDecl::profile).orElse(plan.profile());
                spec = (p != null ? p : platform) + (profile != null ? ":" + profile : "");
            }
            Requirement r = Requirement.parse(label, spec, pool, profilesOf);
            checkWebOnly(plan, label, r.platform(), specs.containsKey(label));
            capabilities.check(plan, label, r.platform(), specs.containsKey(label));
            reqs.add(r);
        }
        checkServable(reqs, pool);
        return reqs;
    }

    /**
     * Requirements that no wait could ever satisfy are usage errors now, not a timeout later: one
     * device named for two labels, or more labels on a local platform than it has devices. More than
     * a Grid lends is not refused here: its capacity changes, so the run waits its bound ({@link Shortfall}).
     */
    public static void checkServable(List<Requirement> reqs, DevicePool pool) {
        Map<String, String> byDevice = new LinkedHashMap<>();
        for (Requirement r : reqs) {
            if (r.deviceId() == null) continue;
            String other = byDevice.putIfAbsent(r.deviceId(), r.label());
            if (other != null) {
                throw new TandemException(ErrorCode.USAGE, other + " and " + r.label() + " both ask for " + r.deviceId()
                        + "; a device runs one label's steps: give " + r.label() + " another device (e.g. `device " + r.label()
                        + "=" + r.platform() + "`)");
            }
        }
        for (Shortfall f : Shortfall.of(reqs, pool)) {
            if (f.onGrid()) continue; // a Grid's capacity is shared and changes: the allocator waits its bound, then says so
            // sim and web have their environment shortcut; every platform has its source's count in devices.yaml
            Platform platform = f.platform();
            String raise = f.source() == null && (platform.equals(Platform.SIM) || platform.equals(Platform.WEB))
                    ? "raise TANDEM_" + platform.name().toUpperCase(java.util.Locale.ROOT) + "_DEVICES"
                    : "add " + platform + " devices" + (f.source() == null ? "" : " to source " + f.source()) + " in devices.yaml";
            throw new TandemException(ErrorCode.USAGE, "the plan needs " + f.wanted() + " " + platform + " devices"
                    + (f.source() == null ? "" : " of source " + f.source()) + " and this daemon has " + f.candidates().size()
                    + "; " + raise + " (then `tandem daemon stop`) or put some labels on another platform");
        }
    }

    /** Refuses a track with a launchApp url on a sim: the sim opens apps by appId only. */
    public static void checkWebOnly(Plan plan, String label, Platform platform, boolean givenOnCommandLine) {
        if (!platform.equals(Platform.SIM)) return;
        ToolStep step = plan.firstWebOnlyStep(label);
        if (step == null) return;
        String who = plan.multiDevice() ? "device " + label : "the plan";
        String fix = givenOnCommandLine ? "give `device` " + label + "=web"
                : plan.multiDevice() ? "declare it as {label: " + label + ", platform: web} under devices, or run with `device` " + label + "=web"
                : "add `platform: web` to the plan, or run it with `platform` web";
        throw new TandemException(ErrorCode.VALIDATION, step.pos() + ": plan step " + step.planIndex()
                + " opens a url, which needs a web device, but " + who + " would run on sim: " + fix + ".");
    }
}
