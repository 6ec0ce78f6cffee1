package dev.tandem.daemon.run;

import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run on a client's lease ({@code RunRequest.lease}): each label's spec is a device id of the
 * lease, written as a spec the requirements read ({@code sim:sim-1}), so the plan's labels and
 * capabilities are checked as for any run.
 */
final class LeasedRun {
    private LeasedRun() {}

    static Map<String, String> specs(Plan plan, Map<String, String> given, DevicePool pool) {
        if (given.isEmpty()) {
            throw new TandemException(ErrorCode.USAGE, "a run on a lease names a device of the lease for each label: `devices` "
                    + plan.labels().getFirst() + "=DEVICE_ID" + (plan.labels().size() > 1 ? ", one per label " + plan.labels() : ""));
        }
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((label, spec) -> {
            Optional<DeviceSlot> slot = pool.byId(spec.trim());
            out.put(label, slot.map(s -> s.platform().name() + ":" + s.id()).orElse(spec));
        });
        return out;
    }

    /** Each label's device; every requirement of a leased run names one (else the spec was no device id). */
    static Map<String, String> devices(List<Requirement> reqs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Requirement r : reqs) {
            if (r.deviceId() == null) {
                throw new TandemException(ErrorCode.USAGE, "a run on a lease names a device of the lease for each label; "
                        + r.label() + " has none (give `devices` " + r.label() + "=DEVICE_ID)");
            }
            out.put(r.label(), r.deviceId());
        }
        return out;
    }
}
