package dev.tandem.daemon.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;

/**
 * Sends commands to runners and recovers from broken deliveries by the {@link RecoveryPolicy}
 * table. No preflight: the command id and the runner's journal make a resend safe, so the first
 * round trip is the command itself, and the liveness probe is made only after a failure.
 */
public final class RunnerClient {
    /** Deliveries of one command (first send, resends, sends to a new boot) before giving up. */
    static final int MAX_ATTEMPTS = 4;
    /** Slack beyond a command's timeout before the client stops waiting for its reply (the runner's resend grace is 5 s). */
    static final long REPLY_SLACK_MS = 10_000;

    /** Where runners come from: the supervisor in the daemon, a fake or real processes in tests. */
    public interface Runners {
        /** The device's runner, started if there is none. */
        RunnerHandle current(String deviceId);

        /** Replaces {@code dead} (if it is still the device's runner) with a new one; {@code dead} is stopped for good first. */
        RunnerHandle replace(String deviceId, RunnerHandle dead);

        /**
         * {@code dead} failed a pinned command whose device cannot survive a restart: stop it for good
         * (it may be alive but silent) without starting a successor; the next run starts one.
         */
        default void retire(String deviceId, RunnerHandle dead) {}
    }

    private final Runners runners;
    private final long replySlackMs;
    private final Flights flights = new Flights();

    public RunnerClient(Runners runners) {
        this(runners, REPLY_SLACK_MS);
    }

    /** @param replySlackMs how long past a command's timeout to wait for its reply (short in tests) */
    RunnerClient(Runners runners, long replySlackMs) {
        this.runners = runners;
        this.replySlackMs = replySlackMs;
    }

    /**
     * Runs one command to a final record: completed, failed (the runner's error, or why it could
     * not be delivered), or unknown ({@code OUTCOME_UNKNOWN}: a mutating command that may have run
     * and is never replayed). Never throws for runner or transport failures.
     */
    public CommandRecord execute(String deviceId, String commandId, Tool tool, JsonNode params, long timeoutMs)
            throws InterruptedException {
        return execute(deviceId, null, commandId, tool, params, timeoutMs, false);
    }

    /**
     * The same, for a run's command: it goes to the pinned boot only. If that boot is gone and its
     * device's state does not survive a restart, the command ends {@code DEVICE_RESET} and no new
     * runner is started for it; where the state survives, recovery goes on as the table says and
     * the pin moves to the new boot.
     */
    public CommandRecord execute(BootPin pin, String commandId, Tool tool, JsonNode params, long timeoutMs)
            throws InterruptedException {
        return execute(pin.deviceId(), pin, commandId, tool, params, timeoutMs, false);
    }

    /** A run's command that may settle after its reply ({@link CommandEnvelope#settleAfterReply()}). */
    public CommandRecord execute(BootPin pin, String commandId, Tool tool, JsonNode params, long timeoutMs,
            boolean settleAfterReply) throws InterruptedException {
        return execute(pin.deviceId(), pin, commandId, tool, params, timeoutMs, settleAfterReply);
    }

    private CommandRecord execute(String deviceId, BootPin pin, String commandId, Tool tool, JsonNode params, long timeoutMs,
            boolean settleAfterReply) throws InterruptedException {
        Flights.Flight flight = flights.begin(commandId);
        try {
            return new Delivery(deviceId, pin, flight, tool, params, timeoutMs, settleAfterReply).run();
        } finally {
            flights.end(flight);
        }
    }

    /**
     * Best effort: stops the command. If it has not reached a runner it is never sent; if it waits
     * there it never starts; if it is running its waits stop. A cancel after the end does nothing.
     */
    public void cancel(String deviceId, String commandId) {
        Flights.Flight f = flights.cancel(commandId);
        RunnerHandle h = f == null ? null : f.handle;
        if (h != null) RunnerCalls.cancel(h, commandId);
    }

