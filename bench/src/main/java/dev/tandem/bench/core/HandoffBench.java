package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.engine.DeviceChannel;
import dev.tandem.engine.PlanExecutor;
import dev.tandem.engine.RunListener;
import dev.tandem.engine.RunOptions;
import dev.tandem.engine.StepCall;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.PlanLoader;
import dev.tandem.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Critical-section hand-off inside the engine: a section alternating 2,000 steps between two
 * devices whose commands return at once; hand-off = the next participant's command starts minus
 * the previous one's end. Measures the engine's synchronisation alone (devices are instant fakes).
 */
public final class HandoffBench {
    private HandoffBench() {}

    public static void run() throws Exception {
        StringBuilder yaml = new StringBuilder("devices: [A, B]\nsteps:\n  - tool: criticalSection\n    lock: x\n    steps:\n");
        for (int i = 0; i < 2000; i++) {
            yaml.append("      - {tool: tapOn, id: b, device: ").append(i % 2 == 0 ? "A" : "B").append("}\n");
        }
        LoadResult loaded = PlanLoader.parse(yaml.toString(), "handoff.yaml");
        if (!loaded.ok()) throw new IllegalStateException(loaded.errors().toString());
        List<Double> all = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            ConcurrentLinkedQueue<long[]> calls = new ConcurrentLinkedQueue<>();
            DeviceChannel instant = new DeviceChannel() {
                @Override
                public JsonNode execute(StepCall call) {
                    long start = System.nanoTime();
                    calls.add(new long[] {call.step().nestedIndex(), start, System.nanoTime()});
                    return Json.object();
                }

                @Override
                public void cancel(StepCall call) {}
            };
            new PlanExecutor(loaded.plan(), Map.of("A", instant, "B", instant), Map.of("A", "a", "B", "b"),
                    new RunOptions("bench-" + round, AbortStrategy.IMMEDIATE, 0), RunListener.NONE).run();
            long[][] byIndex = new long[2000][];
            for (long[] c : calls) byIndex[(int) c[0]] = c;
            if (round == 0) continue; // warm-up
            for (int i = 1; i < 2000; i++) all.add((byIndex[i][1] - byIndex[i - 1][2]) / 1e6);
        }
        double[] s = Stats.sorted(all);
        Stats.row("metric", "p50", "p90", "p99", "n");
        Stats.row("---", "---", "---", "---", "---");
        Stats.row("critical-section hand-off (engine)", Stats.ms(Stats.percentile(s, 50)), Stats.ms(Stats.percentile(s, 90)),
                Stats.ms(Stats.percentile(s, 99)), Integer.toString(s.length));
    }
}
