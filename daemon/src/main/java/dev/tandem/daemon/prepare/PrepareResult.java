package dev.tandem.daemon.prepare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tandem.daemon.runner.RunnerLauncher;
import java.util.Locale;

/**
 * The outcome of preparing one platform, as {@code tandem prepare --json} prints it. Invariants
 * (checked on construction): {@code failureReason}/{@code failureCode} only when not ok;
 * {@code recoveryReason} only on a successful rebuild of a bad artifact; an artifact when ok.
 *
 * @param cache what the lookup found: {@code hit} (a valid artifact), {@code miss} (none, or the
 *     identity could not be computed), {@code rebuilt} (a bad one, rebuilt once)
 * @param artifactKey the key; absent only when the identity could not be computed
 * @param failureCode the error code of the failure (e.g. {@code CHROMIUM_MISSING}, {@code PREPARE_FAILED})
 * @param artifact how to launch runners from it (not part of the JSON)
 */
@JsonPropertyOrder({"ok", "platform", "cache", "artifactKey", "durationMs", "timing", "recoveryReason", "failureReason", "failureCode"})
public record PrepareResult(
        boolean ok,
        String platform,
        Cache cache,
        String artifactKey,
        long durationMs,
        Timing timing,
        String recoveryReason,
        String failureReason,
        String failureCode,
        @JsonIgnore RunnerLauncher.Artifact artifact) {

    public enum Cache {
        HIT, MISS, REBUILT;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the time went; lookup includes waiting for another prepare's lock. */
    public record Timing(long lookupMs, long buildMs, long healthMs) {}

    public PrepareResult {
        if (ok && (failureReason != null || failureCode != null || artifact == null)) {
            throw new IllegalArgumentException("a successful prepare has an artifact and no failure");
        }
        if (!ok && (failureReason == null || failureCode == null || recoveryReason != null)) {
            throw new IllegalArgumentException("a failed prepare has a failure reason and code, and no recovery reason");
        }
        if ((recoveryReason != null) != (ok && cache == Cache.REBUILT)) {
            throw new IllegalArgumentException("a recovery reason belongs to, and only to, a successful rebuild");
        }
    }
}
