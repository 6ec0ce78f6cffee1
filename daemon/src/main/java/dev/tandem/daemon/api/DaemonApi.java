package dev.tandem.daemon.api;

import dev.tandem.daemon.agent.CommandService;
import dev.tandem.daemon.agent.LeaseRegistry;
import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.run.ActiveRuns;
import dev.tandem.daemon.run.RunEvents;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.daemon.run.RunService;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.protocol.api.SuiteRequest;
import dev.tandem.daemon.suite.SuiteService;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.http.LoopbackHttpServer.Handler;
import dev.tandem.protocol.http.LoopbackHttpServer.Request;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.HeartbeatRequest;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.api.ReleaseRequest;
import dev.tandem.protocol.api.ErrorReply;
import dev.tandem.protocol.api.Routes;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.SessionsReply;
import dev.tandem.protocol.api.ShutdownReply;
import dev.tandem.protocol.api.SnapshotRequest;
import dev.tandem.protocol.api.StatusReply;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The daemon's HTTP API for its clients (bearer token from daemon.json on every request): the
 * routes of {@link Routes}, each taking and answering the records of {@code protocol.api}
 * (docs/daemon-api.md). It knows the daemon only through {@link DaemonControl}.
 */
public final class DaemonApi {
    private final DaemonControl daemon;
    private final DevicePool pool;
    private final Supplier<List<String>> deviceNotes;
    private final Allocator allocator;
    private final RunnerSupervisor supervisor;
    private final RunService runs;
    private final SuiteService suites;
    private final ActiveRuns active;
    private final LeaseRegistry leases;
    private final CommandService commands;
    private final long startedAt = System.currentTimeMillis();

    /** @param deviceNotes why sources offer fewer devices than a user may expect ({@code DeviceSources.notes()}) */
    public DaemonApi(DaemonControl daemon, DevicePool pool, Supplier<List<String>> deviceNotes, Allocator allocator,
            RunnerSupervisor supervisor, RunService runs, SuiteService suites, ActiveRuns active,
            LeaseRegistry leases, CommandService commands) {
        this.leases = leases;
        this.commands = commands;
        this.deviceNotes = deviceNotes;
        this.suites = suites;
        this.daemon = daemon;
        this.pool = pool;
        this.allocator = allocator;
        this.supervisor = supervisor;
        this.runs = runs;
        this.active = active;
    }

