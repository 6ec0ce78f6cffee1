package dev.tandem.bench.core;

import dev.tandem.plan.LoadResult;
import dev.tandem.plan.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A 10,000-step plan (4 devices, a critical section every 50 steps) loaded and validated. */
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
    }
}
