package dev.tandem.daemon.prepare.appium;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tandem.daemon.prepare.PrepareResult;
import java.util.Map;

/**
 * The outcome of {@code tandem prepare --platform appium}, shaped like {@link PrepareResult} (the
 * same fields and invariants; {@code timing.buildMs} is the npm install) plus where the install is
 * and what it holds.
 *
 * @param installDir the install ({@code <cache>/appium/<key>}); only when ok
 * @param drivers automationName → driver version installed; only when ok
 * @param defaulted true when the devices file named no driver and the fake driver was installed
 */
@JsonPropertyOrder({"ok", "platform", "cache", "artifactKey", "durationMs", "timing", "recoveryReason", "failureReason", "failureCode",
        "installDir", "appiumVersion", "drivers", "defaulted"})
public record AppiumPrepareResult(
        boolean ok,
        String platform,
        PrepareResult.Cache cache,
        String artifactKey,
        long durationMs,
        PrepareResult.Timing timing,
        String recoveryReason,
        String failureReason,
        String failureCode,
        String installDir,
        String appiumVersion,
        Map<String, String> drivers,
        boolean defaulted) {
    public static final String PLATFORM = "appium";

    public AppiumPrepareResult {
        if (ok && (failureReason != null || failureCode != null || installDir == null)) {
            throw new IllegalArgumentException("a successful prepare has an install and no failure");
        }
        if (!ok && (failureReason == null || failureCode == null || recoveryReason != null || installDir != null)) {
            throw new IllegalArgumentException("a failed prepare has a failure reason and code, no recovery reason and no install");
        }
        if ((recoveryReason != null) != (ok && cache == PrepareResult.Cache.REBUILT)) {
            throw new IllegalArgumentException("a recovery reason belongs to, and only to, a successful rebuild");
        }
    }
}
