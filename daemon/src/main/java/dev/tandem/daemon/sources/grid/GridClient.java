package dev.tandem.daemon.sources.grid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The few W3C WebDriver and Grid calls Tandem makes on a Selenium Grid 4: {@code GET /status},
 * {@code POST /session}, {@code DELETE /session/{id}}. Every call has a deadline; an answer that is
 * not what the Grid would send is an {@link IOException} saying what came back.
 */
public final class GridClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI base;

    public GridClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** A session the Grid created: its id and the capabilities it returned (with {@code se:cdp} for a browser). */
    public record Session(String id, JsonNode capabilities) {}

    public GridStatus status(Duration timeout) throws IOException {
        return GridStatus.parse(call("GET", "/status", null, timeout));
    }

    /** Creates a session with these capabilities ({@code alwaysMatch}); the Grid may queue it up to {@code timeout}. */
    public Session create(Map<String, Object> capabilities, Duration timeout) throws IOException {
        JsonNode v = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", capabilities)), timeout).path("value");
        String id = v.path("sessionId").asText("");
        if (id.isEmpty()) throw new IOException("the Grid created no session: " + v.path("message").asText(v.toString()));
        return new Session(id, v.path("capabilities"));
    }

    /** Ends a session; one the Grid no longer knows counts as ended. */
    public void delete(String sessionId, Duration timeout) throws IOException {
        try {
            call("DELETE", "/session/" + sessionId, null, timeout);
        } catch (GridError e) {
            if (e.status != 404 && !e.getMessage().contains("invalid session id")) throw e;
        }
    }

    /** The Grid answered with a W3C error (message and HTTP status). */
    static final class GridError extends IOException {
        final int status;

        GridError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private JsonNode call(String method, String path, Object body, Duration timeout) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> r;
        try {
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("the Grid at " + base + " did not answer " + method + " " + path + " within " + timeout.toMillis() + " ms", e);
        } catch (java.net.ConnectException e) {
            throw new IOException("nothing answers at " + base + " (connection refused)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the Grid at " + base, e);
        }
        JsonNode tree;
        try {
            tree = Json.tree(r.body());
        } catch (RuntimeException e) {
            throw new IOException("the Grid at " + base + " answered " + method + " " + path + " with HTTP " + r.statusCode()
                    + " and no JSON; is " + base + " a Selenium Grid 4?");
        }
        if (r.statusCode() >= 400) {
            JsonNode v = tree.path("value");
            throw new GridError(r.statusCode(), v.path("error").asText("error") + ": " + v.path("message").asText(tree.toString()));
        }
        return tree;
    }
}
