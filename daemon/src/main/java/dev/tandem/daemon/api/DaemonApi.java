package dev.tandem.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.Daemon;
import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.run.ActiveRuns;
import dev.tandem.daemon.run.RunEvents;
import dev.tandem.daemon.run.RunRequest;
import dev.tandem.daemon.run.RunService;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.daemon.suite.SuiteRequest;
import dev.tandem.daemon.suite.SuiteService;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.http.LoopbackHttpServer.Handler;
import dev.tandem.protocol.http.LoopbackHttpServer.Request;
import dev.tandem.protocol.runner.CommandRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's HTTP API for CLIs (bearer token from daemon.json on every request):
 * {@code GET /v1/status}, {@code GET /v1/devices}, {@code GET /v1/sessions}, {@code POST /v1/runs}
 * (streams NDJSON events), {@code POST /v1/snapshot}, {@code POST /v1/shutdown}.
 */
public final class DaemonApi {
    private final Daemon daemon;
    private final DevicePool pool;
    private final Allocator allocator;
    private final RunnerSupervisor supervisor;
    private final RunnerClient client;
    private final RunService runs;
    private final SuiteService suites;
    private final ActiveRuns active;
    private final String idPrefix = "d" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    private final AtomicLong seq = new AtomicLong();
    private final long startedAt = System.currentTimeMillis();

    public DaemonApi(Daemon daemon, DevicePool pool, Allocator allocator, RunnerSupervisor supervisor, RunnerClient client,
            RunService runs, SuiteService suites, ActiveRuns active) {
        this.suites = suites;
        this.daemon = daemon;
        this.pool = pool;
        this.allocator = allocator;
        this.supervisor = supervisor;
        this.client = client;
        this.runs = runs;
        this.active = active;
    }

    public Map<String, Handler> routes() {
        Map<String, Handler> r = new LinkedHashMap<>();
        r.put("/v1/status", this::status);
        r.put("/v1/devices", this::devices);
        r.put("/v1/sessions", this::sessions);
        r.put("/v1/runs", this::run);
        r.put("/v1/suites", this::suite);
        r.put("/v1/snapshot", this::snapshot);
        r.put("/v1/shutdown", this::shutdown);
        r.replaceAll((path, h) -> req -> {
            daemon.touch();
            try {
                h.handle(req);
            } catch (TandemException e) {
                req.reply(e.code().httpStatus(), Map.of("error", e.info()));
            }
        });
        return r;
    }

    private void status(Request r) throws IOException {
        ObjectNode o = Json.object();
        o.put("pid", ProcessHandle.current().pid()).put("version", Version.VERSION).put("home", daemon.state().root().toString())
                .put("startedAt", startedAt).put("activeRuns", active.count()).put("runners", supervisor.list().size());
        o.set("settings", Json.MAPPER.valueToTree(daemon.settings()));
        r.reply(200, o);
    }

    private void devices(Request r) throws IOException {
        pool.check();
        ArrayNode list = Json.MAPPER.createArrayNode();
        Map<String, RunnerHandle> runners = new LinkedHashMap<>();
        supervisor.list().forEach(h -> runners.put(h.deviceId(), h));
        for (DeviceSlot s : pool.slots()) {
            ObjectNode d = list.addObject();
            RunnerHandle h = runners.get(s.id());
            // the profile the device runs with now (a run may start web-1 as desktop), else its default
            String profile = h != null && h.alive() && h.file().profile() != null ? h.file().profile() : s.profile();
            d.put("id", s.id()).put("platform", s.platform().name()).put("profile", profile).put("source", s.source());
            d.put("runner", h == null ? "stopped" : h.alive() ? "running" : "dead");
            if (h != null) d.put("runnerPid", h.pid()).put("runnerPort", h.file().port());
            allocator.holderOf(s.id()).ifPresentOrElse(a -> d.put("state", "busy").put("run", a.owner()).put("ownerPid", a.ownerPid()),
                    () -> d.put("state", "free"));
        }
        r.reply(200, Map.of("devices", list));
    }

