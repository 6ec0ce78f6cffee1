package dev.tandem.daemon.sources;

import dev.tandem.device.Backend;
import dev.tandem.device.CommandContext;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.http.LoopbackHttpServer;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Timings;
import dev.tandem.protocol.runner.Uptime;
import dev.tandem.daemon.runner.RunnerHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A runner inside the test's (the daemon's) process: the runner protocol over a {@link Backend},
 * with ids deduplicated and another boot refused. Enough for a device source that starts its
 * runners its own way; the real runner process adds the durable journal and fault injection.
 */
final class InProcessRunner implements RunnerHandle.InProcess {
    final String bootId;
    final String token;
    private final Backend backend;
    private final Uptime uptime;
    private final Map<String, CommandRecord> records = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> exited = new CompletableFuture<>();
    private final LoopbackHttpServer server;

    InProcessRunner(String deviceId, String platform, String artifactKey, String bootId, String token, Backend backend)
            throws IOException {
        this.bootId = bootId;
        this.token = token;
        this.backend = backend;
        this.uptime = new Uptime(bootId, ProcessHandle.current().pid(), dev.tandem.protocol.Version.VERSION, artifactKey,
                platform, deviceId, System.currentTimeMillis(), false);
        this.server = LoopbackHttpServer.start(0, token, Map.of(
                "/v1/uptime", r -> r.reply(200, uptime),
                "/v1/commands", this::commands,
                "/v1/shutdown", r -> {
                    r.body();
                    r.reply(200, Map.of("stopping", true));
                    Thread.ofVirtual().start(this::stop);
                }));
    }

    int port() {
        return server.port();
    }

    private void commands(LoopbackHttpServer.Request r) throws IOException {
        String rest = r.path().substring("/v1/commands".length());
        if (r.method().equals("GET")) {
            String id = rest.substring(1);
            r.reply(200, records.getOrDefault(id, CommandRecord.notAccepted(id, bootId)));
            return;
        }
        if (rest.endsWith("/cancel")) {
            r.body();
            String id = rest.substring(1, rest.length() - "/cancel".length());
            r.reply(200, records.getOrDefault(id, CommandRecord.notAccepted(id, bootId)));
            return;
        }
        CommandEnvelope env = r.bodyAs(CommandEnvelope.class);
        if (!bootId.equals(env.bootId())) {
            r.reply(409, Map.of("error", Map.of("code", "WRONG_BOOT", "message", "wrong boot"), "bootId", bootId));
            return;
        }
        r.reply(200, records.computeIfAbsent(env.id(), id -> execute(env)));
    }

    private CommandRecord execute(CommandEnvelope env) {
        Tool tool = Tool.byName(env.kind()).orElse(null);
        if (tool == null) return ended(env, null, new ErrorInfo(ErrorCode.BAD_PARAMS, env.kind() + " is no command"));
        try {
            return ended(env, backend.runCommand(tool, env.params(), CommandContext.withTimeout(env.timeoutMs(), Path.of("."))), null);
        } catch (TandemException e) {
            return ended(env, null, e.info());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ended(env, null, new ErrorInfo(ErrorCode.CANCELLED, "interrupted"));
        }
    }

    private CommandRecord ended(CommandEnvelope env, com.fasterxml.jackson.databind.JsonNode result, ErrorInfo error) {
        long now = System.currentTimeMillis();
        return new CommandRecord(env.id(), bootId, env.kind(), error == null ? CommandState.COMPLETED : CommandState.FAILED,
                result, error, new Timings(now, now, now));
    }

    @Override
    public boolean alive() {
        return !exited.isDone();
    }

    @Override
    public void stop() {
        server.close();
        backend.close();
        exited.complete(null);
    }

    @Override
    public CompletableFuture<?> exited() {
        return exited;
    }
}
