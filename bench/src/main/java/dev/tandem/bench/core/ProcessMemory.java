package dev.tandem.bench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The proportional set size (PSS, from {@code /proc/PID/smaps_rollup}) of a runner and every process
 * under it, by kind: the runner JVM, the Chromium watchdog, and Chromium's browser, renderer, zygote
 * and utility processes (named by their {@code --type=} and {@code --utility-sub-type=} flags).
 *
 * <p>PSS splits in two. {@code own} (Pss_Anon + Pss_Shmem) is memory these processes allocated:
 * heaps, stacks, JIT code. {@code file} (Pss_File) is their share of mapped files, mostly Chromium's
 * ~250 MB binary: it grows as code runs for the first time and shrinks as other processes on the
 * host map the same pages (every Chromium of every user divides them), so it moves with what else
 * runs on the machine, not with what the device holds.
 */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** PSS of one process, in KiB. */
    public record Pss(long own, long file) {
        public long total() {
            return own + file;
        }

        Pss plus(Pss o) {
            return new Pss(own + o.own, file + o.file);
        }
    }

    /** PSS per process kind, in kind order; "total" holds the sum. */
    public static Map<String, Pss> byKind(long runnerPid) {
        Map<String, Pss> out = new TreeMap<>();
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle.of(runnerPid).ifPresent(all::add);
        ProcessHandle.of(runnerPid).ifPresent(p -> p.descendants().forEach(all::add));
        Pss total = new Pss(0, 0);
        for (ProcessHandle p : all) {
            Pss kb = pss(p.pid());
            if (kb == null) continue;
            out.merge(p.pid() == runnerPid ? "runner JVM" : kind(p.pid()), kb, Pss::plus);
            total = total.plus(kb);
        }
        out.put("total", total);
        return out;
    }

    /** PSS of one process, or null when it is gone or unreadable. */
    public static Pss pss(long pid) {
        long anon = 0, shmem = 0, file = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss_Anon:")) anon = kb(line);
                else if (line.startsWith("Pss_Shmem:")) shmem = kb(line);
                else if (line.startsWith("Pss_File:")) file = kb(line);
            }
        } catch (IOException | RuntimeException e) {
            return null; // exited meanwhile
        }
        return new Pss(anon + shmem, file);
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("\\D", ""));
    }

    static String kind(long pid) {
        String cmd;
        try {
            cmd = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "gone";
        }
        if (cmd.contains("tandem-chromium-watchdog") || cmd.startsWith("sh ")) return "watchdog sh";
        String type = flag(cmd, "--type=");
        if (type == null) return "chromium browser";
        if (type.equals("utility")) {
            String sub = flag(cmd, "--utility-sub-type=");
            return "chromium utility " + (sub == null ? "?" : sub.substring(sub.lastIndexOf('.', sub.lastIndexOf('.') - 1) + 1));
        }
        return "chromium " + type;
    }

    private static String flag(String cmd, String name) {
        int i = cmd.indexOf(name);
        if (i < 0) return null;
        int end = cmd.indexOf(' ', i);
        return cmd.substring(i + name.length(), end < 0 ? cmd.length() : end);
    }
}
