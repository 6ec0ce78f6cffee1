package dev.tandem.bench.core;

import dev.tandem.plan.LoadOptions;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A 10,000-step plan (4 devices, a critical section every 50 steps) loaded and validated; then a
 * 10,000-step plan assembled from 100 sub-flows of 100 steps with parameters (issue 18).
 */
public final class LoadBench {
    private LoadBench() {}

    public static void run() throws Exception {
        StringBuilder yaml = new StringBuilder("name: ten-thousand\ndevices: [A, B, C, D]\ntap: &tap {tool: tapOn, action: tap}\nsteps:\n");
        int n = 0;
        while (n < 10_000) {
            if (n % 50 == 49) {
                yaml.append("  - tool: criticalSection\n    lock: room\n    steps:\n")
                        .append("      - {tool: inputText, device: A, text: \"hi\"}\n")
                        .append("      - {tool: systemTray, device: B, action: find, notification: {body: hi}, awaitTimeout: 5000}\n");
                n += 3;
            } else {
                String d = Plans.label(n % 4);
                yaml.append(n % 3 == 0 ? "  - <<: *tap\n    device: " + d + "\n    id: \"com.example:id/item_" + n + "\"\n"
                        : "  - tool: assertVisible\n    device: " + d + "\n    text: \"/Item " + n + "|Other/\"\n    label: check " + n + "\n");
                n++;
            }
        }
        Path file = Files.createTempFile("tandem-10k-", ".yaml");
        Files.writeString(file, yaml);
        try {
            long t0 = System.nanoTime();
            LoadResult first = PlanLoader.load(file);
            double cold = (System.nanoTime() - t0) / 1e6;
            if (!first.ok()) throw new IllegalStateException(first.errors().subList(0, Math.min(5, first.errors().size())).toString());
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long s = System.nanoTime();
                PlanLoader.load(file);
                if (i >= 10) warm.add((System.nanoTime() - s) / 1e6);
            }
            double[] w = Stats.sorted(warm);
            Stats.row("metric", "value");
            Stats.row("---", "---");
            Stats.row("plan size", (Files.size(file) / 1024) + " KiB, " + first.plan().steps().size() + " top-level steps");
            Stats.row("first load + validate (cold JVM)", Stats.ms(cold));
            Stats.row("load + validate, warm median (20 runs)", Stats.ms(Stats.percentile(w, 50)));
            Stats.row("load + validate, warm best", Stats.ms(w[0]));
        } finally {
            Files.deleteIfExists(file);
        }
        flows();
    }

    /**
     * 100 flow files of 100 steps each, every step with parameters; the plan includes each once,
     * with its own env: and device, so every flow is read, filled in and inlined (no sharing).
     */
    static void flows() throws Exception {
        Path dir = Files.createTempDirectory("tandem-10k-flows-");
        try {
            long bytes = 0;
            for (int f = 0; f < 100; f++) {
                StringBuilder flow = new StringBuilder("env: {ITEM: item}\nsteps:\n");
                for (int i = 0; i < 100; i++) {
                    flow.append(i % 2 == 0 ? "  - {tool: tapOn, id: \"com.example:id/${ITEM}_" + i + "\", label: \"tap ${USER} " + i + "\"}\n"
                            : "  - {tool: assertVisible, text: \"/${GREETING:-Hello} ${USER}|Item " + i + "/\", timeout: \"${WAIT_MS}\"}\n");
                }
                Path p = Files.writeString(dir.resolve("flow-" + f + ".yaml"), flow);
                bytes += Files.size(p);
            }
            StringBuilder plan = new StringBuilder("name: ten-thousand-from-flows\ndevices: [A, B, C, D]\nenv: {WAIT_MS: \"5000\"}\nsteps:\n");
            for (int f = 0; f < 100; f++) {
                plan.append("  - {runFlow: flow-").append(f).append(".yaml, device: ").append(Plans.label(f % 4))
                        .append(", env: {USER: \"user").append(f).append("\"}}\n");
            }
            Path root = Files.writeString(dir.resolve("plan.yaml"), plan);
            bytes += Files.size(root);
            LoadOptions options = new LoadOptions(java.util.Map.of("GREETING", "Hi there"), java.util.Map.of());
            long t0 = System.nanoTime();
            LoadResult first = PlanLoader.load(root, options);
            double cold = (System.nanoTime() - t0) / 1e6;
            if (!first.ok()) throw new IllegalStateException(first.errors().subList(0, Math.min(5, first.errors().size())).toString());
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long s = System.nanoTime();
                PlanLoader.load(root, options);
                if (i >= 10) warm.add((System.nanoTime() - s) / 1e6);
            }
            double[] w = Stats.sorted(warm);
            System.out.println();
            Stats.row("metric (100 sub-flows with parameters)", "value");
            Stats.row("---", "---");
            Stats.row("plan size", "101 files, " + (bytes / 1024) + " KiB, " + first.plan().steps().size() + " top-level steps");
            Stats.row("first load + validate (after the flat plan)", Stats.ms(cold));
            Stats.row("load + validate, warm median (20 runs)", Stats.ms(Stats.percentile(w, 50)));
            Stats.row("load + validate, warm best", Stats.ms(w[0]));
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
