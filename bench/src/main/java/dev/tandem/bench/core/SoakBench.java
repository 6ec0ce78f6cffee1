package dev.tandem.bench.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Memory under use: a web device and a sim device ({@code TANDEM_SOAK_DEVICES}) each take
 * {@code TANDEM_SOAK_TAPS} taps (4,000 by default) as plans of 400 {@code tapOn} steps through the
 * whole stack (CLI → daemon → runner), and after each plan the PSS of the runner and every process
 * under it is read, by process kind ({@link ProcessMemory}). The figures that matter are PSS after
 * the last plan ÷ PSS after the first (400 taps), and the same for its "own" part (what the
 * processes allocated; the file part moves with what else runs on the host): a device that holds
 * steady stays within 1.10.
 */
public final class SoakBench {
    static final int BATCH = 400;

    private SoakBench() {}

    public static void run() throws Exception {
        int taps = Integer.parseInt(System.getenv().getOrDefault("TANDEM_SOAK_TAPS", "4000"));
        String devices = System.getenv().getOrDefault("TANDEM_SOAK_DEVICES", "web:pixel-7,sim:1");
        for (String device : devices.split(",")) soak(device.strip(), taps);
    }

    private static void soak(String device, int taps) throws Exception {
        try (Cli cli = new Cli("instant")) {
            StringBuilder plan = new StringBuilder("name: soak\nsteps:\n  - tool: launchApp\n    appId: com.example.login\n");
            for (int i = 0; i < BATCH; i++) plan.append("  - tool: tapOn\n    text: Remember me\n");
            Path file = cli.write("soak.yaml", plan.toString());
            Path fresh = cli.write("fresh.yaml", "name: fresh\nsteps:\n  - tool: launchApp\n    appId: com.example.login\n");
            cli.ok("run", fresh.toString(), "--device", device, "-o", "out");
            String id = device.split(":")[0] + "-1"; // the first device of its pool (private state dir)
            long pid = cli.runnerPid(id);
            if (pid < 0) throw new IllegalStateException("no runner file for " + id);
            Map<Integer, Map<String, ProcessMemory.Pss>> samples = new LinkedHashMap<>();
            samples.put(0, ProcessMemory.byKind(pid));
            for (int done = BATCH; done <= taps; done += BATCH) {
                cli.ok("run", file.toString(), "--device", device, "-o", "out");
                if (cli.runnerPid(id) != pid) throw new IllegalStateException("the runner was replaced during the soak");
                samples.put(done, ProcessMemory.byKind(pid));
                System.err.printf(Locale.ROOT, "%s %d taps: %s%n", device, done, samples.get(done));
            }
            print(device, samples);
        }
    }

    /** One row per sample: PSS, its own and file parts, then each process kind's own part. */
    private static void print(String device, Map<Integer, Map<String, ProcessMemory.Pss>> samples) {
        List<String> kinds = new ArrayList<>();
        for (var s : samples.values()) for (String k : s.keySet()) if (!kinds.contains(k) && !k.equals("total")) kinds.add(k);
        List<String> head = new ArrayList<>(List.of(device + ": taps", "PSS (MB)", "own", "file"));
        head.addAll(kinds.stream().map(k -> k + ", own").toList());
        Stats.row(head.toArray(String[]::new));
        Stats.row(head.stream().map(h -> "---").toArray(String[]::new));
        for (var e : samples.entrySet()) {
            ProcessMemory.Pss t = e.getValue().get("total");
            List<String> cells = new ArrayList<>(List.of(String.format(Locale.ROOT, "%,d", e.getKey()), mb(t.total()), mb(t.own()), mb(t.file())));
            for (String k : kinds) cells.add(mb(e.getValue().getOrDefault(k, new ProcessMemory.Pss(0, 0)).own()));
            Stats.row(cells.toArray(String[]::new));
        }
        Integer last = samples.keySet().stream().reduce((a, b) -> b).orElseThrow();
        if (samples.containsKey(BATCH) && last > BATCH) {
            ProcessMemory.Pss first = samples.get(BATCH).get("total");
            ProcessMemory.Pss end = samples.get(last).get("total");
            Stats.row(String.format(Locale.ROOT, "%s: after %,d taps ÷ after %,d", device, last, BATCH),
                    String.format(Locale.ROOT, "**%.3f**", (double) end.total() / first.total()),
                    String.format(Locale.ROOT, "**%.3f**", (double) end.own() / first.own()),
                    String.format(Locale.ROOT, "%.3f", (double) end.file() / Math.max(1, first.file())));
        }
        System.out.println();
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.1f", kb / 1024.0);
    }
}
