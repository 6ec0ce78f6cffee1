package dev.tandem.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Eight Appium fake-driver devices ready from cold, with a prepared cache (the Appium install and
 * the appium-fake runner's start-up cache already built): the wall time of one {@code tandem run}
 * of an 8-device plan from no daemon (daemon start, 8 runners, 8 owned Appium servers on their
 * assigned ports, 8 sessions, one step each), and the memory each device then holds: VmRSS of its
 * runner JVM and of the processes under it (its Appium server's node, its watchdog).
 */
public final class AppiumColdBench {
    private static final int DEVICES = 8;
    private static final int ROUNDS = 3;

    private AppiumColdBench() {}

    public static void run() throws Exception {
        try (Cli cli = AppiumFakes.cli()) {
            Path devices = AppiumFakes.devicesFile(cli, DEVICES);
            StringBuilder plan = new StringBuilder("name: eight fakes\ndevices: [");
            for (int i = 0; i < DEVICES; i++) plan.append(i == 0 ? "" : ", ").append("D").append(i + 1);
            plan.append("]\nsteps:\n");
            for (int i = 0; i < DEVICES; i++) plan.append("  - {tool: assertVisible, device: D").append(i + 1).append(", id: submit}\n");
            Path eight = cli.write("eight.yaml", plan.toString());
            String[] run = {"run", eight.toString(), "--devices", devices.toString(), "-o", "eight"};
            cli.ok(run); // fills the prepared cache (the runner's start-up cache) once; not measured
            List<Double> wall = new ArrayList<>(), runMs = new ArrayList<>();
            List<Double> jvmMb = new ArrayList<>(), appiumMb = new ArrayList<>(), deviceMb = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                cli.ok("daemon", "stop");
                Cli.Result res = cli.ok(run);
                wall.add(res.wallMs());
                runMs.add((double) cli.lastResults("eight").path("durationMs").asLong());
                for (int i = 1; i <= DEVICES; i++) {
                    long runner = cli.runnerPid("fake-" + i);
                    long jvm = rssKb(runner), under = 0;
                    for (ProcessHandle p : ProcessHandle.of(runner).map(h -> h.descendants().toList()).orElse(List.of())) under += rssKb(p.pid());
                    if (jvm <= 0 || under <= 0) throw new IllegalStateException("fake-" + i + ": runner " + runner + " RSS " + jvm + " KiB, under it " + under + " KiB");
                    jvmMb.add(jvm / 1024.0);
                    appiumMb.add(under / 1024.0);
                    deviceMb.add((jvm + under) / 1024.0);
                }
            }
            double[] w = Stats.sorted(wall), rm = Stats.sorted(runMs), j = Stats.sorted(jvmMb), a = Stats.sorted(appiumMb), d = Stats.sorted(deviceMb);
            Stats.row("metric (" + DEVICES + " appium-fake devices, cold daemon, prepared cache)", "p50", "max", "n");
            Stats.row("---", "---", "---", "---");
            Stats.row("`tandem run` of an 8-device plan from no daemon: wall (CLI start included)", Stats.ms(Stats.percentile(w, 50)), Stats.ms(w[w.length - 1]), w.length + " runs");
            Stats.row("the same run's results.json durationMs (all 8 devices ready + one step each)", Stats.ms(Stats.percentile(rm, 50)), Stats.ms(rm[rm.length - 1]), rm.length + " runs");
            Stats.row("per device: runner JVM VmRSS", Stats.num(Stats.percentile(j, 50)) + " MB", Stats.num(j[j.length - 1]) + " MB", j.length + " devices");
            Stats.row("per device: its Appium server (node) + watchdog VmRSS", Stats.num(Stats.percentile(a, 50)) + " MB", Stats.num(a[a.length - 1]) + " MB", a.length + " devices");
            Stats.row("per device: runner + Appium VmRSS", Stats.num(Stats.percentile(d, 50)) + " MB", Stats.num(d[d.length - 1]) + " MB", d.length + " devices");
        }
    }

    /** VmRSS of one process in KiB (0 when it is gone). */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
