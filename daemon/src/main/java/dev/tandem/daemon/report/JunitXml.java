package dev.tandem.daemon.report;

import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.ErrorCategory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML in the shape CI parsers read (Jenkins, GitLab, GitHub actions reporters): one
 * testsuite per plan, one testcase per device. A device that failed by itself is a failure (an
 * error when the cause is infrastructure, exit code 3); a device stopped because another failed is
 * skipped, with the reason. A plan run more than once ({@code --retries}) writes its earlier
 * attempts as Surefire does: {@code flakyFailure}/{@code flakyError} under a testcase that passed
 * in the end, {@code rerunFailure}/{@code rerunError} under one that failed every time. A failure
 * screenshot is attached as {@code [[ATTACHMENT|path]]} in system-out (the Jenkins and GitLab
 * JUnit views show it); system-out also lists the device's steps.
 */
public final class JunitXml {
    /** One plan's runs: the one that counts, and the failed attempts before it (oldest first). */
    public record Attempts(RunResult last, List<RunResult> earlier) {
        public Attempts {
            earlier = List.copyOf(earlier);
        }
    }

    private JunitXml() {}

    public static String render(List<RunResult> runs) {
        return renderAttempts(runs.stream().map(r -> new Attempts(r, List.of())).toList());
    }

    public static String renderAttempts(List<Attempts> plans) {
        int tests = 0, failures = 0, errors = 0, skipped = 0;
        long time = 0;
        StringBuilder suites = new StringBuilder();
        for (Attempts plan : plans) {
            RunResult run = plan.last();
            int t = 0, f = 0, e = 0, s = 0;
            StringBuilder cases = new StringBuilder();
            for (Map.Entry<String, DeviceResult> d : run.devices().entrySet()) {
                t++;
                DeviceResult r = d.getValue();
                cases.append("    <testcase classname=\"").append(esc(run.plan())).append("\" name=\"")
                        .append(esc(d.getKey() + " (" + r.device() + ")")).append("\" time=\"").append(secs(r.durationMs())).append("\">\n");
                Failure fl = r.failure();
                boolean passed = r.status() == DeviceStatus.PASSED;
                if (passed) {
                    // nothing: a pass, flaky when an earlier attempt failed on this label
                } else if (r.status() == DeviceStatus.ABORTED) {
                    s++;
                    cases.append("      <skipped message=\"").append(esc(fl == null ? "stopped" : fl.message())).append("\"/>\n");
                } else {
                    boolean infra = infra(fl);
                    if (infra) e++;
                    else f++;
                    String tag = infra ? "error" : "failure";
                    cases.append("      <").append(tag).append(" type=\"").append(fl == null ? "FAILED" : fl.code().name())
                            .append("\" message=\"").append(esc(fl == null ? "failed" : fl.message())).append("\">")
                            .append(esc(fl == null ? "" : where(fl) + ": " + fl.message())).append("</").append(tag).append(">\n");
                }
                if (passed || r.status() == DeviceStatus.FAILED) {
                    for (RunResult before : plan.earlier()) {
                        DeviceResult b = before.devices().get(d.getKey());
                        if (b == null || b.status() != DeviceStatus.FAILED) continue;
                        String tag = (passed ? "flaky" : "rerun") + (infra(b.failure()) ? "Error" : "Failure");
                        cases.append(rerun(tag, before, d.getKey(), b.failure()));
                    }
                }
                cases.append("      <system-out>").append(esc(stepLog(run, d.getKey()) + attachment(fl))).append("</system-out>\n");
                cases.append("    </testcase>\n");
            }
            suites.append("  <testsuite name=\"").append(esc(run.plan())).append("\" tests=\"").append(t)
                    .append("\" failures=\"").append(f).append("\" errors=\"").append(e).append("\" skipped=\"").append(s)
                    .append("\" time=\"").append(secs(run.durationMs())).append("\" timestamp=\"")
                    .append(timestamp(run.startedAtMs())).append("\" id=\"").append(esc(run.runId())).append("\">\n")
                    .append(run.tags() == null ? "" : "    <properties>\n      <property name=\"tags\" value=\""
                            + esc(String.join(",", run.tags())) + "\"/>\n    </properties>\n")
                    .append(cases).append("  </testsuite>\n");
            tests += t;
            failures += f;
            errors += e;
            skipped += s;
            time += run.durationMs();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tandem\" tests=\"" + tests + "\" failures=\""
                + failures + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\" time=\"" + secs(time) + "\">\n"
                + suites + "</testsuites>\n";
    }

    /** An earlier attempt's failure, as Surefire nests it: message and type, the detail, that attempt's steps. */
    private static String rerun(String tag, RunResult before, String label, Failure fl) {
        return "      <" + tag + " type=\"" + (fl == null ? "FAILED" : fl.code().name()) + "\" message=\""
                + esc(fl == null ? "failed" : fl.message()) + "\">\n        <stackTrace>"
                + esc(fl == null ? "" : "run " + before.runId() + ", " + where(fl) + ": " + fl.message()) + "</stackTrace>\n"
                + "        <system-out>" + esc(stepLog(before, label) + attachment(fl)) + "</system-out>\n      </" + tag + ">\n";
    }

    private static boolean infra(Failure fl) {
        return fl != null && fl.code().category() == ErrorCategory.INFRASTRUCTURE;
    }

    /** The line the Jenkins (JUnit attachments) and GitLab JUnit views turn into a link to the screenshot. */
    private static String attachment(Failure fl) {
        return fl == null || fl.screenshot() == null ? "" : "[[ATTACHMENT|" + fl.screenshot() + "]]\n";
    }

    /** When the plan started, ISO 8601 in UTC without zone, the form Surefire writes. */
    static String timestamp(long epochMs) {
        return java.time.LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    private static String where(Failure f) {
        return f.trackStep() >= 0 ? "plan step " + f.planStep() + " (track step " + f.trackStep() + ", " + f.tool() + ")"
                : "plan step " + f.planStep() + " (" + f.tool() + ")";
    }

    private static String stepLog(RunResult run, String label) {
        StringBuilder sb = new StringBuilder();
        for (StepRecord s : run.steps()) {
            if (!s.device().equals(label)) continue;
            sb.append(String.format(Locale.ROOT, "%6dms %-9s plan %d track %d%s %s: %s%s%n", s.startMs(), s.status().wire(),
                    s.planStep(), s.trackStep(), s.iteration() == null ? "" : " iteration " + s.iteration(), s.tool(), s.label(),
                    s.error() == null ? "" : " (" + s.error().code() + ": " + s.error().message() + ")"));
        }
        return sb.toString();
    }

    private static String secs(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even escaped
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') sb.append('?');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
