package dev.tandem.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.device.CommandContext;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.ToolExecutor;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drives a SimDevice through the shared ToolExecutor, as a runner would. */
final class Driver implements AutoCloseable {
    final SimDevice device;
    private final Path artifacts;

    Driver(SimDevice device, Path artifacts) {
        this.device = device;
        this.artifacts = artifacts;
    }

    static Driver instant(String id, Path artifacts) {
        return new Driver(new SimDevice(SimConfig.defaults(id, LatencyProfile.INSTANT)), artifacts);
    }

    JsonNode run(Tool tool, Object... keyValues) throws InterruptedException {
        ObjectNode params = Json.object();
        for (int i = 0; i < keyValues.length; i += 2) params.set((String) keyValues[i], Json.toTree(keyValues[i + 1]));
        return ToolExecutor.run(device, tool, params, CommandContext.withTimeout(10_000, artifacts));
    }

    void launch(String appId) {
        device.launchApp(new LaunchRequest(appId, null, false, null, null, Map.of()));
    }

    void launch(String appId, String room, String user, Map<String, String> services) {
        device.launchApp(new LaunchRequest(appId, null, false, room, user, services));
    }

    List<UiNode> elements() {
        return device.snapshot().elements();
    }

    Optional<UiNode> find(Selector s) {
        List<UiNode> found = s.select(elements());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    Optional<UiNode> byId(String id) {
        return find(new Selector(null, id, null, null));
    }

    Optional<UiNode> byText(String text) {
        return find(new Selector(text, null, null, null));
    }

    @Override
    public void close() {
        device.close();
    }
}
