package dev.tandem.cli.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.ParallelExecReport;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header and the closing summary of a run. */
public final class RunSummary {
    private RunSummary() {}

    public static String header(RunEvent.Allocated allocated, Style s) {
        StringBuilder devs = new StringBuilder();
        for (Map.Entry<String, String> d : allocated.devices().entrySet()) {
            if (!devs.isEmpty()) devs.append(' ');
            devs.append(d.getKey().equals("default") ? d.getValue() : d.getKey() + "=" + d.getValue());
        }
        return s.bold("▶ " + allocated.plan()) + " on " + devs + s.dim("  (run " + allocated.runId() + ")");
    }

    /**
     * A runner start, said once per device; the first start of a platform also prepares its
     * start-up cache, said once per platform ({@code announced} remembers which were said).
     */
    public static String runnerLine(RunEvent.Runner e, java.util.Set<String> announced) {
        return e.state() == RunEvent.RunnerStart.PREPARING && announced.add(e.platform())
                ? "  preparing the " + e.platform() + " runner (first use: builds its start-up cache, a few seconds), then starting "
                        + e.device() + "…"
                : "  starting runner for " + e.device() + "…";
    }

    /**
     * Prints the outcome of a run ({@code --json}: its result with {@code dir} and {@code exitCode}
     * on {@code out}; the summary on {@code progress}); returns the exit code.
     */
    /** Where the failed step was written when it came from a sub-flow ({@code login.yaml:4:3 via plan.yaml:12:3}), or null. */
    static String source(RunResult r, String label, Failure f) {
        for (StepRecord st : r.steps()) {
            if (st.source() != null && label.equals(st.device()) && st.planStep() == f.planStep() && st.trackStep() == f.trackStep()) {
                return st.source();
            }
        }
        return null;
    }

    public static int finish(PrintStream out, RunResult r, String dirName, int exit, boolean json, boolean debug, Style s,
            PrintStream progress) {
        Path dir = Path.of(dirName);
        if (json) {
            ObjectNode o = (ObjectNode) Json.toTree(r);
            o.put("dir", dir.toString()).put("exitCode", exit);
            out.println(Json.pretty(o));
        }
        int total = r.devices().values().stream().mapToInt(d -> d.steps().total()).sum();
        int passed = 0, warned = 0, skipped = 0;
        // a step a repeat or retry block ran several times counts once, by how its last run ended
        Map<String, StepStatus> last = new java.util.LinkedHashMap<>();
        for (StepRecord st : r.steps()) {
            last.put(st.device() + "/" + st.trackStep(), st.status());
            if (st.status() == StepStatus.WARNED) warned++;
        }
        for (StepStatus st : last.values()) {
            if (st == StepStatus.PASSED) passed++;
            if (st == StepStatus.SKIPPED) skipped++;
        }
        boolean failed = r.status() != RunStatus.PASSED;
        if (failed || debug) {
            for (String line : parallelExecLines(r)) progress.println(line);
        }
        RunResult.RootCause root = r.rootCause();
        if (failed && root != null) {
            Failure f = root.failure();
            String label = root.device();
            DeviceResult byLabel = r.devices().get(label);
            String id = byLabel != null && byLabel.device() != null ? byLabel.device() : label;
            String who = label.equals("default") || label.equals(id) ? id : label + " (" + id + ")";
            progress.println(s.red("✗ " + f.code()) + " on " + who + (f.planStep() < 0
                    ? " before its first step" : " at plan step " + f.planStep())
                    + (f.trackStep() >= 0 ? " (track step " + f.trackStep() + ")" : "")
                    + (f.tool() != null ? ", " + f.tool() : "") + ":");
            progress.println("  " + f.message());
            String source = source(r, label, f);
            if (source != null) progress.println("  the step is written at " + source);
            if (f.screenshot() != null) progress.println("  screen at the failure: " + f.screenshot());
            if (f.code() != null) progress.println(s.dim("  → " + f.code().hint()));
        }
        String word = switch (r.status()) {
            case PASSED -> s.green("PASSED");
            case ABORTED -> s.yellow("ABORTED");
            case ERROR -> s.red("ERROR");
            case FAILED -> s.red("FAILED");
        };
        progress.println(word + " · " + r.plan() + " · " + r.devices().size()
                + (r.devices().size() == 1 ? " device" : " devices") + " · " + passed + " of " + total + " steps passed"
                + (warned > 0 ? " (" + warned + " warned)" : "") + (skipped > 0 ? " (" + skipped + " skipped)" : "") + " · "
                + String.format(Locale.ROOT, "%.2f s", r.durationMs() / 1000.0));
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = dir.startsWith(cwd) ? cwd.relativize(dir) : dir;
        progress.println(s.dim("  results: " + shown.resolve("results.json") + " · " + shown.resolve("junit.xml") + " · "
                + shown.resolve("report.html")));
        return exit;
    }

    /** The seed's per-device lines. */
    static List<String> parallelExecLines(RunResult r) {
        return ParallelExecReport.lines(r);
    }
}
