package dev.tandem.mcp;

import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.LeaseReply;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code devices}, {@code acquire}, {@code release}, {@code snapshot}: the pool and this session's lease. */
final class SessionTools {
    private SessionTools() {}

    static List<SyncToolSpecification> all(Session s) {
        return List.of(
                spec("devices", "List every device of the daemon: its platform, whether it is free, who holds it, and which this session holds.",
                        Schemas.object(Map.of()), true, (a, x, r) -> devices(s)),
                spec("acquire", "Lease devices for this session, exclusively, until `release` or the end of the session. "
                        + "Give specs (one device each: \"sim\", \"sim:sim-3\", \"web\") or a platform and a count.",
                        Schemas.object(Map.of(
                                "specs", Schemas.stringArray("Device specs, one device each: a platform (sim, web, android), or PLATFORM:ID for that device."),
                                "platform", Schemas.string("With no specs: the platform of the devices (default sim)."),
                                "count", Schemas.integer(1, "With no specs: how many devices (default 1)."),
                                "waitMs", Schemas.integer(0, "How long to wait for busy devices, in ms (default 0: fail at once naming the holders)."))),
                        false, (a, x, r) -> {
                            if (x.getClientInfo() != null) s.gateway.clientName(x.getClientInfo().name());
                            return acquire(s, a);
                        }),
                spec("release", "Give devices of this session back (none named: all of them).",
                        Schemas.object(Map.of("devices", Schemas.stringArray("The device ids to release; omitted: every device of this session."))),
                        false, (a, x, r) -> release(s, a)),
                spec("snapshot", "Read a leased device's screen: one line per element with its ref (@e3), role, text and id. "
                        + "Device tools take those refs; a new snapshot replaces the previous one's refs.",
                        Schemas.object(Map.of("device", Schemas.string("A device this session acquired, e.g. sim-1.")), "device"),
                        true, (a, x, r) -> snapshot(s, a)));
    }

    /** A tool's body: its arguments, and the exchange and request for those that notify. */
    interface Handler {
        CallToolResult handle(CallArgs args, McpSyncServerExchange exchange, McpSchema.CallToolRequest req);
    }

    static SyncToolSpecification spec(String name, String description, Map<String, Object> schema, boolean readOnly,
            Handler handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(schema)
                .annotations(McpSchema.ToolAnnotations.builder().readOnlyHint(readOnly).openWorldHint(false).build()).build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, req) -> ToolResults.guard(() -> handler.handle(CallArgs.of(name, req.arguments()), exchange, req)))
                .build();
    }

    static CallToolResult devices(Session s) {
        DevicesReply reply = s.gateway.devices();
        List<String> mine = s.leasedIds();
        StringBuilder text = new StringBuilder();
        for (DevicesReply.Device d : reply.devices()) {
            text.append(d.id()).append("  ").append(d.platform()).append("  ")
                    .append(mine.contains(d.id()) ? "leased by this session"
                            : d.state() == DevicesReply.DeviceState.BUSY ? "busy: " + d.run() + (d.ownerPid() == null ? "" : " (pid " + d.ownerPid() + ")")
                            : "free")
                    .append('\n');
        }
        for (String note : reply.notes()) text.append("note: ").append(note).append('\n');
        if (reply.devices().isEmpty()) text.append("no devices\n");
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("devices", reply.devices());
        structured.put("notes", reply.notes());
        structured.put("leased", mine);
        return ToolResults.ok(text.toString(), structured);
    }

    static CallToolResult acquire(Session s, CallArgs a) {
        List<String> specs = a.strings("specs");
        String platform = a.string("platform");
        Long count = a.number("count", 1);
        Long waitMs = a.number("waitMs", 0);
        List<LeaseReply.Device> held = s.gateway.acquire(specs, platform, count == null ? null : Math.toIntExact(count), waitMs);
        return ToolResults.ok("this session holds: " + describe(held), Map.of("devices", held));
    }

    static CallToolResult release(Session s, CallArgs a) {
        List<String> devices = a.strings("devices");
        for (String d : devices) s.requireLeased(d);
        List<LeaseReply.Device> held = s.gateway.release(devices);
        return ToolResults.ok(held.isEmpty() ? "released; this session holds no device" : "released; this session holds: " + describe(held),
                Map.of("devices", held));
    }

    static CallToolResult snapshot(Session s, CallArgs a) {
        String device = a.requiredString("device", "the device to read (an id from `acquire`, e.g. sim-1)");
        s.requireLeased(device);
        Snapshot snap = s.gateway.snapshot(device);
        return ToolResults.ok(SnapshotText.of(snap), snap);
    }

    private static String describe(List<LeaseReply.Device> held) {
        return String.join(", ", held.stream().map(d -> d.id() + " (" + d.platform() + (d.profile() == null ? "" : ", " + d.profile()) + ")").toList());
    }
}
