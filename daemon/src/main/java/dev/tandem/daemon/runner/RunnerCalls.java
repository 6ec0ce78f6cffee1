package dev.tandem.daemon.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.http.TransportException;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Timings;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;

/** The runner protocol's calls, each with its outcome typed for the recovery table. */
final class RunnerCalls {
    static final long PROBE_TIMEOUT_MS = 2_000;
    static final long QUERY_TIMEOUT_MS = 5_000;

    private RunnerCalls() {}

    /** How one {@code POST /v1/commands} ended. */
    sealed interface Sent permits Answered, Refused, Lost {}

    /** The runner answered with the command's record (terminal, or still running after a resend's wait). */
    record Answered(CommandRecord record) implements Sent {}

    /** Another boot or another process answered at that port: not run. */
    record Refused(String why) implements Sent {}

    /** No usable answer. */
    record Lost(TransportException cause) implements Sent {}

    static Sent post(RunnerHandle h, String id, String kind, JsonNode params, long timeoutMs, boolean settleAfterReply,
            long readTimeoutMs) {
        byte[] body = Json.bytes(new CommandEnvelope(id, h.bootId(), kind, params, timeoutMs, settleAfterReply));
        HttpResponse r;
        try {
            r = h.client().send("POST", "/v1/commands", body, readTimeoutMs);
        } catch (TransportException e) {
            return new Lost(e);
        }
        h.touch();
        return switch (r.status()) {
            case 200 -> parse(r, id);
            case 409 -> new Refused("runner boot " + h.bootId() + " was replaced at port " + h.client().port());
            case 401 -> new Refused("another process answers at port " + h.client().port() + " (wrong token)");
            // the runner read the command and refused it unrun: that is its outcome
            default -> new Answered(failed(id, h.bootId(), kind, errorOf(r)));
        };
    }

    private static Sent parse(HttpResponse r, String id) {
        try {
            CommandRecord rec = Json.read(r.body(), CommandRecord.class);
            if (rec.state() == null || !id.equals(rec.id())) throw new IOException("no state for " + id);
            return new Answered(rec);
        } catch (IOException e) {
            return new Lost(new TransportException(TransportException.Kind.MALFORMED,
                    "the runner's reply for " + id + " is not its record: " + abbreviate(r.bodyText()), e));
        }
    }

    private static ErrorInfo errorOf(HttpResponse r) {
        JsonNode err;
        try {
            err = Json.MAPPER.readTree(r.body()).path("error");
        } catch (IOException | RuntimeException notJson) {
            err = Json.object();
        }
        ErrorCode code = r.status() == 400 ? ErrorCode.BAD_PARAMS : ErrorCode.RUNNER_FAILED;
        return new ErrorInfo(code, "the runner refused the command (HTTP " + r.status() + "): "
                + err.path("message").asText(abbreviate(r.bodyText())));
    }

    /** {@code GET /v1/commands/{id}?bootId=}: what the runner knows of an id of that boot, or null without an answer. */
    static CommandRecord query(RunnerHandle h, String id, String bootId) {
        try {
            HttpResponse r = h.client().send("GET", "/v1/commands/" + id + "?bootId=" + bootId, null, QUERY_TIMEOUT_MS);
            if (!r.ok()) return null;
            CommandRecord rec = Json.read(r.body(), CommandRecord.class);
            return rec.state() == null ? null : rec;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The liveness probe, made only after a failure: the process, then uptime on a fresh connection. */
    static RecoveryPolicy.Liveness probe(RunnerHandle h) {
        if (!h.alive()) return RecoveryPolicy.Liveness.GONE;
        try (LoopbackHttpClient fresh = new LoopbackHttpClient(h.file().port(), h.file().token())) {
            HttpResponse r = fresh.send("GET", "/v1/uptime", null, PROBE_TIMEOUT_MS);
            Uptime u = r.ok() ? Json.read(r.body(), Uptime.class) : null;
            return u != null && h.bootId().equals(u.bootId()) ? RecoveryPolicy.Liveness.SAME_BOOT : RecoveryPolicy.Liveness.GONE;
        } catch (IOException | RuntimeException e) {
            return RecoveryPolicy.Liveness.GONE;
        }
    }

    /** Best effort: {@code POST /v1/commands/{id}/cancel}. */
    static void cancel(RunnerHandle h, String id) {
        try {
            h.client().send("POST", "/v1/commands/" + id + "/cancel", new byte[0], PROBE_TIMEOUT_MS);
        } catch (TransportException | RuntimeException ignored) {
            // the command ends by its own deadline anyway
        }
    }

    static CommandRecord failed(String id, String bootId, String kind, ErrorInfo error) {
        CommandState st = error.code() == ErrorCode.OUTCOME_UNKNOWN ? CommandState.UNKNOWN : CommandState.FAILED;
        return new CommandRecord(id, bootId, kind, st, null, error, Timings.NONE);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
