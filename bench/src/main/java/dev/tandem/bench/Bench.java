package dev.tandem.bench;

import dev.tandem.bench.core.AdoptionBench;
import dev.tandem.bench.core.HandoffBench;
import dev.tandem.bench.core.LoadBench;
import dev.tandem.bench.core.ParallelBench;
import dev.tandem.bench.core.ShardBench;
import dev.tandem.bench.core.StartupBench;
import dev.tandem.bench.core.ThroughputBench;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measurement harnesses behind BENCHMARKS.md. Each prints Markdown table rows. Run with
 * {@code bench/run.sh NAME…} (builds first); names: throughput, startup, handoff, load10k,
 * parallel16, adoption, shards, web, busy, reset, soak,
 * appiumtap, appiumcold, gridtap, gridchat, oneshot, mcp, protocol, report, reportshot.
 */
public final class Bench {
    /** One harness. */
    @FunctionalInterface
    public interface Harness {
        void run() throws Exception;
    }

    private static final Map<String, Harness> ALL = new LinkedHashMap<>();

    static {
        ALL.put("throughput", ThroughputBench::run);
        ALL.put("startup", StartupBench::run);
        ALL.put("handoff", HandoffBench::run);
        ALL.put("load10k", LoadBench::run);
        ALL.put("parallel16", ParallelBench::run);
        ALL.put("adoption", AdoptionBench::run);
        ALL.put("shards", ShardBench::run);
        ALL.put("web", dev.tandem.bench.core.WebBench::run);
        ALL.put("busy", dev.tandem.bench.core.BusyPageBench::run);
        ALL.put("reset", dev.tandem.bench.core.ResetBench::run);
        ALL.put("soak", dev.tandem.bench.core.SoakBench::run);
        ALL.put("appiumtap", dev.tandem.bench.core.AppiumTapBench::run);
        ALL.put("gridtap", dev.tandem.bench.core.GridTapBench::run);
        ALL.put("gridchat", dev.tandem.bench.core.GridChatBench::run);
        ALL.put("appiumcold", dev.tandem.bench.core.AppiumColdBench::run);
        ALL.put("mcp", dev.tandem.bench.agents.McpBench::run);
        ALL.put("oneshot", dev.tandem.bench.agents.OneShotBench::run);
        ALL.put("junit", dev.tandem.bench.junit.JunitBench::run);
        ALL.put("report", dev.tandem.bench.report.ReportBench::run);
        ALL.put("reportshot", dev.tandem.bench.report.ReportBench::shot);
        ALL.put("protocol", () -> dev.tandem.bench.protocol.ProtocolBench.main(new String[0]));
    }

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: bench/run.sh NAME… (" + String.join(", ", ALL.keySet()) + ")");
            return;
        }
        for (String name : args.length == 1 && args[0].equals("all") ? ALL.keySet().toArray(String[]::new) : args) {
            Harness h = ALL.get(name);
            if (h == null) throw new IllegalArgumentException("unknown benchmark " + name + "; known: " + ALL.keySet());
            System.out.println("## " + name + " (" + hostInfo() + ")");
            h.run();
        }
    }

    static String hostInfo() {
        return Runtime.getRuntime().availableProcessors() + " cpus, Java " + Runtime.version();
    }
}
