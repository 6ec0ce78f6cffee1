package dev.tandem.daemon.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code tandem report DIR}: draws a run's or a suite's report.html again from its results.json. */
public final class ReportFiles {
    public static final String REPORT = "report.html";
    /** A results.json larger than this is not a Tandem result: refused rather than read into memory. */
    static final long MAX_RESULTS_BYTES = 256L * 1024 * 1024;

    private ReportFiles() {}

    /** Writes {@code dir/report.html}; returns its path. */
    public static Path rerender(Path dir) {
        Path results = dir.resolve("results.json");
        if (!Files.isRegularFile(results)) {
            throw new TandemException(ErrorCode.USAGE, "no results.json in " + dir
                    + "; give a run or suite directory, e.g. tandem-out/<run-id>");
        }
        JsonNode tree;
        try {
            if (Files.size(results) > MAX_RESULTS_BYTES) {
                throw new TandemException(ErrorCode.USAGE, results + " is larger than " + (MAX_RESULTS_BYTES >> 20)
                        + " MB; it is not a Tandem results file");
            }
            tree = Json.tree(Files.readAllBytes(results));
        } catch (IOException | RuntimeException e) {
            if (e instanceof TandemException t) throw t;
            throw new TandemException(ErrorCode.USAGE, "cannot read " + results + ": " + e.getMessage()
                    + "; it must be the results.json a run or suite wrote");
        }
        if (tree == null || !tree.isObject() || !(tree.has("runs") || tree.has("steps"))) {
            throw new TandemException(ErrorCode.USAGE, results + " is not a Tandem results file (no `steps` or `runs`)");
        }
        String html;
        if (tree.has("runs")) {
            html = ReportHtml.render(SuiteReportData.of(tree, dir));
        } else {
            RunResult r;
            try {
                r = Json.convert(tree, RunResult.class);
            } catch (RuntimeException e) {
                throw new TandemException(ErrorCode.USAGE, results + " does not read as a run's results: " + e.getMessage());
            }
            html = ReportHtml.render(RunReportData.of(r, dir));
        }
        Path out = dir.resolve(REPORT);
        try {
            AtomicFiles.write(out, html.getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.USAGE, "cannot write " + out + ": " + e.getMessage());
        }
        return out;
    }
}
