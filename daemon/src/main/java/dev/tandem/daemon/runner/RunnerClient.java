package dev.tandem.daemon.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.TransportException;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Timings;
import dev.tandem.protocol.runner.Uptime;

/**
 * Sends commands to runners and recovers from broken deliveries by the {@link RecoveryPolicy}
 * table. No preflight: the command id and the runner's journal make a resend safe, so the first
 * round trip is the command itself.
 */
public final class RunnerClient {
    /** How many times one command may be re-delivered before giving up. */
    static final int MAX_ATTEMPTS = 4;
    /** Slack beyond a command's own timeout before the client stops waiting for its reply. */
    static final long REPLY_SLACK_MS = 5_000;

    /** Where runners come from: the supervisor in the daemon, a fake in tests. */
    public interface Runners {
        RunnerHandle current(String deviceId);

        /** Replaces {@code dead} (if it is still the device's runner) with a new one. */
        RunnerHandle replace(String deviceId, RunnerHandle dead);
    }

    private final Runners runners;

    public RunnerClient(Runners runners) {
        this.runners = runners;
    }

    /** Runs one command to a final record (completed, failed or, for a lost mutation, unknown). */
    public CommandRecord execute(String deviceId, String commandId, Tool tool, JsonNode params, long timeoutMs)
            throws InterruptedException {
        boolean mutating = tool.traits().mutates(params);
        RunnerHandle handle = runners.current(deviceId);
        for (int attempt = 1; ; attempt++) {
            try {
                CommandRecord rec = post(handle, commandId, tool, params, timeoutMs);
                if (rec.state().isTerminal()) return rec;
                rec = awaitTerminal(handle, commandId, timeoutMs);
                if (rec != null) return rec;
                throw new TransportException(TransportException.Kind.TIMEOUT, "no final record", null);
            } catch (WrongBoot wb) {
                // the runner at that port is another boot: ours is gone; nothing reached the new one
                handle = runners.replace(deviceId, handle);
                continue;
            } catch (TransportException te) {
                if (attempt >= MAX_ATTEMPTS) {
                    return failed(commandId, handle, mutating && te.maybeDelivered() ? unknown(tool, te) : new ErrorInfo(
                            ErrorCode.RUNNER_FAILED, "the runner for " + deviceId + " did not answer " + tool + " after "
                            + attempt + " attempts (" + te.getMessage() + "); see its log under $TANDEM_HOME/logs"));
                }
                RecoveryPolicy.FailurePoint point = classify(te, handle);
                switch (RecoveryPolicy.decide(point, mutating)) {
                    case RESEND -> { }
                    case RESTART_AND_RESEND -> handle = runners.replace(deviceId, handle);
                    case QUERY_SAME_BOOT -> {
                        CommandRecord rec = query(handle, commandId, handle.bootId());
                        if (rec != null && rec.state().isTerminal()) return rec;
                        // not accepted: resend; accepted/started: a resend of the id waits for it
                    }
                    case RESTART_AND_CHECK_JOURNAL -> {
                        RunnerHandle dead = handle;
                        handle = runners.replace(deviceId, dead);
                        CommandRecord rec = query(handle, commandId, dead.bootId());
                        if (rec == null) {
                            return failed(commandId, handle, unknown(tool, te));
                        }
                        switch (rec.state()) {
                            case COMPLETED, FAILED -> {
                                return rec;
                            }
                            case NOT_ACCEPTED -> { } // never started on the dead boot: safe to send to the new one
                            default -> {
                                return failed(commandId, handle, unknown(tool, te));
                            }
                        }
                    }
                }
            }
        }
    }

    /** Best effort: asks the runner to stop the command; never throws. */
    public void cancel(String deviceId, String commandId) {
        try {
            RunnerHandle h = runners.current(deviceId);
            h.client().send("POST", "/v1/commands/" + commandId + "/cancel", new byte[0], 2_000);
        } catch (RuntimeException | TransportException ignored) {
            // the command ends by its own deadline anyway
        }
    }

