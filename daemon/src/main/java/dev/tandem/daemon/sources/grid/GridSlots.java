package dev.tandem.daemon.sources.grid;

import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.GridEntries;
import dev.tandem.protocol.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The devices of one {@code type: grid} source, following the Grid's capacity: one per matching
 * slot on a node that is up, per stereotype in order, capped by {@code slots}. Ids are stable: a
 * device id once given keeps its stereotype and profile for the daemon's life; more capacity first
 * brings back the stereotype's gone ids, then gets the next numbers ({@code <name>-<platform>-<n>}).
 * Less capacity marks the stereotype's last ids gone. Thread-safe.
 */
public final class GridSlots {
    private final GridEntries.Source entry;
    /** The ids given so far, per stereotype (in the entry's order), in the order they were given. */
    private final List<List<DeviceSlot>> given = new ArrayList<>();
    private final Map<String, Map<String, Object>> stereotypeOf = new HashMap<>();
    private final Map<Platform, Integer> numbers = new HashMap<>();
    private final Set<String> live = new LinkedHashSet<>();

    public GridSlots(GridEntries.Source entry) {
        this.entry = entry;
        entry.stereotypes().forEach(st -> given.add(new ArrayList<>()));
    }

    /** Follows a status the Grid answered with; true when devices appeared or went. */
    public boolean follow(GridStatus status) {
        return apply(status::capacity);
    }

    /**
     * The Grid did not answer when the daemon started: {@code slots} devices of the first stereotype
     * are assumed (none without {@code slots}) until it does.
     */
    public void assume() {
        Map<String, Object> first = entry.stereotypes().getFirst();
        apply(st -> st == first && entry.slots() != null ? entry.slots() : 0);
    }

    private synchronized boolean apply(ToIntFunction<Map<String, Object>> capacity) {
        int room = entry.slots() == null ? Integer.MAX_VALUE : entry.slots();
        Set<String> now = new LinkedHashSet<>();
        for (int i = 0; i < entry.stereotypes().size(); i++) {
            Map<String, Object> st = entry.stereotypes().get(i);
            List<DeviceSlot> ids = given.get(i);
            int n = Math.min(Math.max(capacity.applyAsInt(st), 0), room);
            room -= n;
            while (ids.size() < n) ids.add(next(st));
            for (int k = 0; k < n; k++) now.add(ids.get(k).id());
        }
        if (now.equals(live)) return false;
        live.clear();
        live.addAll(now);
        return true;
    }

    private DeviceSlot next(Map<String, Object> st) {
        Platform p = GridEntries.platformOf(st);
        int k = numbers.merge(p, 1, Integer::sum);
        String id = entry.name() + "-" + p.name() + "-" + k;
        stereotypeOf.put(id, st);
        String profile = p.equals(Platform.WEB) ? entry.profiles().get((k - 1) % entry.profiles().size()) : null;
        return new DeviceSlot(id, p, profile, entry.name());
    }

    /** The devices the Grid has room for now, in stereotype order. */
    public synchronized List<DeviceSlot> offered() {
        return all().stream().filter(d -> live.contains(d.id())).toList();
    }

    /** Devices given once that the Grid has no room for now. */
    public synchronized List<DeviceSlot> gone() {
        return all().stream().filter(d -> !live.contains(d.id())).toList();
    }

    /** The stereotype a device's sessions are asked for with, or null for an id this source never gave. */
    public synchronized Map<String, Object> stereotypeOf(String deviceId) {
        return stereotypeOf.get(deviceId);
    }

    private List<DeviceSlot> all() {
        return given.stream().flatMap(List::stream).toList();
    }
}
