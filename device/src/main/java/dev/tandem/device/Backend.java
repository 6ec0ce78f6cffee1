package dev.tandem.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Tool;

/**
 * What a runner drives: one device of one platform. A backend only has to provide its
 * {@link Device}; the tools run over it through the shared {@link ToolExecutor}. {@code prewarm}
 * is optional.
 */
public interface Backend extends AutoCloseable {

    Device device();

    /** Executes one command. The runner has recorded {@code started} before this is called. */
    default JsonNode runCommand(Tool tool, JsonNode params, CommandContext ctx) throws InterruptedException {
        return ToolExecutor.run(device(), tool, params, ctx);
    }

    /** Exercises the hot paths once: used for start-up training runs and to cut first-command latency. */
    default void prewarm() {}

    @Override
    default void close() {
        device().close();
    }
}
