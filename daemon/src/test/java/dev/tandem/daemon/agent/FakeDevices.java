package dev.tandem.daemon.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Devices whose screen the test sets: observe answers it, element tools find their selector on it
 * (ELEMENT_NOT_FOUND when it is not there) and answer the element, every command is recorded.
 */
final class FakeDevices implements DeviceCommands {
    record Sent(String device, Tool tool, ObjectNode params, long timeoutMs) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile List<UiNode> screen = List.of();

    void show(UiNode... elements) {
        List<UiNode> refd = new ArrayList<>();
        for (int i = 0; i < elements.length; i++) {
            UiNode n = elements[i];
            refd.add(new UiNode("e" + (i + 1), n.role(), n.id(), n.text(), n.hint(), n.bounds(), true, null, false, List.of()));
        }
        screen = refd;
    }

    static UiNode el(String role, String id, String text) {
        return new UiNode(null, role, id, text, null, new Bounds(0, 0, 10, 10), true, null, false, List.of());
    }

    @Override
    public CommandRecord execute(String device, String profile, String id, Tool tool, ObjectNode params, long timeoutMs) {
        sent.add(new Sent(device, tool, params, timeoutMs));
        if (tool == Tool.OBSERVE) return done(id, tool, Json.toTree(snapshot(device)));
        var selector = Selector.fromParams(params);
        if (selector.isEmpty()) return done(id, tool, Json.object());
        List<UiNode> found = selector.get().select(snapshot(device).elements());
        if (found.isEmpty()) {
            return new CommandRecord(id, "boot", tool.wireName(), CommandState.FAILED, null,
                    new ErrorInfo(ErrorCode.ELEMENT_NOT_FOUND, "no element matches " + selector.get()), Timings.NONE);
        }
        return done(id, tool, Json.object().put("element", found.getFirst().describe()).put("ref", found.getFirst().ref()));
    }

    @Override
    public CommandRecord observe(String device, String id, long timeoutMs) {
        return execute(device, null, id, Tool.OBSERVE, Json.object(), timeoutMs);
    }

    List<Sent> mutations() {
        return sent.stream().filter(s -> s.tool() != Tool.OBSERVE).toList();
    }

    private Snapshot snapshot(String device) {
        UiNode root = new UiNode(null, "group", null, null, null, new Bounds(0, 0, 100, 100), true, null, false, screen);
        return new Snapshot(device, "com.test", "main", 100, 100, 1, root);
    }

    private static CommandRecord done(String id, Tool tool, com.fasterxml.jackson.databind.JsonNode result) {
        return new CommandRecord(id, "boot", tool.wireName(), CommandState.COMPLETED, result, null, Timings.NONE);
    }
}
