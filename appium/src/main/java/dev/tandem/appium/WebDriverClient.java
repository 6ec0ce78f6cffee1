package dev.tandem.appium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.http.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import dev.tandem.protocol.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The HTTP half of W3C WebDriver: JSON commands to a server over one keep-alive HTTP/1.1
 * connection, replies unwrapped from {@code {"value": …}}, errors mapped by {@link W3cError}.
 * A server Tandem started and owns ({@link #ofOwnedServer}, on {@code http://127.0.0.1}) is spoken
 * to with the runner protocol's blocking socket client: a command is one write and one read on the
 * calling thread, where the JDK's HttpClient hands each exchange between its selector and executor
 * threads and costs the runner ~0.5 ms of CPU a command (BENCHMARKS.md "Appium tap"). Appium keeps
 * an idle connection 10 minutes, longer than that client reuses one. Any other server (the user's,
 * a Grid, a proxy: their idle timeouts are unknown, and a request on a connection they just closed
 * must not be sent twice) goes through the JDK's HttpClient. Thread-safe (both clients are).
 */
public final class WebDriverClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    /** For a plain-HTTP server on 127.0.0.1, else null. */
    private final LoopbackHttpClient loopback;
    /** The URL's path (a proxy's prefix such as {@code /wd/hub}), put before each command's path. */
    private final String basePath;

    /**
     * @param base the server's URL, e.g. {@code http://127.0.0.1:4723} (Appium 2+ has no {@code /wd/hub})
     * @param bearerToken sent as {@code Authorization: Bearer …} when not null (a proxy in front of the server)
     */
    public WebDriverClient(URI base, String bearerToken) {
        this(base, bearerToken, false);
    }

    /** For the Appium server Tandem started on {@code http://127.0.0.1:PORT}: the blocking socket client. */
    public static WebDriverClient ofOwnedServer(URI base) {
        return new WebDriverClient(base, null, true);
    }

    private WebDriverClient(URI base, String bearerToken, boolean owned) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.authorization = bearerToken == null ? null : "Bearer " + bearerToken;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        boolean plainLoopback = owned && "http".equalsIgnoreCase(this.base.getScheme()) && "127.0.0.1".equals(this.base.getHost())
                && this.base.getPort() > 0 && this.base.getRawQuery() == null;
        this.loopback = plainLoopback ? new LoopbackHttpClient(this.base.getPort(), bearerToken) : null;
        this.basePath = this.base.getRawPath() == null ? "" : this.base.getRawPath();
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path, Duration timeout) {
        return send("GET", path, null, timeout);
    }

    public JsonNode post(String path, Object body, Duration timeout) {
        return send("POST", path, body == null ? Json.object() : body, timeout);
    }

    public JsonNode delete(String path, Duration timeout) {
        return send("DELETE", path, null, timeout);
    }

    /** Sends one command and returns its {@code value} (JSON null for none). */
    JsonNode send(String method, String path, Object body, Duration timeout) {
        String command = method + " " + path;
        if (loopback != null) return sendLoopback(command, method, path, body, timeout);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (authorization != null) b.header("Authorization", authorization);
        if (body != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        java.net.http.HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TandemException(ErrorCode.OUTCOME_UNKNOWN, "The Appium server at " + base + " did not answer "
                    + command + " within " + timeout.toMillis() + " ms; the command may have run on the device"
                    + " — check what it shows, and the server's log.", e);
        } catch (ConnectException e) {
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "Nothing answers at " + base
                    + " (connection refused); start the Appium server, or check the device's server URL.", e);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "The connection to the Appium server at " + base
                    + " failed during " + command + " (" + e + "); check that the server is still running.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(ErrorCode.CANCELLED, command + " was interrupted.", e);
        }
        return unwrap(command, response.statusCode(), response.body());
    }

    private JsonNode sendLoopback(String command, String method, String path, Object body, Duration timeout) {
        HttpResponse r;
        try {
            r = loopback.send(method, basePath + path, body == null ? null : Json.bytes(body), timeout.toMillis());
        } catch (TransportException e) {
            throw switch (e.kind()) {
                case TIMEOUT -> new TandemException(ErrorCode.OUTCOME_UNKNOWN, "The Appium server at " + base + " did not answer "
                        + command + " within " + timeout.toMillis() + " ms; the command may have run on the device"
                        + " — check what it shows, and the server's log.", e);
                case CONNECT_FAILED -> new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "Nothing answers at " + base
                        + " (" + e.getMessage() + "); start the Appium server, or check the device's server URL.", e);
                case WRITE_FAILED, RESPONSE_LOST, MALFORMED -> new TandemException(ErrorCode.DEVICE_UNAVAILABLE,
                        "The connection to the Appium server at " + base + " failed during " + command + " (" + e.getMessage()
                                + "); check that the server is still running.", e);
            };
        }
        return unwrap(command, r.status(), r.body());
    }

    static JsonNode unwrap(String command, int status, byte[] body) {
        JsonNode tree;
        try {
            tree = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            tree = null;
        }
        JsonNode value = tree == null ? null : tree.get("value");
        if (status / 100 == 2 && tree != null) return value == null ? Json.MAPPER.nullNode() : value;
        if (value != null && value.hasNonNull("error")) {
            throw W3cError.of(command, status, value.get("error").asText(), value.path("message").asText(null));
        }
        String text = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        throw W3cError.of(command, status, null, tree == null ? "not JSON: " + text : text);
    }

    @Override
    public void close() {
        if (loopback != null) loopback.close();
        http.close();
    }
}
