package dev.tandem.daemon.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.daemon.run.LaunchContext;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.api.SnapshotRequest;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One tool on one device outside any plan ({@code /v1/commands}) and the snapshots whose refs such
 * commands name ({@code /v1/snapshot}): on a client's lease, or one-shot on an exclusive lease for
 * the command only. Params are checked as a plan step's before anything is sent.
 */
public final class CommandService {
    /** Whether a tool is a command on one device: a runner's plan tool ({@code observe} is the snapshot route). */
    static boolean isCommand(Tool t) {
        return t.traits().executor() == dev.tandem.protocol.ToolTraits.Executor.RUNNER && t.traits().inPlans() && t != Tool.OBSERVE;
    }
    static final long SNAPSHOT_TIMEOUT_MS = 15_000;

    private final DevicePool pool;
    private final Allocator allocator;
    private final LeaseRegistry leases;
    private final RefBook refs;
    private final DeviceCommands devices;
    private final Path agentDir;
    private final Map<String, String> services;
    private final List<String> deniedFiles;
    private final List<String> fileRoots;
    private final String idPrefix = "a" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    private final AtomicLong seq = new AtomicLong();

    /**
     * @param agentDir where screenshots without a path go ($TANDEM_HOME/agent), one directory per scope
     * @param services the shared services' URLs launched apps get
     * @param fileRoots dirs web devices may open local files under ({@code TANDEM_WEB_FILE_ROOTS}); {@code deniedFiles} win
     */
    public CommandService(DevicePool pool, Allocator allocator, LeaseRegistry leases, RefBook refs, DeviceCommands devices,
            Path agentDir, Map<String, String> services, List<String> fileRoots, List<String> deniedFiles) {
        this.fileRoots = List.copyOf(fileRoots);
        this.pool = pool;
        this.allocator = allocator;
        this.leases = leases;
        this.refs = refs;
        this.devices = devices;
        this.agentDir = agentDir;
        this.services = Map.copyOf(services);
        this.deniedFiles = List.copyOf(deniedFiles);
        leases.onEnd(lease -> refs.forget(lease.scope()));
    }

    /** {@code POST /v1/snapshot}: the device's tree, which becomes the scope's latest for refs. */
    public Snapshot snapshot(SnapshotRequest req) throws InterruptedException {
        DeviceSlot slot = slot(req.device(), "snapshot");
        CommandRecord rec;
        String scope;
        if (req.lease() != null) {
            AgentLease lease = leases.holding(req.lease(), slot.id());
            scope = lease.scope();
            rec = devices.execute(slot.id(), leases.profileOf(lease, slot.id()), nextId("obs"), Tool.OBSERVE, Json.object(),
                    SNAPSHOT_TIMEOUT_MS);
        } else {
            // read-only: allowed beside a run that holds the device (a shared look, never a mutation)
            scope = RefBook.CLI_SCOPE;
            var look = allocator.openShared("snapshot", req.clientPid(), slot.id());
            try {
                rec = devices.observe(slot.id(), nextId("obs"), SNAPSHOT_TIMEOUT_MS);
            } finally {
                allocator.closeShared(look);
            }
        }
        if (rec.error() != null) throw rec.error().toException();
        Snapshot snapshot = Json.convert(rec.result(), Snapshot.class);
        refs.record(scope, slot.id(), snapshot);
        return snapshot;
    }

    /** {@code POST /v1/commands}. */
    public CommandReply command(CommandRequest req) throws InterruptedException {
        DeviceSlot slot = slot(req.device(), "a command");
        Tool tool = tool(req.tool());
        AgentLease lease = req.lease() == null ? null : leases.holding(req.lease(), slot.id());
        String scope = lease == null ? RefBook.CLI_SCOPE : lease.scope();
        ObjectNode params = req.params() == null ? Json.object() : req.params().deepCopy();
        RefBook.Resolved ref = null;
        if (req.ref() != null && !req.ref().isBlank()) {
            // inputText's inline `text` is what it types, not a selector key: the row says which keys select
            var row = dev.tandem.protocol.ToolDescriptors.of(tool);
            if (!row.takesSelector()) {
                throw new TandemException(ErrorCode.USAGE, tool.wireName() + " acts on no element, so it takes no `ref`; drop it");
            }
            if (params.has("selector") || row.inlineSelectorKeys().stream().anyMatch(params::has)) {
                throw new TandemException(ErrorCode.USAGE, tool.wireName() + " got both `ref` and selector keys; give one of them");
            }
            ref = refs.resolve(scope, slot.id(), req.ref().trim());
            params.set("selector", ref.selector());
        }
        String shotPath = tool == Tool.SCREENSHOT ? screenshotPath(params, scope, slot.id()) : null;
        ToolStep step = StepParams.check(tool, params);
        ObjectNode sent = step.params().deepCopy();
        if (shotPath != null) sent.put("path", shotPath);
        if (tool == Tool.LAUNCH_APP) withContext(sent, scope, slot.id());
        long t0 = System.nanoTime();
        CommandRecord rec;
        if (lease != null) {
            rec = devices.execute(slot.id(), leases.profileOf(lease, slot.id()), nextId("cmd"), tool, sent, step.effectiveTimeoutMs());
        } else {
            rec = oneShot(req, slot, tool, sent, step.effectiveTimeoutMs());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (rec.state() != CommandState.COMPLETED) throw failure(rec, tool, slot.id(), ref);
        JsonNode result = rec.result() == null ? Json.object() : rec.result();
        if (shotPath != null && result.isObject() && !result.hasNonNull("path")) ((ObjectNode) result).put("path", shotPath);
        String element = ref != null ? ref.element().describe() : result.hasNonNull("element") ? result.get("element").asText() : null;
        return new CommandReply(slot.id(), tool.wireName(), result, element, ms);
    }

    /** An exclusive lease on the device for this command only, waiting up to {@code waitMs} for a busy one. */
    private CommandRecord oneShot(CommandRequest req, DeviceSlot slot, Tool tool, ObjectNode params, long timeoutMs)
            throws InterruptedException {
        String owner = "cli " + tool.wireName() + " (lease cli-" + seq.incrementAndGet() + ")";
        long waitMs = req.waitMs() == null ? 0 : Math.max(0, req.waitMs());
        try {
            allocator.allocate(owner, req.clientPid(), List.of(new Requirement("device", slot.platform(), slot.id(), null)), waitMs,
                    Set.of());
        } catch (TandemException e) {
            if (e.code() != ErrorCode.DEVICE_UNAVAILABLE || waitMs > 0) throw e;
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, e.getMessage() + "; give `waitMs` to wait for it");
        }
        try {
            if (waitMs > 0 && !leases.alive(req.clientPid())) {
                // its caller gave up while it waited (a CLI interrupted): the device is not touched for nobody
                throw new TandemException(ErrorCode.CANCELLED, tool.wireName() + " on " + slot.id() + " was not sent: its caller (pid "
                        + req.clientPid() + ") went away while it waited for the device");
            }
            return devices.execute(slot.id(), null, nextId("cmd"), tool, params, timeoutMs);
        } finally {
            allocator.release(owner);
        }
    }

