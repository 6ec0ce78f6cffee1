package dev.tandem.bench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples, once a second, the memory of the processes under some roots (a daemon and its runners, a
 * Grid's JVMs and the chromedriver and Chromium they start) by kind, and the load average; keeps
 * the peaks and every process it saw (to check that none outlives the bench).
 */
final class HostSampler implements AutoCloseable {
    /** Memory of one kind of process at one moment: resident set and proportional set, KiB. */
    record Mem(long rssKb, long pssKb, int processes) {
        Mem plus(Mem o) {
            return new Mem(rssKb + o.rssKb, pssKb + o.pssKb, processes + o.processes);
        }
    }

    private final Supplier<List<ProcessHandle>> roots;
    private final Set<String> browserSide;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "host-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();
    private Map<String, Mem> peak = Map.of();
    private long peakBrowserSideKb;
    private double peakLoad;

    /** @param browserSide the kinds whose sum is the peak tracked (e.g. Chromium, chromedriver, runner JVMs) */
    HostSampler(Supplier<List<ProcessHandle>> roots, Set<String> browserSide) {
        this.roots = roots;
        this.browserSide = browserSide;
    }

    HostSampler start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    private synchronized void sample() {
        try {
            Map<String, Mem> now = new TreeMap<>();
            List<ProcessHandle> all = new ArrayList<>();
            for (ProcessHandle r : roots.get()) {
                all.add(r);
                r.descendants().forEach(all::add);
            }
            for (ProcessHandle p : all) {
                ProcessMemory.Pss pss = ProcessMemory.pss(p.pid());
                long rss = rssKb(p.pid());
                if (pss == null || rss < 0) continue;
                seen.add(p);
                now.merge(kind(p), new Mem(rss, pss.total(), 1), Mem::plus);
            }
            long side = now.entrySet().stream().filter(e -> browserSide.contains(e.getKey())).mapToLong(e -> e.getValue().rssKb()).sum();
            if (side > peakBrowserSideKb) {
                peakBrowserSideKb = side;
                peak = now;
            }
            peakLoad = Math.max(peakLoad, load1());
        } catch (RuntimeException e) {
            // a process vanished between listing and reading: the next sample sees the rest
        }
    }

    /** The sample with the most browser-side RSS, by kind. */
    synchronized Map<String, Mem> peak() {
        return peak;
    }

    synchronized double peakLoad() {
        return Math.max(peakLoad, load1());
    }

    /** Every process sampled that still runs now. */
    synchronized List<String> stillRunning() {
        List<String> out = new ArrayList<>();
        for (ProcessHandle p : seen) if (p.isAlive()) out.add(p.pid() + " " + p.info().commandLine().orElse("?"));
        return out;
    }

    synchronized int seenCount() {
        return seen.size();
    }

    static String kind(ProcessHandle p) {
        String cmd = cmdline(p.pid());
        if (cmd.contains("org.openqa.selenium.grid.Main")) return "Grid JVMs (hub, 2 nodes)";
        if (cmd.contains("chromedriver")) return "chromedriver";
        if (cmd.contains("chromium") || cmd.contains("chrome")) return "Chromium";
        if (cmd.contains("dev.tandem.daemon")) return "Tandem daemon";
        if (cmd.contains("java")) return "Tandem runner JVMs";
        return "other (shells)";
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
            return 0; // a zombie or kernel thread: no resident set
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