    private void sessions(Request r) throws IOException {
        ObjectNode o = Json.object();
        ArrayNode leases = o.putArray("leases");
        for (Allocation a : allocator.allocations()) {
            ObjectNode l = leases.addObject();
            l.put("owner", a.owner()).put("ownerPid", a.ownerPid()).put("kind", "exclusive");
            ObjectNode devs = l.putObject("devices");
            a.byLabel().forEach((label, slot) -> devs.put(label, slot.id()));
        }
        for (Allocator.SharedLease l : allocator.sharedLeases()) {
            ObjectNode sl = leases.addObject();
            sl.put("owner", l.owner()).put("ownerPid", l.ownerPid()).put("kind", "shared");
            sl.putObject("devices").put("observe", l.deviceId());
        }
        ArrayNode rs = o.putArray("runners");
        for (RunnerHandle h : supervisor.list()) {
            rs.addObject().put("device", h.deviceId()).put("pid", h.pid()).put("port", h.file().port())
                    .put("bootId", h.bootId()).put("artifactKey", h.file().artifactKey()).put("adopted", h.adopted())
                    .put("alive", h.alive()).put("idleMs", h.idleMs());
        }
        r.reply(200, o);
    }

    private void run(Request r) throws IOException {
        stream(r, RunRequest.class, runs::run);
    }

    private void suite(Request r) throws IOException {
        stream(r, SuiteRequest.class, suites::run);
    }

    /** A request answered with a stream of NDJSON events ending in {@code exit}. */
    @FunctionalInterface
    private interface StreamedJob<T> {
        int run(T request, RunEvents events) throws InterruptedException;
    }

    private <T> void stream(Request r, Class<T> type, StreamedJob<T> job) throws IOException {
        if (!r.method().equals("POST")) {
            r.replyError(405, "USAGE", "POST a " + type.getSimpleName());
            return;
        }
        T req;
        try {
            req = r.bodyAs(type);
        } catch (IOException e) {
            r.replyError(400, "USAGE", "malformed " + type.getSimpleName() + ": " + e.getMessage());
            return;
        }
        if (daemon.stopping()) {
            r.replyError(503, ErrorCode.DAEMON_UNAVAILABLE.name(), "the daemon is stopping; rerun to start a fresh one");
            return;
        }
        try (OutputStream out = r.stream(200, "application/x-ndjson")) {
            out.flush(); // the headers now: the CLI knows the request was taken, however long devices take
            RunEvents events = new RunEvents(out);
            // a heartbeat every second for the whole request, waits for devices included: the CLI
            // treats a silent stream as a dead daemon, and a failed write tells us the CLI is gone
            Thread beat = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted() && !events.gone()) {
                    try {
                        Thread.sleep(1_000); // the heartbeat's period
                    } catch (InterruptedException e) {
                        return;
                    }
                    events.emit("heartbeat", Json.object());
                }
            });
            int exit;
            try {
                exit = job.run(req, events);
            } finally {
                beat.interrupt();
            }
            events.emit("exit", Json.object().put("exitCode", exit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void snapshot(Request r) throws IOException, TandemException {
        JsonNode body = Json.tree(r.body());
        String device = body.path("device").asText(null);
        pool.check();
        if (device == null || pool.byId(device).isEmpty()) {
            throw new TandemException(ErrorCode.USAGE, "snapshot needs --device with one of " + pool.slots().stream().map(DeviceSlot::id).toList());
        }
        // read-only: allowed beside a run that holds the device (a shared look, never a mutation)
        var lease = allocator.openShared("snapshot", body.path("clientPid").asLong(0), device);
        try {
            CommandRecord rec = client.execute(device, idPrefix + "-obs-" + seq.incrementAndGet(), Tool.OBSERVE, Json.object(), 15_000);
            if (rec.error() != null) throw rec.error().toException();
            r.reply(200, rec.result());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(ErrorCode.INTERNAL, "interrupted");
        } finally {
            allocator.closeShared(lease);
        }
    }

    private void shutdown(Request r) throws IOException {
        r.body();
        r.reply(200, Map.of("stopping", true, "pid", ProcessHandle.current().pid()));
        daemon.stop();
    }
}