    /** A failed command as the caller sees it; a ref's element gone from the screen is STALE_REF, with what is there now. */
    private TandemException failure(CommandRecord rec, Tool tool, String device, RefBook.Resolved ref) throws InterruptedException {
        ErrorInfo error = rec.error() != null ? rec.error()
                : new ErrorInfo(ErrorCode.OUTCOME_UNKNOWN, tool + " on " + device + " ended " + rec.state().wire());
        if (ref == null || error.code() != ErrorCode.ELEMENT_NOT_FOUND) return error.toException();
        String now;
        CommandRecord look = devices.observe(device, nextId("obs"), SNAPSHOT_TIMEOUT_MS);
        if (look.state() == CommandState.COMPLETED && look.result() != null) {
            now = "on screen now: " + RefBook.onScreen(Json.convert(look.result(), Snapshot.class), 12);
        } else {
            now = error.message();
        }
        return new TandemException(ErrorCode.STALE_REF, "take a new snapshot: `@" + ref.ref() + "` (" + ref.element().describe()
                + ") is no longer on " + device + "'s screen; " + now);
    }

    /** An explicit path must be absolute; none: a new file under $TANDEM_HOME/agent/SCOPE/. */
    private String screenshotPath(ObjectNode params, String scope, String device) {
        JsonNode given = params.remove("path");
        Path file;
        if (given != null && !given.isNull()) {
            file = Path.of(given.asText());
            if (!file.isAbsolute()) {
                throw new TandemException(ErrorCode.BAD_PARAMS, "screenshot `path` '" + given.asText()
                        + "' is relative; give an absolute path (or none: the daemon picks one under " + agentDir.resolve(scope) + ")");
            }
        } else {
            String name = params.hasNonNull("name") ? params.get("name").asText().replaceAll("[^A-Za-z0-9._-]", "_") : "screenshot";
            file = agentDir.resolve(scope).resolve(device + "-" + name + "-" + System.currentTimeMillis() + "-" + seq.incrementAndGet() + ".png");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new TandemException(ErrorCode.BAD_PARAMS, "cannot create the directory of " + file + ": " + e.getMessage());
        }
        return file.toAbsolutePath().normalize().toString();
    }

    /** What a launched app learns, as in a run: the scope is its room (a lease's devices chat with each other). */
    private void withContext(ObjectNode params, String scope, String device) {
        ObjectNode merged = new LaunchContext(scope, device, services, new LaunchContext.Files(fileRoots, deniedFiles)).toJson();
        JsonNode given = params.path("context");
        given.fields().forEachRemaining(e -> {
            if (e.getKey().equals("services") && e.getValue().isObject()) ((ObjectNode) merged.get("services")).setAll((ObjectNode) e.getValue());
            else merged.set(e.getKey(), e.getValue());
        });
        params.set("context", merged);
    }

    private DeviceSlot slot(String device, String what) {
        pool.check();
        if (device == null || device.isBlank()) {
            throw new TandemException(ErrorCode.USAGE, what + " needs `device` with one of " + pool.slots().stream().map(DeviceSlot::id).toList());
        }
        return pool.byId(device.trim()).orElseThrow(() -> new TandemException(ErrorCode.USAGE, "no device '" + device + "'; devices are "
                + pool.slots().stream().map(DeviceSlot::id).toList() + " (`tandem devices` lists them)"));
    }

    private static Tool tool(String name) {
        Tool t = name == null ? null : Tool.byName(name).orElse(null);
        if (t == null || !isCommand(t)) {
            List<String> names = java.util.Arrays.stream(Tool.values()).filter(CommandService::isCommand).map(Tool::wireName).toList();
            String close = name == null ? null : dev.tandem.protocol.Suggest.closest(name, names);
            throw new TandemException(ErrorCode.USAGE, (name == null ? "a command needs `tool`" : "`" + name + "` is no command on one device")
                    + (t == Tool.OBSERVE ? " (POST /v1/snapshot reads the screen)" : "")
                    + (close != null && t == null ? " (did you mean `" + close + "`?)" : "") + "; commands are " + names);
        }
        return t;
    }

    private String nextId(String kind) {
        return idPrefix + "-" + kind + "-" + seq.incrementAndGet();
    }
}
