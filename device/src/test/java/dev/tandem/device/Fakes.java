package dev.tandem.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Tool;
import java.nio.file.Path;
import java.util.Map;

/** Shorthands for the device module's unit tests on a {@link FakeDevice}. */
final class Fakes {
    private Fakes() {}

    static CommandContext ctx() {
        return CommandContext.withTimeout(10_000, Path.of("target", "fake-artifacts"));
    }

    static FakeDevice launched(String appId) {
        FakeDevice d = new FakeDevice();
        d.launchApp(new LaunchRequest(appId, null, true, null, null, Map.of()));
        return d;
    }

    static Selector text(String text) {
        return new Selector(text, null, null, null);
    }

    static Selector id(String id) {
        return new Selector(null, id, null, null);
    }

    static ObjectNode params(Object... keyValues) {
        ObjectNode p = Json.object();
        for (int i = 0; i < keyValues.length; i += 2) p.set((String) keyValues[i], Json.toTree(keyValues[i + 1]));
        return p;
    }

    static JsonNode run(Device d, Tool tool, Object... keyValues) throws InterruptedException {
        return ToolExecutor.run(d, tool, params(keyValues), ctx());
    }

    /** A cue that runs once, on the first wait. */
    static Runnable once(Runnable r) {
        boolean[] done = {false};
        return () -> {
            if (done[0]) return;
            done[0] = true;
            r.run();
        };
    }
}
