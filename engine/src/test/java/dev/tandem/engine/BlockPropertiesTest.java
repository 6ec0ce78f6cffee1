package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.plan.LoadResult;
import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random plans with control blocks (repeat times and while, retry, when, nested) between tool
 * steps and barriers on up to three devices: every run ends (hang guard, no deadlock), each
 * device runs exactly the expansion of its blocks in plan order (a prefix of it when a retry is
 * exhausted), and no block runs more than its bound. A plan that puts a sync point inside a
 * block never loads.
 */
class BlockPropertiesTest {
    private static final List<String> DEVICES = List.of("A", "B", "C");

    /** A plan item as generated; {@code id} makes labels and look texts unique. */
    sealed interface Item {}

    record Tap(String label, String device) implements Item {}

    record Sync(boolean section) implements Item {}

    /**
     * @param kind repeat, retry or when
     * @param times repeat times, or -1 for repeat while
     * @param shown repeat while: how many looks see the element; when: 1 shown, 0 not
     * @param maxRetries retry: attempts after the first
     * @param failures retry: how often its last step fails before it passes
     */
    record Blk(int id, String kind, String device, int times, int shown, int maxRetries, int failures, List<Item> body)
            implements Item {
        String look() {
            return "look for \"cond" + id + "\"";
        }
    }

    record Scenario(int devices, List<Item> items) {
        List<String> labels() {
            return DEVICES.subList(0, devices);
        }
    }