    public Map<String, Handler> routes() {
        Map<String, Route> r = new LinkedHashMap<>();
        r.put(Routes.STATUS, this::status);
        r.put(Routes.DEVICES, this::devices);
        r.put(Routes.SESSIONS, this::sessions);
        r.put(Routes.RUNS, this::run);
        r.put(Routes.SUITES, this::suite);
        r.put(Routes.SNAPSHOT, this::snapshot);
        r.put(Routes.LEASES, req -> req.reply(200, leases.acquire(body(req, LeaseRequest.class))));
        r.put(Routes.RELEASE, req -> req.reply(200, leases.release(body(req, ReleaseRequest.class))));
        r.put(Routes.HEARTBEAT, req -> req.reply(200, leases.heartbeat(body(req, HeartbeatRequest.class).lease())));
        r.put(Routes.COMMANDS, req -> req.reply(200, commands.command(body(req, CommandRequest.class))));
        r.put(Routes.SHUTDOWN, this::shutdown);
        Map<String, Handler> out = new LinkedHashMap<>();
        r.forEach((path, h) -> out.put(path, req -> {
            daemon.touch();
            try {
                h.handle(req);
            } catch (TandemException e) {
                req.reply(e.code().httpStatus(), new ErrorReply(e.info()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                req.reply(503, new ErrorReply(new ErrorInfo(ErrorCode.DAEMON_UNAVAILABLE, "the daemon is stopping; retry")));
            }
        }));
        return out;
    }

    /** A route's handler; what it throws as TandemException becomes the error reply. */
    @FunctionalInterface
    private interface Route {
        void handle(Request request) throws IOException, InterruptedException;
    }

    private void status(Request r) throws IOException {
        r.reply(200, new StatusReply(ProcessHandle.current().pid(), Version.VERSION, daemon.state().root().toString(), startedAt,
                active.count(), supervisor.list().size(), daemon.settings()));
    }

    private void devices(Request r) throws IOException {
        pool.check();
        pool.refresh(); // a Grid's devices as its status is now (read at most once a second)
        List<DevicesReply.Device> list = new ArrayList<>();
        Map<String, RunnerHandle> runners = new LinkedHashMap<>();
        supervisor.list().forEach(h -> runners.put(h.deviceId(), h));
        // a gone Grid device is listed while a lease still holds it
        List<DeviceSlot> shown = new ArrayList<>(pool.slots());
        pool.gone().stream().filter(s -> allocator.holderOf(s.id()).isPresent()).forEach(shown::add);
        for (DeviceSlot s : shown) {
            RunnerHandle h = runners.get(s.id());
            // the profile the device runs with now (a run may start web-1 as desktop), else its default
            String profile = h != null && h.alive() && h.file().profile() != null ? h.file().profile() : s.profile();
            var runner = h == null ? DevicesReply.RunnerState.STOPPED : h.alive() ? DevicesReply.RunnerState.RUNNING
                    : DevicesReply.RunnerState.DEAD;
            Optional<Allocation> holder = allocator.holderOf(s.id());
            list.add(new DevicesReply.Device(s.id(), s.platform().name(), profile, s.source(), runner, h == null ? null : h.pid(),
                    h == null ? null : h.file().port(), holder.isPresent() ? DevicesReply.DeviceState.BUSY : DevicesReply.DeviceState.FREE,
                    holder.map(Allocation::owner).orElse(null), holder.map(Allocation::ownerPid).orElse(null)));
        }
        r.reply(200, new DevicesReply(list, deviceNotes.get()));
    }

    private void sessions(Request r) throws IOException {
        List<SessionsReply.Lease> leases = new ArrayList<>();
        for (Allocation a : allocator.allocations()) {
            Map<String, String> devs = new LinkedHashMap<>();
            a.byLabel().forEach((label, slot) -> devs.put(label, slot.id()));
            leases.add(new SessionsReply.Lease(a.owner(), a.ownerPid(), SessionsReply.LeaseKind.EXCLUSIVE, devs));
        }
        for (Allocator.SharedLease l : allocator.sharedLeases()) {
            leases.add(new SessionsReply.Lease(l.owner(), l.ownerPid(), SessionsReply.LeaseKind.SHARED, Map.of("observe", l.deviceId())));
        }
        List<SessionsReply.Runner> rs = new ArrayList<>();
        for (RunnerHandle h : supervisor.list()) {
            rs.add(new SessionsReply.Runner(h.deviceId(), h.pid(), h.file().port(), h.bootId(), h.file().artifactKey(), h.adopted(),
                    h.alive(), h.idleMs()));
        }
        r.reply(200, new SessionsReply(leases, rs));
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
            r.reply(405, new ErrorReply(new ErrorInfo(ErrorCode.USAGE, "POST a " + type.getSimpleName())));
            return;
        }
        T req;
        try {
            req = r.bodyAs(type);
        } catch (IOException e) {
            r.reply(400, new ErrorReply(new ErrorInfo(ErrorCode.USAGE, "malformed " + type.getSimpleName() + ": " + e.getMessage())));
            return;
        }
        if (daemon.stopping()) {
            r.reply(503, new ErrorReply(new ErrorInfo(ErrorCode.DAEMON_UNAVAILABLE, "the daemon is stopping; rerun to start a fresh one")));
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
                    events.emit(new RunEvent.Heartbeat());
                }
            });
            int exit;
            try {
                exit = job.run(req, events);
            } finally {
                beat.interrupt();
            }
            events.emit(new RunEvent.Exit(exit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void snapshot(Request r) throws IOException, InterruptedException {
        r.reply(200, commands.snapshot(body(r, SnapshotRequest.class)));
    }

    /** A POSTed body of the route's record; malformed JSON is USAGE. */
    private static <T> T body(Request r, Class<T> type) throws IOException {
        try {
            return r.bodyAs(type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TandemException(ErrorCode.USAGE, "malformed " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private void shutdown(Request r) throws IOException {
        r.body();
        r.reply(200, new ShutdownReply(true, ProcessHandle.current().pid()));
        daemon.stop();
    }

}
