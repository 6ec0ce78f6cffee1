package dev.tandem.bench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.bench.core.Stats;
import dev.tandem.daemon.report.ReportFiles;
import dev.tandem.daemon.report.ReportHtml;
import dev.tandem.daemon.report.RunReportData;
import dev.tandem.daemon.report.SuiteReportData;
import dev.tandem.daemon.report.SyntheticRun;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.web.HeadlessPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run.sh report}: report.html's size and its load time in headless Chromium (from
 * navigation start until the page has drawn everything: the page's own {@code performance.now()}
 * when its script ends) for a 2 × 5 run, a 16 × 200 run and a 24-plan suite. Synthetic results
 * ({@link SyntheticRun}): the shape of a real run without minutes of devices.
 */
public final class ReportBench {
    private static final int ROUNDS = 7;

    private ReportBench() {}

    public static void run() throws Exception {
        Path work = Files.createTempDirectory("tandem-report-bench-");
        System.out.println("| report | size | load p50 | load max | rounds |");
        System.out.println("|---|---:|---:|---:|---:|");
        try (HeadlessPage page = HeadlessPage.start(work.resolve("chromium"), 1280, 900)) {
            row(page, "run 2 devices × 5 steps", write(work.resolve("r2x5"), SyntheticRun.of(2, 5, true)));
            row(page, "run 16 devices × 200 steps", write(work.resolve("r16x200"), SyntheticRun.of(16, 200, true)));
            row(page, "suite of 24 plans (3 flaky)", suite(work.resolve("suite24"), 24));
        }
    }

    private static void row(HeadlessPage page, String name, Path html) throws Exception {
        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            page.open(html.toUri(), "document.body.dataset.rendered === 'true'", 30_000);
            loads.add(page.eval("+document.body.dataset.renderMs").asDouble());
        }
        double[] sorted = Stats.sorted(loads);
        Stats.row(name, String.format(Locale.ROOT, "%.0f kB", Files.size(html) / 1024.0), Stats.ms(Stats.percentile(sorted, 50)),
                Stats.ms(sorted[sorted.length - 1]), String.valueOf(ROUNDS));
    }

    private static Path write(Path dir, RunResult r) throws Exception {
        Files.createDirectories(dir);
        Path out = dir.resolve(ReportFiles.REPORT);
        Files.writeString(out, ReportHtml.render(RunReportData.of(r, dir)), StandardCharsets.UTF_8);
        return out;
    }

    /** A suite's results.json tree as the daemon writes it, with {@code plans} plans of 2 × 5, every eighth flaky. */
    static ObjectNode suiteTree(Path dir, int plans) throws Exception {
        ObjectNode s = Json.object().put("suiteId", "bench-suite").put("status", "passed").put("durationMs", plans * 700L)
                .put("plans", plans).put("ran", plans).put("passed", plans).put("flaky", plans / 8);
        ArrayNode shards = s.putArray("shards");
        for (int i = 1; i <= 4; i++) {
            shards.addObject().put("shard", i).put("busyMs", plans * 175L).putArray("devices").add("sim-" + i);
            ((ObjectNode) shards.get(i - 1)).putArray("plans");
        }
        ArrayNode runs = s.putArray("runs");
        for (int p = 0; p < plans; p++) {
            Path runDir = dir.resolve("run-" + p);
            RunResult r = SyntheticRun.of(2, 5, false);
            write(runDir, r);
            ObjectNode n = (ObjectNode) Json.toTree(r);
            n.put("path", "plans/plan-" + p + ".yaml").put("shard", p % 4 + 1).put("dir", runDir.toString());
            if (p % 8 == 7) {
                Path first = dir.resolve("run-" + p + "-1");
                write(first, SyntheticRun.of(2, 5, true));
                n.put("flaky", true).put("retries", 1);
                ArrayNode attempts = n.putArray("attempts");
                attempts.addObject().put("dir", first.toString()).put("status", "failed").put("durationMs", 700)
                        .set("rootCause", Json.toTree(SyntheticRun.of(2, 5, true).rootCause()));
                attempts.addObject().put("dir", runDir.toString()).put("status", "passed").put("durationMs", 700);
            }
            runs.add(n);
        }
        return s;
    }

    private static Path suite(Path dir, int plans) throws Exception {
        Files.createDirectories(dir);
        Path out = dir.resolve(ReportFiles.REPORT);
        Files.writeString(out, ReportHtml.render(SuiteReportData.of(suiteTree(dir, plans), dir)), StandardCharsets.UTF_8);
        return out;
    }

    /**
     * {@code bench/run.sh reportshot} with {@code REPORT_DIR} (a run directory) and {@code REPORT_PNG}:
     * the picture in docs/reports.md, taken of a real report by the same headless Chromium.
     */
    public static void shot() throws Exception {
        Path dir = Path.of(System.getenv("REPORT_DIR"));
        Path png = Path.of(System.getenv("REPORT_PNG")).toAbsolutePath();
        Path work = Files.createTempDirectory("tandem-report-shot-");
        try (HeadlessPage page = HeadlessPage.start(work.resolve("chromium"), 1200, 800)) {
            page.open(dir.resolve(ReportFiles.REPORT).toUri(), "document.body.dataset.rendered === 'true'", 30_000);
            page.eval("document.querySelector('.bar.root') && document.querySelector('.bar.root').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
            page.screenshot(png, Integer.getInteger("report.maxHeight", 1400));
        }
        System.out.println("wrote " + png);
    }
}
