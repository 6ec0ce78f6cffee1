package dev.tandem.daemon.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.runner.BootPin;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.engine.DeviceChannel;
import dev.tandem.engine.StepCall;
import dev.tandem.engine.StepFailure;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.api.ScreenshotMode;
import dev.tandem.protocol.runner.CommandRecord;
import java.nio.file.Path;

/**
 * The engine's way to one device: commands through the runner client, pinned to the run's boot of
 * the device's runner, with the run's context added.
 */
final class RunnerChannel implements DeviceChannel {
    private final RunnerClient client;
    private final BootPin pin;
    private final String deviceId;
    private final LaunchContext context;
    private final Path runDir;
    private final Path screenshots;
    private final ScreenshotMode mode;

    RunnerChannel(RunnerClient client, BootPin pin, LaunchContext context, Path runDir, ScreenshotMode mode) {
        this.mode = mode;
        this.client = client;
        this.pin = pin;
        this.deviceId = pin.deviceId();
        this.context = context;
        this.runDir = runDir;
        this.screenshots = runDir.resolve("screenshots");
    }

    @Override
    public JsonNode execute(StepCall call) throws StepFailure, InterruptedException {
        Tool tool = call.step().tool();
        ObjectNode params = deviceParams(tool, call.params(), call.label(), call.step().planIndex(), context, runDir);
        CommandRecord rec = client.execute(pin, call.commandId(), tool, params, call.timeoutMs(), call.settleAfterReply());
        return switch (rec.state()) {
            case COMPLETED -> rec.result();
            case FAILED, UNKNOWN -> {
                ErrorInfo error = rec.error() != null ? rec.error()
                        : new ErrorInfo(ErrorCode.OUTCOME_UNKNOWN, tool + " may have run and was not repeated");
                long failedAt = System.nanoTime();
                throw new StepFailure(error, screenshotAtFailure(call, error), failedAt);
            }
            default -> throw new StepFailure(ErrorCode.RUNNER_FAILED, "runner for " + deviceId + " left " + tool
                    + " in state " + rec.state().wire());
        };
    }

    /**
     * What the screen showed when a step failed for a reason on screen (not a cancel, not a dead
     * runner): a read-only screenshot, best effort, never failing the report.
     */
    private String screenshotAtFailure(StepCall call, ErrorInfo error) throws InterruptedException {
        boolean onScreen = error.code().category() == ErrorCategory.PLAN_FAILED && error.code() != ErrorCode.CANCELLED
                && error.code() != ErrorCode.PEER_FAILED && error.code() != ErrorCode.ABORTED;
        if (!onScreen || mode == ScreenshotMode.OFF) return null;
        return shoot(call, "-failure-plan");
    }

    /** {@code --screenshots every-step}: the screen after each passed step (a screenshot step has its own). */
    @Override
    public String stepScreenshot(StepCall call) throws InterruptedException {
        if (mode != ScreenshotMode.EVERY_STEP || call.step().tool() == Tool.SCREENSHOT) return null;
        return shoot(call, "-step-plan");
    }

    /** A read-only screenshot into the run's screenshots/ named by label and step; null when the device could not. */
    private String shoot(StepCall call, String kind) throws InterruptedException {
        Path file = screenshots.resolve(fileName(call.label() + kind + call.step().planIndex()
                + (call.step().nestedIndex() >= 0 ? "." + call.step().nestedIndex() : "")) + ".png");
        ObjectNode params = Json.object().put("path", file.toString());
        CommandRecord shot = client.execute(pin, call.commandId() + "-shot", Tool.SCREENSHOT, params, 15_000);
        return shot.state() == dev.tandem.protocol.runner.CommandState.COMPLETED ? file.toString() : null;
    }

    /**
     * The params the runner gets: the step's own, with what the run adds. Nothing the plan gave is
     * replaced: a step's {@code context} keys win over the run's, a screenshot's {@code path} is
     * kept (resolved inside the run directory), its {@code name} names the file.
     */
    static ObjectNode deviceParams(Tool tool, ObjectNode params, String label, int planIndex, LaunchContext context, Path runDir) {
        switch (tool) {
            case LAUNCH_APP -> {
                ObjectNode merged = context.toJson();
                JsonNode given = params.path("context");
                given.fields().forEachRemaining(e -> {
                    if (e.getKey().equals("services") && e.getValue().isObject()) ((ObjectNode) merged.get("services")).setAll((ObjectNode) e.getValue());
                    else merged.set(e.getKey(), e.getValue());
                });
                params.set("context", merged);
            }
            case SCREENSHOT -> {
                Path file;
                if (params.hasNonNull("path")) {
                    file = runDir.resolve(params.get("path").asText()).normalize();
                    if (!file.startsWith(runDir.normalize())) {
                        throw new TandemException(ErrorCode.BAD_PARAMS, "screenshot path '" + params.get("path").asText()
                                + "' leaves the run directory; write a relative path without '..'");
                    }
                } else {
                    String name = params.path("name").asText("step-" + planIndex);
                    file = runDir.resolve("screenshots").resolve(fileName(label + "-" + name) + ".png");
                }
                params.put("path", file.toString());
            }
            default -> { }
        }
        return params;
    }

    @Override
    public void cancel(StepCall call) {
        client.cancel(deviceId, call.commandId());
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A file name from a label and a name: safe characters, and short enough for any file system (255 bytes). */
    static String fileName(String s) {
        String safe = safe(s);
        return safe.length() <= 200 ? safe : safe.substring(0, 180) + "-" + Integer.toHexString(safe.hashCode());
    }
}
