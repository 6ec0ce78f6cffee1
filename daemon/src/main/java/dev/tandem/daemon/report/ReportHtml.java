package dev.tandem.daemon.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The self-contained {@code report.html} (DESIGN §9): one template (inline CSS and a small inline
 * script, no network) with the page's data embedded as compact JSON ({@link RunReportData},
 * {@link SuiteReportData}). The browser draws the timeline and tables from that data, so the
 * file stays small however many steps the run had.
 */
public final class ReportHtml {
    private static final String MARK = "/*TANDEM-DATA*/";
    private static final String TEMPLATE = load();

    private ReportHtml() {}

    /** The page for {@code data}; the JSON is escaped so no string in it can end the script element. */
    public static String render(JsonNode data) {
        String json = Json.text(data).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        int at = TEMPLATE.indexOf(MARK);
        return TEMPLATE.substring(0, at) + json + TEMPLATE.substring(at + MARK.length());
    }

    private static String load() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("report.html")) {
            if (in == null) throw new IllegalStateException("report.html template missing from the daemon jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
