package dev.tandem.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A DevTools protocol connection to the browser endpoint: commands matched to replies by id (every
 * wait bounded), events fanned out to listeners, and flattened sessions (a command for a page
 * carries its {@code sessionId}). When the connection drops (Chromium crashed or was killed) every
 * pending and later command fails at once with RUNNER_FAILED instead of hanging.
 */
final class CdpClient implements AutoCloseable {
    static final long DEFAULT_TIMEOUT_MS = 10_000;

    /** An event: {@code sessionId} is null for browser-level events. */
    interface Listener {
        void onEvent(String method, String sessionId, JsonNode params);
    }

    /** A command Chromium answered with an error (bad params, no such node, context gone…). */
    static final class CdpError extends RuntimeException {
        final int code;

        CdpError(String method, int code, String message) {
            super(method + ": " + message + " (" + code + ")");
            this.code = code;
        }
    }

    private final WebSocketConnection socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Supplier<String> whyDead;
    private final ErrorCode lostCode;
    private final String afterLoss;
    private volatile String closedReason;

    private record Pending(String method, CompletableFuture<JsonNode> future) {}

    private CdpClient(WebSocketConnection socket, Supplier<String> whyDead, ErrorCode lostCode, String afterLoss) {
        this.socket = socket;
        this.whyDead = whyDead;
        this.lostCode = lostCode;
        this.afterLoss = afterLoss;
    }

    /**
     * Connects to a browser endpoint ({@code ws://127.0.0.1:PORT/devtools/browser/ID}).
     *
     * @param whyDead describes the browser's state when the connection drops (for the error message)
     */
    static CdpClient connect(URI url, long timeoutMs, Supplier<String> whyDead) {
        return connect(url, timeoutMs, whyDead, ErrorCode.RUNNER_FAILED, "Restart the device (the runner does this on the next run).");
    }

    /**
     * As above, for a browser elsewhere (a Grid node): when the connection drops, every command
     * fails with {@code lostCode} (DEVICE_LOST) and {@code afterLoss} says what to do.
     */
    static CdpClient connect(URI url, long timeoutMs, Supplier<String> whyDead, ErrorCode lostCode, String afterLoss) {
        CompletableFuture<CdpClient> self = new CompletableFuture<>();
        AtomicReference<String> closedEarly = new AtomicReference<>();
        WebSocketConnection.Handler handler = new WebSocketConnection.Handler() {
            @Override
            public void onText(String message) {
                self.join().onMessage(message); // completes before any command is sent, so before any reply
            }

            @Override
            public void onClosed(String reason) {
                CdpClient c = self.getNow(null);
                if (c != null) c.shutdown(reason);
                else closedEarly.set(reason);
            }
        };
        try {
            CdpClient client = new CdpClient(WebSocketConnection.open(url, (int) timeoutMs, handler), whyDead, lostCode, afterLoss);
            self.complete(client);
            String early = closedEarly.get();
            if (early != null) client.shutdown(early); // closed before we could listen for it
            return client;
        } catch (IOException e) {
            throw new TandemException(lostCode == ErrorCode.RUNNER_FAILED ? ErrorCode.RUNNER_FAILED : ErrorCode.DEVICE_UNAVAILABLE,
                    "cannot open the DevTools connection to Chromium at " + url + ": " + e.getMessage() + "; " + whyDead.get(), e);
        }
    }

    /**
     * For a browser elsewhere: asks the browser for its version every {@code periodMs} and drops the
     * connection (every pending and later command fails with the loss code) when an answer takes
     * longer than {@code timeoutMs}. A proxy in between (a Grid's router) may keep the WebSocket open
     * after the node behind it died; the browser target answers even while a page runs a long script.
     */
    void watchLiveness(long periodMs, long timeoutMs) {
        Thread.ofVirtual().name("cdp-liveness").start(() -> {
            while (closedReason == null) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(periodMs)); // a heartbeat's period
                if (closedReason != null) return;
                try {
                    sendAsync("Browser.getVersion", null, null).get(timeoutMs, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    shutdown("the remote browser did not answer for " + timeoutMs + " ms");
                    socket.close();
                    return;
                } catch (ExecutionException | InterruptedException e) {
                    return; // closed meanwhile: already failing every command
                }
            }
        });
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    boolean isOpen() {
        return closedReason == null;
    }

