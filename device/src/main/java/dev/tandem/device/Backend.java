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

    /**
     * The host ports this device's helpers listen on, by name (an Appium device: its server,
     * {@code appium:systemPort}…), reported in the runner's handshake and recorded in
     * {@code runners/<device>.json}. Sim and web: none.
     */
    default java.util.Map<String, Integer> ports() {
        return java.util.Map.of();
    }

    /** Exercises the hot paths once: used for start-up training runs and to cut first-command latency. */
    default void prewarm() {}

    @Override
    default void close() {
        device().close();
    }
}
