package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.engine.FakeDevices.Event;
import dev.tandem.engine.FakeDevices.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks over a fake device log (positions in the log are a total order consistent with real time). */
final class RunInvariants {
    private RunInvariants() {}

    /** Each device starts its steps in plan order (plan index, then nested index). */
    static void tracksKeepPlanOrder(List<Event> log, List<String> devices) {
        for (String d : devices) {
            List<Event> starts = log.stream().filter(e -> e.kind() == Kind.START && e.device().equals(d)).toList();
            for (int i = 1; i < starts.size(); i++) {
                Event a = starts.get(i - 1);
                Event b = starts.get(i);
                boolean ordered = a.planIndex() < b.planIndex()
                        || (a.planIndex() == b.planIndex() && a.nestedIndex() < b.nestedIndex());
                assertThat(ordered).as("%s ran %s before %s", d, a.step(), b.step()).isTrue();
            }
        }
    }

    /**
     * Within a section: its steps start in declared order, each after the previous one ended; from
     * the first step's start to the last step's end no other step of any participant runs; and
     * sections sharing a lock never overlap.
     */
    static void sectionsAreExclusiveAndOrdered(List<Event> log, Scenario scenario) {
        Map<String, List<long[]>> windowsByLock = new HashMap<>();
        for (int p = scenario.startStep(); p < scenario.items().size(); p++) {
            if (!(scenario.items().get(p) instanceof Scenario.Section s)) continue;
            int started = 0;
            for (int k = 0; k < s.steps().size(); k++) {
                Optional<Event> start = find(log, Kind.START, "p" + p + "." + k);
                if (start.isEmpty()) break;
                started++;
                if (k > 0) {
                    Event prevEnd = find(log, Kind.END, "p" + p + "." + (k - 1)).orElseThrow();
                    assertThat(start.get().seq()).as("p%d.%d starts after p%d.%d ended", p, k, p, k - 1)
                            .isGreaterThan(prevEnd.seq());
                }
            }
            for (int k = started; k < s.steps().size(); k++) {
                assertThat(find(log, Kind.START, "p" + p + "." + k)).as("steps of section %d run as a prefix", p).isEmpty();
            }
            if (started == 0) continue;
            long from = find(log, Kind.START, "p" + p + ".0").orElseThrow().seq();
            long to = find(log, Kind.END, "p" + p + "." + (started - 1)).orElseThrow().seq();
            Set<String> participants = new HashSet<>();
            for (Scenario.Own o : s.steps()) participants.add(Scenario.label(o.device()));
            for (Event e : log) {
                if (e.kind() == Kind.CANCEL || !participants.contains(e.device()) || e.planIndex() == p) continue;
                if (e.planIndex() < p) {
                    assertThat((long) e.seq()).as("%s (%s) is over before section %d starts", e.step(), e.kind(), p).isLessThan(from);
                } else {
                    assertThat((long) e.seq()).as("%s (%s) waits for section %d to end", e.step(), e.kind(), p).isGreaterThan(to);
                }
            }
            windowsByLock.computeIfAbsent(s.lock(), l -> new ArrayList<>()).add(new long[] {from, to, p});
        }
        windowsByLock.forEach((lock, windows) -> {
            for (int i = 0; i < windows.size(); i++) {
                for (int j = i + 1; j < windows.size(); j++) {
                    long[] a = windows.get(i);
                    long[] b = windows.get(j);
                    assertThat(a[1] < b[0] || b[1] < a[0]).as("sections %d and %d share lock %s and overlapped", a[2], b[2], lock)
                            .isTrue();
                }
            }
        });
    }

    /** At a barrier over D, every step of D before it ends before any step of D after it starts. */
    static void barriersHold(List<Event> log, Scenario scenario) {
        for (int p = scenario.startStep(); p < scenario.items().size(); p++) {
            if (!(scenario.items().get(p) instanceof Scenario.Sync b)) continue;
            Set<String> devices = new HashSet<>();
            if (b.devices().isEmpty()) devices.addAll(scenario.labels());
            else b.devices().forEach(d -> devices.add(Scenario.label(d)));
            int at = p;
            long lastBefore = log.stream().filter(e -> e.kind() != Kind.CANCEL && devices.contains(e.device()) && e.planIndex() < at)
                    .mapToLong(Event::seq).max().orElse(-1);
            long firstAfter = log.stream().filter(e -> e.kind() != Kind.CANCEL && devices.contains(e.device()) && e.planIndex() > at)
                    .mapToLong(Event::seq).min().orElse(Long.MAX_VALUE);
            assertThat(lastBefore).as("barrier at plan step %d over %s", p, devices).isLessThan(firstAfter);
        }
    }

    private static Optional<Event> find(List<Event> log, Kind kind, String step) {
        return log.stream().filter(e -> e.kind() == kind && e.step().equals(step)).findFirst();
    }
}
