package dev.tandem.web;

import dev.tandem.device.CommandContext;
import dev.tandem.device.DeviceSpec;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.ToolExecutor;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures the web device's hot paths on this machine (not a test: run by hand).
 * {@code java -cp ... dev.tandem.web.WebPerfProbe [iterations]}: device ready time, snapshot and
 * tapOn-by-text latency through ToolExecutor (touch and mouse), and Chromium's PSS per device.
 */
public final class WebPerfProbe {
    private WebPerfProbe() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Files.createTempDirectory("tandem-web-perf");
        try (TestPages pages = new TestPages()) {
            for (String profile : new String[] {"pixel-7", "desktop"}) {
                long t0 = System.nanoTime();
                WebBackend web = (WebBackend) new WebBackendProvider().open(new DeviceSpec("perf", profile, dir.resolve(profile), Map.of()));
                web.prewarm();
                long ready = System.nanoTime() - t0;
                try {
                    web.device().launchApp(new LaunchRequest(null, pages.url(args.length > 1 ? args[1] : "static.html"), false, null, null, Map.of()));
                    var params = Json.object().put("text", "Go");
                    long[] snap = new long[n];
                    long[] tap = new long[n];
                    for (int i = 0; i < n; i++) {
                        long s = System.nanoTime();
                        web.device().snapshot();
                        snap[i] = System.nanoTime() - s;
                    }
                    for (int i = 0; i < n; i++) {
                        long s = System.nanoTime();
                        ToolExecutor.run(web.device(), Tool.TAP_ON, params, CommandContext.withTimeout(15_000, dir));
                        tap[i] = System.nanoTime() - s;
                    }
                    // Taps 250 ms apart: what a plan's taps see when other steps come between them.
                    long[] spaced = new long[Math.max(10, n / 10)];
                    for (int i = 0; i < spaced.length; i++) {
                        java.util.concurrent.locks.LockSupport.parkNanos(250_000_000L);
                        long s = System.nanoTime();
                        ToolExecutor.run(web.device(), Tool.TAP_ON, params, CommandContext.withTimeout(15_000, dir));
                        spaced[i] = System.nanoTime() - s;
                    }
                    System.out.printf("%-8s ready(open+prewarm) %.0f ms | snapshot p50 %.2f p90 %.2f ms | tapOn text back-to-back p50 %.2f p90 %.2f p99 %.2f ms"
                            + " | 250 ms apart p50 %.2f p90 %.2f ms | PSS %d MB (%d processes)%n",
                            profile, ready / 1e6, pct(snap, 50), pct(snap, 90), pct(tap, 50), pct(tap, 90), pct(tap, 99), pct(spaced, 50), pct(spaced, 90),
                            pssKb(web.chromiumPid())[0] / 1024, pssKb(web.chromiumPid())[1]);
                } finally {
                    web.close();
                }
            }
        }
    }

    private static double pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * p / 100)] / 1e6;
    }

    /** PSS (kB) summed over Chromium's process group, and how many processes that is. */
    static long[] pssKb(long leader) throws IOException {
        long total = 0;
        long count = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[2]) != leader) continue; // field 5: pgrp
                    for (String line : Files.readAllLines(p.resolve("smaps_rollup"), StandardCharsets.US_ASCII)) {
                        if (line.startsWith("Pss:")) total += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                    count++;
                } catch (IOException | RuntimeException e) {
                    // exited meanwhile
                }
            }
        }
        return new long[] {total, count};
    }
}
