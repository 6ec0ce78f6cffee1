package dev.tandem.client;

import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.result.RunResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/** How a run or a suite ended, as its event stream told it. */
public sealed interface RunOutcome {

    /** The exit code a front end should use (0 passed, 1 a plan failed, 2 invalid input, 3 infrastructure). */
    int exitCode();

    /** A plan ran: its result, its directory. */
    record Finished(RunResult result, String dir, int exitCode) implements RunOutcome {}

    /** A suite ran: its summary (the suite's results.json without the runs), its directory. */
    record SuiteFinished(RunEvent.SuiteSummary summary, String dir, int exitCode) implements RunOutcome {}

    /** The plan (or a suite's plans) did not validate; nothing ran. */
    record Invalid(RunEvent.Validation validation) implements RunOutcome {
        @Override
        public int exitCode() {
            return dev.tandem.protocol.ErrorCode.VALIDATION.exitCode();
        }
    }

    /** The daemon refused or could not start the request (no device, bad request…). */
    record Refused(ErrorInfo error) implements RunOutcome {
        @Override
        public int exitCode() {
            return error.code().exitCode();
        }
    }

    /** The stream ended with its exit event and nothing else to report. */
    record Ended(int exitCode) implements RunOutcome {}

    /**
     * Reads an event stream to its end, passing every event to {@code listener}; empty when it
     * broke before anything final (a result, a validation, an error or the exit) came.
     */
    static Optional<RunOutcome> read(BufferedReader in, Consumer<RunEvent> listener) {
        RunOutcome outcome = null;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                RunEvent e = Json.read(line.getBytes(StandardCharsets.UTF_8), RunEvent.class);
                listener.accept(e);
                switch (e) {
                    // the first final word stands: the daemon sends exit after it
                    case RunEvent.Validation v -> outcome = outcome != null ? outcome : new Invalid(v);
                    case RunEvent.Error err -> outcome = outcome != null ? outcome : new Refused(err.error());
                    case RunEvent.Result r -> outcome = new Finished(r.result(), r.dir(), r.exitCode());
                    case RunEvent.SuiteResult r -> outcome = new SuiteFinished(r.summary(), r.dir(), r.exitCode());
                    case RunEvent.Exit x -> {
                        return Optional.of(switch (outcome) {
                            case null -> new Ended(x.exitCode());
                            case SuiteFinished f -> new SuiteFinished(f.summary(), f.dir(), x.exitCode());
                            default -> outcome;
                        });
                    }
                    case RunEvent.Allocated a -> { }
                    case RunEvent.Queued q -> { }
                    case RunEvent.Runner r -> { }
                    case RunEvent.Step s -> { }
                    case RunEvent.Waiting w -> { }
                    case RunEvent.Section s -> { }
                    case RunEvent.Device d -> { }
                    case RunEvent.Heartbeat h -> { }
                    case RunEvent.Suite s -> { }
                    case RunEvent.Plan p -> { }
                }
            }
        } catch (IOException e) {
            // the stream broke: what came so far decides
        }
        return Optional.ofNullable(outcome);
    }
}