    /** The runner's identity, or null when it does not answer. */
    public static Uptime uptime(RunnerHandle h, long timeoutMs) {
        try {
            HttpResponse r = h.client().send("GET", "/v1/uptime", null, timeoutMs);
            return r.ok() ? Json.read(r.body(), Uptime.class) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** One command's deliveries, attempt by attempt. */
    private final class Delivery {
        private final String deviceId;
        /** The run's boot, or null: any boot of the device will do (snapshots, one-shot commands). */
        private final BootPin pin;
        private final Flights.Flight flight;
        private final Tool tool;
        private final JsonNode params;
        private final long timeoutMs;
        private final boolean mutating;
        private final boolean settleAfterReply;
        private RunnerHandle handle;
        /** Whether an attempt may have reached {@code handle}'s boot. */
        private boolean maybeDelivered;

        Delivery(String deviceId, BootPin pin, Flights.Flight flight, Tool tool, JsonNode params, long timeoutMs,
                boolean settleAfterReply) {
            this.deviceId = deviceId;
            this.pin = pin;
            this.flight = flight;
            this.tool = tool;
            this.params = params;
            this.timeoutMs = timeoutMs;
            this.mutating = tool.traits().mutates(params);
            this.settleAfterReply = settleAfterReply;
        }

        CommandRecord run() throws InterruptedException {
            try {
                use(pin != null ? pin.handle() : runners.current(deviceId));
            } catch (TandemException e) {
                return RunnerCalls.failed(flight.id, null, tool.wireName(), e.info());
            }
            String lastFailure = null;
            for (int attempt = 1; ; attempt++) {
                if (Thread.interrupted()) throw new InterruptedException("interrupted while sending " + tool);
                // handle is published before this read; cancel() sets the flag before reading handle
                if (flight.cancelled && !maybeDelivered) {
                    return RunnerCalls.failed(flight.id, handle.bootId(), tool.wireName(),
                            new ErrorInfo(ErrorCode.CANCELLED, ErrorCode.CANCELLED.hint()));
                }
                RecoveryPolicy.Liveness liveness;
                switch (RunnerCalls.post(handle, flight.id, tool.wireName(), params, timeoutMs, settleAfterReply, timeoutMs + replySlackMs)) {
                    case RunnerCalls.Answered a -> {
                        if (a.record().state().isTerminal()) return a.record();
                        // a resend outwaited its grace and the command still runs: ask again (bounded below)
                        maybeDelivered = true;
                        lastFailure = tool + " was still " + a.record().state().wire() + " on the runner";
                        liveness = RecoveryPolicy.Liveness.SAME_BOOT;
                    }
                    case RunnerCalls.Refused r -> {
                        lastFailure = r.why();
                        liveness = RecoveryPolicy.Liveness.GONE;
                    }
                    case RunnerCalls.Lost l -> {
                        if (RecoveryPolicy.Delivery.of(l.cause().kind()) == RecoveryPolicy.Delivery.MAYBE_DELIVERED) {
                            maybeDelivered = true;
                        }
                        lastFailure = l.cause().kind() + ": " + l.cause().getMessage();
                        liveness = RunnerCalls.probe(handle);
                    }
                }
                RecoveryPolicy.FailurePoint point = RecoveryPolicy.classify(maybeDelivered, liveness);
                RecoveryPolicy.Action action = pin == null ? RecoveryPolicy.decide(point, mutating)
                        : RecoveryPolicy.decide(point, mutating, handle.deviceStateSurvivesRestart());
                CommandRecord settled = recover(action, lastFailure);
                if (settled != null) return settled;
                if (attempt >= MAX_ATTEMPTS) return giveUp(attempt, lastFailure);
            }
        }

        /** Carries out one action of the table; a record when that settles the command, else null (send again). */
        private CommandRecord recover(RecoveryPolicy.Action action, String failure) {
            RunnerHandle old = handle;
            boolean reachedOld = maybeDelivered;
            if (action == RecoveryPolicy.Action.RESEND) return null;
            if (action == RecoveryPolicy.Action.FAIL_DEVICE_RESET) {
                // a new boot is a blank device: resending there (or reading its journal) would go on against it
                runners.retire(deviceId, old);
                return RunnerCalls.failed(flight.id, old.bootId(), tool.wireName(), DeviceResets.error(old,
                        "while it " + (mutating && reachedOld ? "ran " + tool + " (which may have run)" : "was to run " + tool)
                                + " (" + failure + ")"));
            }
            try {
                use(runners.replace(deviceId, old));
                if (pin != null) pin.moveTo(handle);
            } catch (TandemException e) {
                // no successor: nobody can read the old boot's journal
                return RunnerCalls.failed(flight.id, old.bootId(), tool.wireName(), mutating && reachedOld
                        ? unknown("its runner failed (" + failure + ") and no new runner could be started to read its journal ("
                                + e.getMessage() + ")")
                        : e.info());
            }
            if (action == RecoveryPolicy.Action.RESTART_AND_RESEND) return null;
            CommandRecord rec = RunnerCalls.query(handle, flight.id, old.bootId());
            return switch (RecoveryPolicy.afterJournal(rec == null ? null : rec.state())) {
                case RETURN_RECORD -> rec;
                case RESEND_ON_NEW_BOOT -> null;
                case OUTCOME_UNKNOWN -> RunnerCalls.failed(flight.id, old.bootId(), tool.wireName(), unknown(rec == null
                        ? "its runner (boot " + old.bootId() + ") failed (" + failure + ") and its successor could not say whether it had started"
                        : "its runner (boot " + old.bootId() + ") failed (" + failure + ") after recording it as started"));
            };
        }

        private void use(RunnerHandle h) {
            handle = h;
            flight.handle = h;
            maybeDelivered = false;
        }

        private CommandRecord giveUp(int attempts, String failure) {
            if (mutating && maybeDelivered) {
                RunnerCalls.cancel(handle, flight.id);
                return RunnerCalls.failed(flight.id, handle.bootId(), tool.wireName(), unknown(
                        "the runner for " + deviceId + " gave no final answer after " + attempts + " deliveries (" + failure + ")"));
            }
            return RunnerCalls.failed(flight.id, handle.bootId(), tool.wireName(), new ErrorInfo(ErrorCode.RUNNER_FAILED,
                    "the runner for " + deviceId + " did not answer " + tool + " after " + attempts + " attempts (" + failure
                            + "); see its log under $TANDEM_HOME/logs"));
        }

        private ErrorInfo unknown(String why) {
            return new ErrorInfo(ErrorCode.OUTCOME_UNKNOWN, tool + " on " + deviceId + " may have run and was not repeated: "
                    + why + ". Check the device's state before rerunning.");
        }
    }
}