    /** The runner's identity, or null when it does not answer. */
    public static Uptime uptime(RunnerHandle h, long timeoutMs) {
        try {
            HttpResponse r = h.client().send("GET", "/v1/uptime", null, timeoutMs);
            return r.ok() ? Json.read(r.body(), Uptime.class) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private CommandRecord post(RunnerHandle h, String id, Tool tool, JsonNode params, long timeoutMs)
            throws TransportException, WrongBoot {
        byte[] body = Json.bytes(new CommandEnvelope(id, h.bootId(), tool.wireName(), params, timeoutMs));
        HttpResponse r = h.client().send("POST", "/v1/commands", body, timeoutMs + REPLY_SLACK_MS);
        h.touch();
        if (r.status() == 409) throw new WrongBoot();
        return parse(r, id, h);
    }

    private CommandRecord awaitTerminal(RunnerHandle h, String id, long timeoutMs) throws TransportException {
        // a resend found the command still running past its wait: poll its record (bounded)
        long deadline = System.nanoTime() + (timeoutMs + REPLY_SLACK_MS) * 1_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse r = h.client().send("GET", "/v1/commands/" + id + "?bootId=" + h.bootId(), null, 5_000);
            CommandRecord rec = parse(r, id, h);
            if (rec.state().isTerminal()) return rec;
            try {
                Thread.sleep(20); // the runner offers no push for this rare path; poll briefly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static CommandRecord query(RunnerHandle h, String id, String bootId) {
        try {
            HttpResponse r = h.client().send("GET", "/v1/commands/" + id + "?bootId=" + bootId, null, 5_000);
            return r.ok() ? Json.read(r.body(), CommandRecord.class) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static CommandRecord parse(HttpResponse r, String id, RunnerHandle h) throws TransportException {
        if (r.status() == 401) {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "runner " + h.deviceId() + " rejected the daemon's token");
        }
        try {
            CommandRecord rec = Json.read(r.body(), CommandRecord.class);
            if (rec.state() == null) throw new java.io.IOException("no state");
            return rec;
        } catch (java.io.IOException e) {
            throw new TransportException(TransportException.Kind.MALFORMED, "runner reply for " + id + " is not a record: "
                    + r.bodyText(), e);
        }
    }

    private static RecoveryPolicy.FailurePoint classify(TransportException te, RunnerHandle h) {
        boolean sameBootAlive = false;
        if (h.alive()) {
            Uptime u = uptime(h, 2_000);
            sameBootAlive = u != null && h.bootId().equals(u.bootId());
        }
        if (!te.maybeDelivered()) {
            return sameBootAlive ? RecoveryPolicy.FailurePoint.NOT_SENT_RUNNER_ALIVE : RecoveryPolicy.FailurePoint.NOT_SENT_RUNNER_DEAD;
        }
        return sameBootAlive ? RecoveryPolicy.FailurePoint.SENT_REPLY_LOST : RecoveryPolicy.FailurePoint.SENT_RUNNER_DIED;
    }

    private static ErrorInfo unknown(Tool tool, TransportException te) {
        return new ErrorInfo(ErrorCode.OUTCOME_UNKNOWN, tool + " may have run on the device and was not repeated: "
                + "the runner stopped after starting it (" + te.kind() + "). Check the device state before rerunning.");
    }

    private static CommandRecord failed(String id, RunnerHandle h, ErrorInfo error) {
        CommandState st = error.code() == ErrorCode.OUTCOME_UNKNOWN ? CommandState.UNKNOWN : CommandState.FAILED;
        return new CommandRecord(id, h.bootId(), null, st, null, error, Timings.NONE);
    }

    /** The runner refused the command: it is addressed to another boot. */
    private static final class WrongBoot extends Exception {
        WrongBoot() {
            super(null, null, false, false);
        }
    }
}
