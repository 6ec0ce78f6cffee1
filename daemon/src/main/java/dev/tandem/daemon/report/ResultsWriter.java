package dev.tandem.daemon.report;

import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's results.json, junit.xml and report.html into its directory (DESIGN §3, §9). */
public final class ResultsWriter {
    private ResultsWriter() {}

    public static void write(Path runDir, RunResult result) throws IOException {
        write(runDir, result, Secrets.NONE);
    }

    /** Masks {@code secrets} (tokens) in all files: a page or message that showed one never carries it out. */
    public static void write(Path runDir, RunResult result, Secrets secrets) throws IOException {
        AtomicFiles.write(runDir.resolve("results.json"),
                dev.tandem.protocol.Json.pretty(secrets.mask(result, RunResult.class)).getBytes(StandardCharsets.UTF_8), false);
        AtomicFiles.write(runDir.resolve("junit.xml"),
                secrets.mask(JunitXml.render(List.of(result))).getBytes(StandardCharsets.UTF_8), false);
        AtomicFiles.write(runDir.resolve(ReportFiles.REPORT),
                secrets.mask(ReportHtml.render(RunReportData.of(result, runDir))).getBytes(StandardCharsets.UTF_8), false);
    }
}
