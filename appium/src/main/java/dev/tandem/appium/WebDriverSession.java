package dev.tandem.appium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.device.AppiumCapabilities;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * One WebDriver session on an Appium server: the handful of commands Tandem's tools need. Taps
 * and swipes are pointer actions at points Tandem already knows from the page source, never
 * find-then-click.
 */
public final class WebDriverSession implements AutoCloseable {
    /** Session creation installs and starts the app (and on iOS may build WebDriverAgent): minutes, not seconds. */
    public static final Duration CREATE_TIMEOUT = AppiumCapabilities.CREATE_TIMEOUT;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final WebDriverClient client;
    private final String id;
    private final JsonNode capabilities;
    /** Whether closing deletes the session: not for one attached to, which its owner closes. */
    private final boolean owned;

    private WebDriverSession(WebDriverClient client, String id, JsonNode capabilities, boolean owned) {
        this.client = client;
        this.id = id;
        this.capabilities = capabilities;
        this.owned = owned;
    }

    /**
     * Creates a session with these capabilities ({@code platformName}, {@code appium:*}),
     * sent as W3C {@code alwaysMatch}.
     */
    public static WebDriverSession create(WebDriverClient client, Map<String, ?> capabilities) {
        JsonNode value = client.post("/session", AppiumCapabilities.newSessionBody(capabilities), CREATE_TIMEOUT);
        String id = value.path("sessionId").asText(null);
        if (id == null) {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "The server at " + client.base()
                    + " answered new session without a sessionId; is it an Appium 2+ (W3C) server?");
        }
        return new WebDriverSession(client, id, value.path("capabilities"), true);
    }

    /**
     * A session someone else created and closes (the daemon, on a Selenium Grid): driven like one
     * of ours, but {@link #close()} leaves it open for its owner.
     */
    public static WebDriverSession attach(WebDriverClient client, String id, Map<String, ?> capabilities) {
        return new WebDriverSession(client, id, Json.toTree(capabilities), false);
    }

    public String id() {
        return id;
    }

    /** The capabilities the server matched (with what the driver added, such as the device's screen). */
    public JsonNode capabilities() {
        return capabilities;
    }

    public String pageSource() {
        return client.get(path("/source"), COMMAND_TIMEOUT).asText();
    }

    public Bounds windowRect() {
        JsonNode r = client.get(path("/window/rect"), COMMAND_TIMEOUT);
        return new Bounds(r.path("x").asInt(), r.path("y").asInt(), r.path("width").asInt(), r.path("height").asInt());
    }

    public byte[] screenshotPng() {
        return Base64.getMimeDecoder().decode(client.get(path("/screenshot"), COMMAND_TIMEOUT).asText());
    }

    public void tap(int x, int y) {
        perform(PointerActions.tap(x, y));
    }

    public void doubleTap(int x, int y) {
        perform(PointerActions.doubleTap(x, y));
    }

    public void longPress(int x, int y, Duration hold) {
        perform(PointerActions.longPress(x, y, hold));
    }

    public void swipe(int x1, int y1, int x2, int y2, Duration duration) {
        perform(PointerActions.swipe(x1, y1, x2, y2, duration));
    }

    /** Types into the focused element (no element id: the key source goes to what has focus). */
    public void typeKeys(String text) {
        perform(PointerActions.keys(text));
    }

    /**
     * Runs an Appium extension command ({@code mobile: performEditorAction}, {@code mobile: activateApp},
     * {@code mobile: terminateApp}, {@code mobile: clearApp}, {@code mobile: openNotifications},
     * {@code mobile: pressKey}…) with its named arguments.
     */
    public JsonNode executeMobile(String command, Map<String, ?> args) {
        ObjectNode body = Json.object();
        body.put("script", command.startsWith("mobile:") ? command : "mobile: " + command);
        body.putArray("args").add(Json.toTree(args));
        return client.post(path("/execute/sync"), body, COMMAND_TIMEOUT);
    }

    private void perform(ObjectNode actions) {
        client.post(path("/actions"), actions, COMMAND_TIMEOUT);
    }

    private String path(String suffix) {
        return "/session/" + id + suffix;
    }

    /** Deletes the session (the driver stops the app unless told not to); one attached to is its owner's to delete. */
    @Override
    public void close() {
        if (owned) client.delete("/session/" + id, COMMAND_TIMEOUT);
    }
}
