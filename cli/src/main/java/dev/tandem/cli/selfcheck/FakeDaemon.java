package dev.tandem.cli.selfcheck;

import dev.tandem.protocol.Json;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.api.Routes;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.StatusReply;
import dev.tandem.protocol.http.LoopbackHttpServer;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.DaemonInfo;
import dev.tandem.protocol.state.DaemonSettings;
import dev.tandem.protocol.state.FileLock;
import dev.tandem.protocol.state.StateDir;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A daemon inside this JVM for a throwaway state dir: it answers status, devices, snapshots and
 * commands with {@link SampleReplies}, and streams whatever {@link #next} was given last on the run
 * and suite routes, as the real one does (NDJSON, chunked). It
 * holds daemon.lock like a real daemon, so a client that somehow failed to reach it would report a
 * stuck daemon rather than start a real one: nothing outlives this JVM.
 */
public final class FakeDaemon implements AutoCloseable {
    private final FileLock lock;
    private final LoopbackHttpServer server;
    private final AtomicReference<List<RunEvent>> next;

    private FakeDaemon(FileLock lock, LoopbackHttpServer server, AtomicReference<List<RunEvent>> next) {
        this.lock = lock;
        this.server = server;
        this.next = next;
    }

    /** Starts on a free loopback port and writes the state dir's daemon.json. */
    public static FakeDaemon start(StateDir state, Map<String, String> env) throws IOException {
        state.ensure();
        FileLock lock = FileLock.tryAcquire(state.daemonLock())
                .orElseThrow(() -> new IOException(state.daemonLock() + " is held by another process"));
        String token = UUID.randomUUID().toString();
        long pid = ProcessHandle.current().pid();
        long startedAt = System.currentTimeMillis();
        AtomicReference<List<RunEvent>> next = new AtomicReference<>(List.of());
        StatusReply status = new StatusReply(pid, Version.VERSION, state.root().toString(), startedAt, 0, 0,
                DaemonSettings.of(env));
        LoopbackHttpServer server;
        try {
            server = LoopbackHttpServer.start(0, token, Map.of(
                    Routes.STATUS, r -> r.reply(200, status),
                    Routes.RUNS, r -> stream(r, next.get()),
                    Routes.SUITES, r -> stream(r, next.get()),
                    Routes.DEVICES, r -> r.reply(200, SampleReplies.devices()),
                    Routes.SNAPSHOT, r -> reply(r, SampleReplies.snapshot()),
                    Routes.COMMANDS, r -> reply(r, SampleReplies.command())));
            AtomicFiles.writeJson(state.daemonJson(), new DaemonInfo(pid, server.port(), token, Version.VERSION, startedAt,
                    state.root().toString()), true);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return new FakeDaemon(lock, server, next);
    }

    /** The events the next run or suite request is answered with. */
    public void next(List<RunEvent> events) {
        next.set(List.copyOf(events));
    }

    private static void reply(LoopbackHttpServer.Request r, Object body) throws IOException {
        r.body();
        r.reply(200, body);
    }

    private static void stream(LoopbackHttpServer.Request r, List<RunEvent> events) throws IOException {
        r.body();
        try (OutputStream out = r.stream(200, "application/x-ndjson")) {
            for (RunEvent e : events) {
                out.write((Json.text(Json.toTree(e)) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        server.close();
        lock.close();
    }
}
