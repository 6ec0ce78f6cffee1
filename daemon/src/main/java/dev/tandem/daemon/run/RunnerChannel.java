package dev.tandem.daemon.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.engine.DeviceChannel;
import dev.tandem.engine.StepCall;
import dev.tandem.engine.StepFailure;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.runner.CommandRecord;
import java.nio.file.Path;

/** The engine's way to one device: commands through the runner client, with the run's context added. */
final class RunnerChannel implements DeviceChannel {
    private final RunnerClient client;
    private final String deviceId;
    private final LaunchContext context;
    private final Path screenshots;

    RunnerChannel(RunnerClient client, String deviceId, LaunchContext context, Path screenshots) {
        this.client = client;
        this.deviceId = deviceId;
        this.context = context;
        this.screenshots = screenshots;
    }

    @Override
    public JsonNode execute(StepCall call) throws StepFailure, InterruptedException {
        Tool tool = call.step().tool();
        ObjectNode params = call.params();
        switch (tool) {
            case LAUNCH_APP -> params.set("context", context.toJson());
            case SCREENSHOT -> {
                String name = params.path("name").asText("step-" + call.step().planIndex());
                params.put("path", screenshots.resolve(safe(call.label() + "-" + name) + ".png").toString());
            }
            default -> { }
        }
        CommandRecord rec = client.execute(deviceId, call.commandId(), tool, params, call.timeoutMs());
        return switch (rec.state()) {
            case COMPLETED -> rec.result();
            case FAILED, UNKNOWN -> throw new StepFailure(rec.error() != null ? rec.error()
                    : new ErrorInfo(ErrorCode.OUTCOME_UNKNOWN, tool + " may have run and was not repeated"));
            default -> throw new StepFailure(ErrorCode.RUNNER_FAILED, "runner for " + deviceId + " left " + tool
                    + " in state " + rec.state().wire());
        };
    }

    @Override
    public void cancel(StepCall call) {
        client.cancel(deviceId, call.commandId());
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
