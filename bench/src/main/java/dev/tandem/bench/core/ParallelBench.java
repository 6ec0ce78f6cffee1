package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * 16 sim devices, each a 200-step track, {@code realistic} profile: the plan's wall time against
 * its slowest track run alone on the same device.
 */
public final class ParallelBench {
    private ParallelBench() {}

    public static void run() throws Exception {
        int devices = 16;
        int steps = 200;
        try (Cli cli = new Cli("realistic")) {
            cli.env("TANDEM_SIM_DEVICES", Integer.toString(devices));
            Path plan = cli.write("sixteen.yaml", Plans.multiDevice("sixteen", devices, steps));
            cli.ok("run", plan.toString(), "-o", "warm");
            cli.ok("run", plan.toString(), "-o", "multi");
            JsonNode multi = cli.lastResults("multi");
            String slowest = null;
            long slowestMs = -1;
            String device = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.path("devices").fields(); it.hasNext(); ) {
                var e = it.next();
                long ms = e.getValue().path("durationMs").asLong();
                if (ms > slowestMs) {
                    slowestMs = ms;
                    slowest = e.getKey();
                    device = e.getValue().path("device").asText();
                }
            }
            Path alone = cli.write("alone.yaml", Plans.singleDevice("alone", steps));
            cli.ok("run", alone.toString(), "--device", "sim:" + device.substring(device.indexOf('-') + 1), "-o", "alone");
            long aloneMs = cli.lastResults("alone").path("durationMs").asLong();
            long wall = multi.path("durationMs").asLong();
            Stats.row("metric", "value");
            Stats.row("---", "---");
            Stats.row("16 devices × 200 steps, plan wall", wall + " ms");
            Stats.row("slowest track inside the plan (" + slowest + ", " + device + ")", slowestMs + " ms");
            Stats.row("the same track run alone on " + device, aloneMs + " ms");
            Stats.row("ratio wall / track alone", Stats.num((double) wall / aloneMs));
        }
    }
}
