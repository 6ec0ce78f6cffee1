package dev.tandem.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.client.RunOutcome;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A daemon in memory: two sims, one lease, a fixed screen whose refs are e1..e3. Commands echo
 * what they were sent (so tests see the params as the daemon would), a ref outside the latest
 * snapshot is STALE_REF as the daemon says it, and closing writes a marker file.
 */
final class FakeGateway implements DeviceGateway {
    static final List<String> POOL = List.of("sim-1", "sim-2");
    private final Path work;
    private final List<LeaseReply.Device> leased = new ArrayList<>();
    private final Set<String> snapshotted = new HashSet<>();

    FakeGateway(Path work) {
        this.work = work;
    }

    @Override
    public synchronized DevicesReply devices() {
        List<DevicesReply.Device> out = new ArrayList<>();
        for (String id : POOL) {
            boolean mine = leased.stream().anyMatch(d -> d.id().equals(id));
            out.add(new DevicesReply.Device(id, "sim", "pixel-7", "local", null, null, null,
                    mine ? DevicesReply.DeviceState.BUSY : DevicesReply.DeviceState.FREE, mine ? "mcp fake" : null, null));
        }
        return new DevicesReply(out);
    }

    @Override
    public synchronized List<LeaseReply.Device> acquire(List<String> specs, String platform, Integer count, Long waitMs) {
        List<String> wanted = new ArrayList<>(specs);
        if (wanted.isEmpty()) for (int i = 0; i < (count == null ? 1 : count); i++) wanted.add(platform == null ? "sim" : platform);
        for (String spec : wanted) {
            String id = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1)
                    : POOL.stream().filter(p -> leased.stream().noneMatch(d -> d.id().equals(p))).findFirst()
                            .orElseThrow(() -> new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "every sim is busy"));
            leased.add(new LeaseReply.Device(id, "sim", "pixel-7"));
        }
        return List.copyOf(leased);
    }

    @Override
    public synchronized List<LeaseReply.Device> release(List<String> devices) {
        if (devices.isEmpty()) leased.clear();
        else leased.removeIf(d -> devices.contains(d.id()));
        return List.copyOf(leased);
    }

    @Override
    public synchronized List<LeaseReply.Device> leased() {
        return List.copyOf(leased);
    }

    @Override
    public synchronized String leaseId() {
        return leased.isEmpty() ? null : "lease-fake";
    }

    @Override
    public synchronized Snapshot snapshot(String device) {
        snapshotted.add(device);
        Bounds b = new Bounds(0, 0, 100, 40);
        UiNode root = new UiNode("e1", "group", "root", null, null, b, true, null, false, List.of(
                new UiNode("e2", "button", "send", "Send", null, b, true, null, false, List.of()),
                new UiNode("e3", "textfield", "message", null, "Message", b, true, null, true, List.of())));
        return new Snapshot(device, "chat", "room", 1080, 2400, 2.6, root);
    }

    @Override
    public synchronized CommandReply command(String device, String tool, ObjectNode params, String ref) {
        if (ref != null) {
            String r = ref.startsWith("@") ? ref.substring(1) : ref;
            if (!snapshotted.contains(device) || !List.of("e1", "e2", "e3").contains(r)) {
                throw new TandemException(ErrorCode.STALE_REF, "take a new snapshot: `@" + r + "` is not in your latest snapshot of "
                        + device + " (3 elements)");
            }
        }
        ObjectNode result = Json.object();
        result.set("params", params);
        if (ref != null) result.put("ref", ref);
        if (tool.equals("screenshot")) {
            try {
                Path png = Files.write(work.resolve(device + ".png"), PNG);
                result.put("path", png.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new CommandReply(device, tool, result, ref == null ? null : "button \"Send\" #send", 7);
    }

    @Override
    public RunOutcome run(RunRequest req, Consumer<RunEvent> events) {
        for (int i = 0; i < 2; i++) {
            events.accept(new RunEvent.Step(RunEvent.Phase.END, "sim-1", i, i, "tapOn", "default", null, StepStatus.PASSED, 0L, 1L,
                    null, null, null));
        }
        Path dir = Path.of(req.output()).resolve("run-1");
        RunResult result = new RunResult("run-1", req.plan(), RunStatus.PASSED, 12,
                Map.of("default", new DeviceResult("sim-1", DeviceStatus.PASSED, new DeviceResult.Steps(2, 2), 12, null)),
                List.of(new StepRecord(0, 0, "sim-1", "tapOn", "default", StepStatus.PASSED, 0, 1, null),
                        new StepRecord(1, 1, "sim-1", "tapOn", "default", StepStatus.PASSED, 1, 1, null)), null);
        return new RunOutcome.Finished(result, dir.toString(), 0);
    }

    @Override
    public synchronized void close() {
        try {
            Files.writeString(work.resolve("closed"), String.join(",", leased.stream().map(LeaseReply.Device::id).toList()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        leased.clear();
    }

    /** The 8-byte PNG signature and nothing else: enough to check the bytes arrive unchanged. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
}
