package dev.tandem.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.device.CommandContext;
import dev.tandem.device.DeviceSpec;
import dev.tandem.device.ToolExecutor;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import java.nio.file.Path;
import java.util.Map;

/** Opens web devices for tests and runs tools on them through the shared ToolExecutor. */
final class WebFixture {
    private WebFixture() {}

    static WebBackend open(Path workDir, String profile) {
        return open(workDir, profile, Map.of());
    }

    static WebBackend open(Path workDir, String profile, Map<String, String> options) {
        Chromium.require();
        return (WebBackend) new WebBackendProvider().open(new DeviceSpec("web-test", profile, workDir, options));
    }

    static JsonNode run(WebBackend b, Tool tool, String paramsJson, Path artifacts) throws InterruptedException {
        ObjectNode params = (ObjectNode) Json.tree(paramsJson.getBytes());
        return ToolExecutor.run(b.device(), tool, params, CommandContext.withTimeout(tool.traits().defaultTimeoutMs(), artifacts));
    }

    /** A page's own state, read for assertions. */
    static JsonNode eval(WebBackend b, String expression) {
        return b.webDevice().signals.page().evaluate(expression);
    }
}