    /** Sends a command and waits (bounded) for its result. */
    JsonNode send(String method, ObjectNode params, String sessionId) {
        return await(sendAsync(method, params, sessionId), method, DEFAULT_TIMEOUT_MS);
    }

    JsonNode send(String method, ObjectNode params, String sessionId, long timeoutMs) {
        return await(sendAsync(method, params, sessionId), method, timeoutMs);
    }

    /** Sends a command without waiting: pipelining several commands costs one round trip. */
    CompletableFuture<JsonNode> sendAsync(String method, ObjectNode params, String sessionId) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        String reason = closedReason;
        if (reason != null) {
            future.completeExceptionally(dead(method, reason));
            return future;
        }
        long id = ids.incrementAndGet();
        ObjectNode msg = Json.object();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", params == null ? Json.object() : params);
        if (sessionId != null) msg.put("sessionId", sessionId);
        pending.put(id, new Pending(method, future));
        try {
            socket.sendText(Json.text(msg));
        } catch (IOException e) {
            pending.remove(id);
            shutdown("the DevTools connection failed while sending " + method + ": " + e.getMessage());
            future.completeExceptionally(dead(method, closedReason));
        }
        if (closedReason != null) failAll(); // closed while we registered: do not leave the future behind
        return future;
    }

    /**
     * Sends a command whose reply nobody waits for: for the few commands Chromium answers late or
     * never (a mouse event its touch emulator turned into touch input). A late reply is ignored.
     */
    void post(String method, ObjectNode params, String sessionId) {
        String reason = closedReason;
        if (reason != null) throw dead(method, reason);
        ObjectNode msg = Json.object();
        msg.put("id", ids.incrementAndGet());
        msg.put("method", method);
        msg.set("params", params == null ? Json.object() : params);
        if (sessionId != null) msg.put("sessionId", sessionId);
        try {
            socket.sendText(Json.text(msg));
        } catch (IOException e) {
            shutdown("the DevTools connection failed while sending " + method + ": " + e.getMessage());
            throw dead(method, closedReason);
        }
    }

    /** Waits for a result from {@link #sendAsync}, bounded. */
    JsonNode await(CompletableFuture<JsonNode> future, String method, long timeoutMs) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new TandemException(ErrorCode.RUNNER_FAILED, method + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(false);
            String alive = closedReason == null ? "" : " (" + closedReason + ")";
            throw new TandemException(ErrorCode.RUNNER_FAILED, "Chromium did not answer " + method + " within " + timeoutMs
                    + " ms" + alive + "; the page may be stuck in a long script. " + whyDead.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new TandemException(ErrorCode.CANCELLED, "interrupted while waiting for Chromium to answer " + method);
        }
    }

    @Override
    public void close() {
        shutdown("the device was closed");
        socket.close();
    }

    private TandemException dead(String method, String reason) {
        return new TandemException(lostCode, "Chromium is gone (" + reason + "), so " + method
                + " cannot run: " + whyDead.get() + " " + afterLoss);
    }

    private void shutdown(String reason) {
        if (closedReason == null) closedReason = reason;
        failAll();
    }

    private void failAll() {
        for (Long id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) p.future.completeExceptionally(dead(p.method, closedReason));
        }
    }

    private void onMessage(String text) {
        JsonNode msg;
        try {
            msg = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return; // not JSON: nothing we could route
        }
        JsonNode id = msg.get("id");
        if (id != null) {
            Pending p = pending.remove(id.asLong());
            if (p == null) return; // timed out and forgotten, or posted
            JsonNode error = msg.get("error");
            if (error != null) p.future.completeExceptionally(new CdpError(p.method, error.path("code").asInt(), error.path("message").asText()));
            else p.future.complete(msg.path("result"));
            return;
        }
        String method = msg.path("method").asText(null);
        if (method == null) return;
        String session = msg.hasNonNull("sessionId") ? msg.get("sessionId").asText() : null;
        JsonNode params = msg.path("params");
        for (Listener l : listeners) {
            try {
                l.onEvent(method, session, params);
            } catch (RuntimeException e) {
                System.getLogger(CdpClient.class.getName()).log(System.Logger.Level.WARNING, "listener failed on " + method, e);
            }
        }
    }
}
