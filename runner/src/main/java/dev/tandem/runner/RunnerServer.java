package dev.tandem.runner;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.LoopbackHttpServer;
import dev.tandem.protocol.http.LoopbackHttpServer.Request;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;
import java.util.Map;

/**
 * The runner protocol over HTTP (DESIGN §4, docs/runner-protocol.md):
 * {@code GET /v1/uptime}, {@code POST /v1/commands}, {@code GET /v1/commands/{id}?bootId=},
 * {@code POST /v1/commands/{id}/cancel}, {@code POST /v1/adopt}, {@code POST /v1/shutdown}.
 */
final class RunnerServer {
    private final Uptime uptime;
    private final CommandProcessor processor;
    private final Runnable onShutdown;
    private final Watchdog watchdog;

    RunnerServer(Uptime uptime, CommandProcessor processor, Watchdog watchdog, Runnable onShutdown) {
        this.uptime = uptime;
        this.processor = processor;
        this.watchdog = watchdog;
        this.onShutdown = onShutdown;
    }

    LoopbackHttpServer start(int port, String token) throws IOException {
        // one platform thread per connection: the daemon's command reaches its handler without a thread hop
        return LoopbackHttpServer.startDirect(port, token, Map.of(
                "/v1/uptime", this::uptime,
                "/v1/commands", this::commands,
                "/v1/adopt", this::adopt,
                "/v1/shutdown", this::shutdown));
    }

    private void uptime(Request r) throws IOException {
        watchdog.touch();
        r.reply(200, uptime);
    }

    private void commands(Request r) throws IOException {
        watchdog.touch();
        String rest = r.path().substring("/v1/commands".length());
        if (r.method().equals("POST") && rest.isEmpty()) {
            submit(r);
        } else if (r.method().equals("GET") && rest.startsWith("/")) {
            r.reply(200, processor.status(rest.substring(1), r.query("bootId")));
        } else if (r.method().equals("POST") && rest.startsWith("/") && rest.endsWith("/cancel")) {
            r.body();
            r.reply(200, processor.cancel(rest.substring(1, rest.length() - "/cancel".length())));
        } else {
            r.body();
            r.replyError(404, "NOT_FOUND", "no such endpoint: " + r.method() + " " + r.path());
        }
    }

    private void submit(Request r) throws IOException {
        CommandEnvelope env;
        try {
            env = r.bodyAs(CommandEnvelope.class);
        } catch (IOException e) {
            r.replyError(400, ErrorCode.BAD_PARAMS.name(), "malformed command envelope: " + e.getMessage());
            return;
        }
        if (env.id() == null || env.kind() == null) {
            r.replyError(400, ErrorCode.BAD_PARAMS.name(), "a command needs id and kind");
            return;
        }
        if (!uptime.bootId().equals(env.bootId())) {
            // fencing: a command meant for another boot must never run here
            r.reply(409, Map.of("error", Map.of("code", "WRONG_BOOT",
                    "message", "command " + env.id() + " is addressed to boot " + env.bootId() + ", this is " + uptime.bootId()),
                    "bootId", uptime.bootId()));
            return;
        }
        try {
            CommandProcessor.Outcome outcome = processor.submit(env);
            if (outcome.dropConnection()) throw new IOException("fault injection: dropping the connection");
            r.reply(200, outcome.record());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void adopt(Request r) throws IOException {
        long pid = Json.tree(r.body()).path("daemonPid").asLong(0);
        watchdog.adoptedBy(pid);
        r.reply(200, uptime);
    }

    private void shutdown(Request r) throws IOException {
        r.body();
        r.reply(200, Map.of("stopping", true));
        Thread.ofVirtual().start(onShutdown);
    }
}
