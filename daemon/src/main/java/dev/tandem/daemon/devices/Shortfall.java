package dev.tandem.daemon.devices;

import dev.tandem.protocol.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * More labels on a platform (or on one source's devices of it) than the pool has devices for them.
 * On local pools no wait can help (a USAGE error before anything starts); on a Selenium Grid the
 * capacity is shared and changes, so the request waits its bound and then fails DEVICE_UNAVAILABLE
 * with {@link #gridSentence(long)} (docs/grid.md).
 *
 * @param source the source the labels are bound to ({@code grid:web}), or null: any of the platform's
 * @param candidates the devices that could serve them
 */
public record Shortfall(Platform platform, String source, int wanted, List<DeviceSlot> candidates, Map<String, String> grids) {

    /** Per platform, then per source a label is bound to: each group asking for more devices than can serve it. */
    public static List<Shortfall> of(List<Requirement> reqs, DevicePool pool) {
        Map<List<Object>, Integer> demand = new LinkedHashMap<>();
        for (Requirement r : reqs) {
            if (r.deviceId() != null) continue; // a named device: one label each, checked on its own
            demand.merge(java.util.Arrays.asList(r.platform(), null), 1, Integer::sum);
            if (r.source() != null) demand.merge(List.of(r.platform(), r.source()), 1, Integer::sum);
        }
        List<Shortfall> out = new ArrayList<>();
        demand.forEach((key, n) -> {
            Platform platform = (Platform) key.get(0);
            String source = (String) key.get(1);
            List<DeviceSlot> can = pool.ofPlatform(platform).stream().filter(d -> source == null || source.equals(d.source())).toList();
            if (n > can.size()) out.add(new Shortfall(platform, source, n, can, pool.grids()));
        });
        return out;
    }

    /** Whether a Grid serves some of these labels: its capacity can grow, so the shortfall is waited for. */
    public boolean onGrid() {
        return candidates.stream().anyMatch(d -> grids.containsKey(d.source())) || (source != null && grids.containsKey(source));
    }

    /** DEVICE_UNAVAILABLE's sentence after the wait: the Grid, what was wanted, what it offers, and what to do. */
    public String gridSentence(long waitMs) {
        Set<String> names = new LinkedHashSet<>();
        if (source != null && grids.containsKey(source)) names.add(source);
        candidates.stream().map(DeviceSlot::source).filter(grids::containsKey).forEach(names::add);
        List<String> gridText = new ArrayList<>();
        long onGrids = 0;
        for (String g : names) {
            long n = candidates.stream().filter(d -> g.equals(d.source())).count();
            onGrids += n;
            gridText.add("the Grid '" + g + "' (" + grids.get(g) + ") offers " + n);
        }
        long local = candidates.size() - onGrids;
        String first = names.iterator().next();
        return "the run wants " + wanted + " " + platform + " devices" + (source != null ? " of source " + source : "")
                + " and this daemon has " + candidates.size() + ": " + String.join(", ", gridText)
                + (local > 0 ? ", local ones " + local : "")
                + (waitMs > 0 ? ", and none more came within " + waitMs + " ms" : "")
                + ". Add nodes or slots to the Grid (a waiting run gets them within a second of the Grid listing them),"
                + " raise `slots:` of source " + first + " in devices.yaml if it caps them, or lower the plan's " + platform
                + " devices (or put some labels on another platform).";
    }

    public Shortfall {
        Objects.requireNonNull(platform);
        candidates = List.copyOf(candidates);
        grids = Map.copyOf(grids);
    }
}