    @Property(tries = 150)
    void blocksRunTheirExpansionInOrderWithinTheirBoundsAndNeverDeadlock(@ForAll("scenarios") Scenario s) {
        Plan plan = load(yaml(s, null));
        FakeDevices fake = new FakeDevices();
        wire(s.items(), fake);
        RunResult result = Runs.run(plan, fake);

        Runs.assertNoViolations(fake);
        boolean exhausted = false;
        for (String d : s.labels()) {
            List<String> expected = new ArrayList<>();
            boolean complete = expand(s.items(), d, expected, new java.util.HashMap<>());
            exhausted |= !complete;
            List<String> seen = fake.startedOn(s.devices() > 1 ? d : "default");
            if (result.status() == RunStatus.PASSED) {
                assertThat(seen).as("device " + d + " runs its expansion").isEqualTo(expected);
            } else {
                assertThat(expected.subList(0, Math.min(seen.size(), expected.size()))).as("device " + d + " runs a prefix")
                        .isEqualTo(seen);
            }
        }
        assertThat(result.status()).isEqualTo(exhausted ? RunStatus.FAILED : RunStatus.PASSED);
        if (exhausted) assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.ASSERTION_FAILED);
        Statistics.label("outcome").collect(exhausted ? "a retry exhausted" : "passed")
                .coverage(c -> c.check("passed").percentage(p -> p >= 30));
    }

    @Property(tries = 100)
    void aSyncPointInsideABlockNeverLoads(@ForAll("scenarios") Scenario s, @ForAll boolean section) {
        Blk first = firstBlock(s.items());
        if (first == null) return;
        LoadResult r = PlanLoader.parse(yaml(s, new Object[] {first, section}), "p.yaml");
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).anySatisfy(d -> assertThat(d.message())
                .matches("a (repeat|retry|when) block cannot contain a " + (section ? "criticalSection" : "barrier")));
    }

    // ---- generation

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> devices = Arbitraries.integers().between(1, 3);
        return devices.flatMap(n -> items(DEVICES.subList(0, n), 2).list().ofMinSize(1).ofMaxSize(6)
                .map(items -> new Scenario(n, renumber(items))));
    }

    private Arbitrary<Item> items(List<String> devices, int depth) {
        Arbitrary<String> device = Arbitraries.of(devices);
        Arbitrary<Item> tap = device.map(d -> new Tap(null, d));
        Arbitrary<Item> sync = Arbitraries.of(true, false).map(b -> (Item) new Sync(b));
        Arbitrary<Item> block = device.flatMap(d -> block(d, depth));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, tap),
                net.jqwik.api.Tuple.of(devices.size() > 1 ? 1 : 0, sync),
                net.jqwik.api.Tuple.of(3, block));
    }

    private Arbitrary<Item> block(String device, int depth) {
        Arbitrary<List<Item>> taps = Arbitraries.just(device).map(d -> (Item) new Tap(null, d)).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Item>> body = depth <= 1 ? taps
                : Combinators.combine(taps, block(device, depth - 1).list().ofMaxSize(1)).as((t, b) -> {
                    List<Item> all = new ArrayList<>(t);
                    all.addAll(b);
                    return all;
                });
        Arbitrary<Item> repeat = Combinators.combine(Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(0, 3), body)
                .as((times, shown, b) -> new Blk(0, "repeat", device, times == 0 ? 1 : times, shown, 0, 0, b));
        Arbitrary<Item> retry = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3), taps)
                .as((m, f, b) -> new Blk(0, "retry", device, 0, 0, m, f, b));
        Arbitrary<Item> when = Combinators.combine(Arbitraries.integers().between(0, 1), body)
                .as((shown, b) -> new Blk(0, "when", device, 0, shown, 0, 0, b));
        return Arbitraries.oneOf(repeat, retry, when);
    }

    /** Gives every tap a unique label and every block a unique id, in plan order. */
    private static List<Item> renumber(List<Item> items) {
        AtomicInteger n = new AtomicInteger();
        return renumber(items, n);
    }

    private static List<Item> renumber(List<Item> items, AtomicInteger n) {
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            out.add(switch (i) {
                case Tap t -> new Tap("s" + n.incrementAndGet(), t.device());
                case Sync sy -> sy;
                case Blk b -> {
                    int id = n.incrementAndGet();
                    yield new Blk(id, b.kind(), b.device(), b.times(), b.shown(), b.maxRetries(), b.failures(), renumber(b.body(), n));
                }
            });
        }
        return out;
    }

    // ---- the plan, the fake's answers and the expected expansion

    /** The plan's YAML; {@code inject} = {block, section?} puts a sync point as that block's first step. */
    private static String yaml(Scenario s, Object[] inject) {
        StringBuilder sb = new StringBuilder();
        if (s.devices() > 1) sb.append("devices: ").append(s.labels()).append('\n');
        sb.append("steps:\n");
        for (Item i : s.items()) sb.append("- ").append(item(i, s.devices() > 1, true, inject)).append('\n');
        return sb.toString();
    }

    private static String item(Item i, boolean multi, boolean top, Object[] inject) {
        return switch (i) {
            case Tap t -> "{tool: tapOn, text: " + t.label() + ", label: " + t.label() + (multi && top ? ", device: " + t.device() : "") + "}";
            case Sync sy -> sy.section() ? "{tool: criticalSection, lock: l, steps: [{tool: tapOn, device: A, text: cs, label: cs}]}"
                    : "{tool: barrier}";
            case Blk b -> {
                StringBuilder sb = new StringBuilder("{tool: ").append(b.kind());
                if (multi && top) sb.append(", device: ").append(b.device());
                switch (b.kind()) {
                    case "repeat" -> sb.append(b.times() < 0 ? ", while: cond" + b.id() : ", times: " + b.times());
                    case "retry" -> sb.append(", maxRetries: ").append(b.maxRetries());
                    default -> sb.append(", visible: cond").append(b.id());
                }
                sb.append(", steps: [");
                List<String> parts = new ArrayList<>();
                if (inject != null && inject[0] == b) {
                    parts.add((Boolean) inject[1] ? "{tool: criticalSection, lock: l, steps: [{tool: tapOn, device: A, text: x}]}"
                            : "{tool: barrier}");
                }
                for (Item c : b.body()) parts.add(item(c, multi, false, inject));
                yield sb.append(String.join(", ", parts)).append("]}").toString();
            }
        };
    }

    private static void wire(List<Item> items, FakeDevices fake) {
        for (Item i : items) {
            if (!(i instanceof Blk b)) continue;
            AtomicInteger calls = new AtomicInteger();
            switch (b.kind()) {
                case "repeat" -> fake.answers(b.look(), () -> calls.incrementAndGet() <= b.shown() ? null : ErrorCode.ELEMENT_NOT_FOUND);
                case "retry" -> {
                    String last = ((Tap) b.body().getLast()).label();
                    fake.answers(last, () -> calls.incrementAndGet() <= b.failures() ? ErrorCode.ASSERTION_FAILED : null);
                }
                default -> fake.answers(b.look(), () -> b.shown() == 1 ? null : ErrorCode.ELEMENT_NOT_FOUND);
            }
            wire(b.body(), fake);
        }
    }

    /**
     * What device {@code d} starts, in order; false when a retry is exhausted (the device stops
     * there). {@code calls} counts each block's looks (or its failing step's runs) over the whole
     * run, as the fake's answers do: a nested block entered twice goes on where it left off.
     */
    private static boolean expand(List<Item> items, String d, List<String> out, Map<Integer, Integer> calls) {
        for (Item i : items) {
            switch (i) {
                case Tap t -> {
                    if (t.device().equals(d)) out.add(t.label());
                }
                case Sync sy -> {
                    if (sy.section() && d.equals("A")) out.add("cs");
                }
                case Blk b -> {
                    if (!b.device().equals(d)) continue;
                    switch (b.kind()) {
                        case "repeat" -> {
                            if (b.times() > 0) {
                                for (int k = 0; k < b.times(); k++) if (!expand(b.body(), d, out, calls)) return false;
                            } else {
                                while (true) {
                                    out.add(b.look());
                                    if (calls.merge(b.id(), 1, Integer::sum) > b.shown()) break;
                                    if (!expand(b.body(), d, out, calls)) return false;
                                }
                            }
                        }
                        case "retry" -> {
                            boolean passed = false;
                            for (int k = 0; k <= b.maxRetries() && !passed; k++) {
                                if (!expand(b.body(), d, out, calls)) return false;
                                passed = calls.merge(b.id(), 1, Integer::sum) > b.failures();
                            }
                            if (!passed) return false;
                        }
                        default -> {
                            out.add(b.look());
                            if (b.shown() == 1 && !expand(b.body(), d, out, calls)) return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static Blk firstBlock(List<Item> items) {
        for (Item i : items) if (i instanceof Blk b) return b;
        return null;
    }

    private static Plan load(String yaml) {
        LoadResult r = PlanLoader.parse(yaml, "p.yaml");
        assertThat(r.errors()).as(yaml).isEmpty();
        return r.plan();
    }

}
