package dev.tandem.daemon.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.LoopbackHttpServer;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Timings;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One boot of a fake runner speaking the runner protocol: ids deduplicated, another boot refused,
 * status queries answered for earlier boots from a shared "disk". A command's {@code fault} param
 * (once per id) makes it die ({@code die-before-accept}, {@code die-after-start},
 * {@code die-after-effect}, {@code die-after-complete}: server closed, no reply) or drop the reply
 * ({@code drop}, {@code drop-always}); {@code delayMs} makes it slow. Effects are counted on the
 * shared {@link Device}, which outlives boots like a real phone.
 */
final class FakeRunner implements AutoCloseable {
    /** What outlives a runner boot: the device's effects and the journal files. */
    static final class Device {
        final AtomicInteger effects = new AtomicInteger();
        final Map<String, Map<String, CommandState>> disk = new ConcurrentHashMap<>();
        final Set<String> firedFaults = ConcurrentHashMap.newKeySet();
    }

    final String bootId;
    final Device device;
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<CommandRecord>> commands = new ConcurrentHashMap<>();
    private final Map<String, CommandState> journal = new ConcurrentHashMap<>();
    private final LoopbackHttpServer server;
    private volatile boolean dead;

    FakeRunner(String bootId, Device device) throws IOException {
        this.bootId = bootId;
        this.device = device;
        device.disk.put(bootId, journal);
        this.server = LoopbackHttpServer.start(0, "token", Map.of(
                "/v1/uptime", r -> {
                    requests.add("uptime");
                    r.reply(200, new Uptime(bootId, ProcessHandle.current().pid(), "test", "dev", "fake", "d1", 0, false));
                },
                "/v1/commands", this::commands));
    }

    int port() {
        return server.port();
    }

    RunnerHandle handle() {
        return handle(false);
    }

    /** @param survives whether the fake device's state is declared to survive a runner restart (a real phone) */
    RunnerHandle handle(boolean survives) {
        return new RunnerHandle(new RunnerFile("d1", "sim", null, ProcessHandle.current().pid(), port(), bootId, "token",
                "dev", "test", 0), null, survives);
    }

    long posts() {
        return requests.stream().filter(s -> s.startsWith("POST ")).count();
    }

    long count(String prefix) {
        return requests.stream().filter(s -> s.startsWith(prefix)).count();
    }

    /** Dies like a killed process: the listening socket and every connection close, nothing more runs. */
    void die() {
        dead = true;
        server.close();
    }

    @Override
    public void close() {
        dead = true;
        server.close();
    }

    private void commands(LoopbackHttpServer.Request r) throws IOException {
        String rest = r.path().substring("/v1/commands".length());
        if (r.method().equals("GET")) {
            String id = rest.substring(1);
            requests.add("GET " + id + " " + r.query("bootId"));
            r.reply(200, status(id, r.query("bootId")));
            return;
        }
        if (rest.endsWith("/cancel")) {
            String id = rest.substring(1, rest.length() - "/cancel".length());
            requests.add("CANCEL " + id);
            r.body();
            CompletableFuture<CommandRecord> f = commands.computeIfAbsent(id, k -> new CompletableFuture<>());
            f.complete(record(id, CommandState.FAILED, null, new ErrorInfo(ErrorCode.CANCELLED, "cancelled")));
            r.reply(200, f.getNow(null));
            return;
        }
        CommandEnvelope env = r.bodyAs(CommandEnvelope.class);
        requests.add("POST " + env.id());
        if (!bootId.equals(env.bootId())) {
            r.reply(409, Map.of("error", Map.of("code", "WRONG_BOOT", "message", "wrong boot"), "bootId", bootId));
            return;
        }
        if (env.kind().equals("bogus")) {
            r.replyError(400, "BAD_PARAMS", "bogus is not a command");
            return;
        }
        String fault = fault(env);
        if (fault.equals("die-before-accept")) dieHere();
        CompletableFuture<CommandRecord> mine = new CompletableFuture<>();
        CompletableFuture<CommandRecord> known = commands.putIfAbsent(env.id(), mine);
        if (known != null) {
            if (fault.equals("drop-always")) throw new IOException("dropping the reply");
            r.reply(200, await(known, env.timeoutMs() + 5_000, env.id()));
            return;
        }
        journal.put(env.id(), CommandState.STARTED);
        if (fault.equals("die-after-start")) dieHere();
        long delay = env.params().path("delayMs").asLong(0);
        if (delay > 0 && await(mine, delay, env.id()).state() == CommandState.FAILED) {
            r.reply(200, mine.getNow(null)); // cancelled while "running": no effect
            return;
        }
        device.effects.incrementAndGet();
        if (fault.equals("die-after-effect")) dieHere();
        CommandRecord done = record(env.id(), CommandState.COMPLETED, Json.object().put("boot", bootId), null);
        journal.put(env.id(), CommandState.COMPLETED);
        mine.complete(done);
        if (fault.equals("die-after-complete")) dieHere();
        if (fault.startsWith("drop")) throw new IOException("dropping the reply");
        r.reply(200, done);
    }

    private String fault(CommandEnvelope env) {
        String f = env.params() == null ? "" : env.params().path("fault").asText("");
        if (f.equals("drop-always")) return f;
        return !f.isEmpty() && device.firedFaults.add(env.id() + f) ? f : "";
    }

    private void dieHere() throws IOException {
        die();
        throw new IOException("killed");
    }

    private CommandRecord await(CompletableFuture<CommandRecord> f, long ms, String id) {
        try {
            return f.get(ms, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return record(id, CommandState.STARTED, null, null);
        }
    }

    private CommandRecord status(String id, String boot) {
        if (boot == null || boot.equals(bootId)) {
            CompletableFuture<CommandRecord> f = commands.get(id);
            if (f == null) return CommandRecord.notAccepted(id, bootId);
            return f.getNow(record(id, CommandState.STARTED, null, null));
        }
        Map<String, CommandState> theirs = device.disk.get(boot);
        if (theirs == null) return record(id, CommandState.UNKNOWN, null, null);
        CommandState s = theirs.get(id);
        if (s == null) return CommandRecord.notAccepted(id, boot);
        return s == CommandState.STARTED ? record(id, CommandState.UNKNOWN, null, null)
                : record(id, s, Json.object().put("boot", boot), null);
    }

    private CommandRecord record(String id, CommandState s, JsonNode result, ErrorInfo error) {
        return new CommandRecord(id, bootId, "tapOn", s, result, error, Timings.NONE);
    }

    boolean dead() {
        return dead;
    }
}
