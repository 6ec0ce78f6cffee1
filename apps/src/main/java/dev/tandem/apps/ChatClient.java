package dev.tandem.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client of the chat service ({@link AppServices#chatUrl()}): send a message, read a page, or
 * subscribe with a long-polling loop on a virtual thread that reconnects with backoff while the
 * service is down and stops promptly on {@link Subscription#close()}. Thread-safe.
 */
public final class ChatClient implements AutoCloseable {
    static final long SEND_TIMEOUT_MS = 5_000;
    /** How long one subscription poll waits on the server; bounded so a stuck server is noticed. */
    static final long POLL_WAIT_MS = 20_000;
    static final long BACKOFF_MIN_MS = 50;
    static final long BACKOFF_MAX_MS = 2_000;
    private static final System.Logger LOG = System.getLogger(ChatClient.class.getName());

    private final LoopbackHttpClient http;
    private final String basePath;
    private final String url;

    /** @param chatUrl e.g. {@code http://127.0.0.1:41234/chat}; only loopback addresses are accepted */
    public ChatClient(String chatUrl) {
        URI uri;
        try {
            uri = URI.create(chatUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the chat service URL '" + chatUrl + "' is not a URL");
        }
        String host = uri.getHost();
        if (!"http".equals(uri.getScheme()) || uri.getPort() <= 0
                || !("127.0.0.1".equals(host) || "localhost".equals(host))) {
            throw new IllegalArgumentException("the chat service URL must look like http://127.0.0.1:PORT/chat, not '" + chatUrl + "'");
        }
        this.url = chatUrl;
        this.http = new LoopbackHttpClient(uri.getPort(), null);
        String p = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.basePath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    public String url() {
        return url;
    }

    /** Posts one message and returns it as stored (with its sequence number). */
    public ChatMessage send(String room, String from, String text) throws IOException {
        byte[] body = Json.bytes(Map.of("from", from, "text", text));
        HttpResponse r = http.send("POST", messagesPath(room), body, SEND_TIMEOUT_MS);
        return Json.read(checked(r, "send a message"), ChatMessage.class);
    }

    /** Messages after {@code after}, waiting up to {@code waitMs} for the first one. */
    public ChatRooms.Page poll(String room, long after, long waitMs) throws IOException {
        long wait = Math.max(0, Math.min(waitMs, ChatRooms.MAX_WAIT_MS));
        HttpResponse r = http.send("GET", messagesPath(room) + "?after=" + after + "&waitMs=" + wait, null, wait + 5_000);
        return Json.read(checked(r, "read messages"), ChatRooms.Page.class);
    }

    /**
     * Delivers every message with {@code seq > after}, in order, to {@code listener} on a virtual
     * thread, until closed. The listener must not block for long.
     */
    public Subscription subscribe(String room, long after, Consumer<ChatMessage> listener) {
        return new Subscription(room, after, listener);
    }

    @Override
    public void close() {
        http.close();
    }

    private String messagesPath(String room) {
        return basePath + "/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8) + "/messages";
    }

    private byte[] checked(HttpResponse r, String what) throws IOException {
        if (r.ok()) return r.body();
        String message = r.bodyText();
        try {
            JsonNode err = Json.tree(r.body()).path("error");
            if (err.has("message")) message = err.get("message").asText();
        } catch (RuntimeException e) {
            // not JSON: keep the raw text
        }
        throw new IOException("the chat service at " + url + " refused to " + what + " (HTTP " + r.status() + "): " + message);
    }

    /** A running long-poll loop; {@link #close()} stops it within a bounded time. */
    public final class Subscription implements AutoCloseable {
        private final String room;
        private final Consumer<ChatMessage> listener;
        private final CountDownLatch stop = new CountDownLatch(1);
        private final Thread thread;
        private volatile long after;
        private volatile boolean stopped;
        private volatile boolean connected;

        private Subscription(String room, long after, Consumer<ChatMessage> listener) {
            this.room = room;
            this.after = after;
            this.listener = listener;
            this.thread = Thread.ofVirtual().name("chat-" + room).start(this::loop);
        }

        /**
         * The sequence number of the last message delivered (or skipped past); at least the seq of
         * any message the listener has been given.
         */
        public long lastSeq() {
            return after;
        }

        /** Whether the last poll reached the service. */
        public boolean connected() {
            return connected;
        }

        private void loop() {
            long backoff = BACKOFF_MIN_MS;
            while (!stopped) {
                try {
                    ChatRooms.Page page = poll(room, after, POLL_WAIT_MS);
                    connected = true;
                    backoff = BACKOFF_MIN_MS;
                    for (ChatMessage m : page.messages()) {
                        if (stopped) return;
                        // Recorded before the hand-over: whoever has seen the message must see lastSeq() at it.
                        after = m.seq();
                        try {
                            listener.accept(m);
                        } catch (RuntimeException e) {
                            LOG.log(System.Logger.Level.WARNING, "chat listener failed on message " + m.seq(), e);
                        }
                    }
                    after = page.last();
                } catch (IOException e) {
                    connected = false;
                    if (stopped) return;
                    try {
                        if (stop.await(backoff, TimeUnit.MILLISECONDS)) return;
                    } catch (InterruptedException ie) {
                        return;
                    }
                    backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
                }
            }
        }

        /** Asks the loop to end without waiting for it (safe while holding locks the listener takes). */
        public void stop() {
            stopped = true;
            stop.countDown();
            thread.interrupt(); // a virtual thread blocked in a socket read is released by this
        }

        /** Whether the loop has ended. */
        public boolean finished() {
            return !thread.isAlive();
        }

        /** Stops the loop and waits (up to 2 s) for it to end. */
        @Override
        public void close() {
            stop();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
