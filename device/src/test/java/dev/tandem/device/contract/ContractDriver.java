package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.apps.AppServices;
import dev.tandem.apps.ChatMessage;
import dev.tandem.device.CommandContext;
import dev.tandem.device.Device;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.Notification;
import dev.tandem.device.TapKind;
import dev.tandem.device.ToolExecutor;
import dev.tandem.device.Waits;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a contract test does to the device under test: launch a built-in app in the test's own
 * chat room, read the tree, act through the primitives or through {@link ToolExecutor} (as a
 * runner would), and wait, bounded, for what the chat service delivers.
 *
 * <p>The IME action and button vocabularies are used through {@link #ime} and {@link #button}
 * only, so a change of their type is made here once.
 */
public final class ContractDriver {
    /** Bound of every wait of the suite: long enough for a loaded machine, never sat out by a passing test. */
    public static final long WAIT_MS = 10_000;
    /** The chat user of the device under test; other users' messages reach it. */
    public static final String USER = "me";

    private final Device device;
    private final AppServices services;
    private final String room;
    private final Path artifacts;

    ContractDriver(Device device, AppServices services, String room, Path artifacts) {
        this.device = device;
        this.services = services;
        this.room = room;
        this.artifacts = artifacts;
    }

    public Device device() {
        return device;
    }

    /** This test's chat room: no other test's messages reach it. */
    public String room() {
        return room;
    }

    public Path artifacts() {
        return artifacts;
    }

    // ---- vocabularies (one place each)

    /** The soft keyboard's action key ({@code send}, {@code go}, {@code done}, {@code search}, {@code next}, {@code enter}). */
    public void ime(String action) throws InterruptedException {
        device.imeAction(dev.tandem.protocol.ImeAction.require(action));
        settle();
    }

    /** A hardware or system button ({@code back}, {@code home}, {@code enter}). */
    public void button(String button) throws InterruptedException {
        device.pressButton(dev.tandem.protocol.Button.require(button));
        settle();
    }

    // ---- apps

    /**
     * Launches a built-in app in this test's room as a user would (no {@code clearState}), then
     * waits for it to settle. The device is fresh, so an app's first launch in a test starts it
     * fresh; a fixture need not pay for a cleared state (web: a new browser context) on every launch.
     */
    public Snapshot launch(String appId) throws InterruptedException {
        return launch(appId, false);
    }

    public Snapshot launch(String appId, boolean clearState) throws InterruptedException {
        device.launchApp(new LaunchRequest(appId, null, clearState, room, USER, services.services()));
        settle();
        return snapshot();
    }

    /** The services a launch carries ({@code chat}, {@code apps}: the loopback chat service and web twins). */
    public Map<String, String> launchServices() {
        return services.services();
    }

    // ---- reading

    public Snapshot snapshot() {
        return device.snapshot();
    }

    public List<UiNode> elements() {
        return device.snapshot().elements();
    }

    public Optional<UiNode> byId(String id) {
        return elements().stream().filter(n -> id.equals(n.id())).findFirst();
    }

    /** The element with this id, which must be on screen. */
    public UiNode need(String id) {
        return byId(id).orElseThrow(() -> new AssertionError("no element #" + id + " on screen; the screen shows "
                + elements().stream().map(UiNode::describe).toList()));
    }

    public List<String> texts() {
        return elements().stream().map(UiNode::text).filter(t -> t != null && !t.isEmpty()).toList();
    }

    // ---- acting

    /** Taps the element with this id (the primitive, on the node just read), then settles. */
    public void tap(String id, TapKind kind) throws InterruptedException {
        device.tap(need(id), kind);
        settle();
    }

    public void tap(String id) throws InterruptedException {
        tap(id, TapKind.TAP);
    }

    public void type(String text) throws InterruptedException {
        device.inputText(text);
        settle();
    }

    /** A tool as a runner runs it, params as key-value pairs. */
    public JsonNode run(Tool tool, Object... keyValues) throws InterruptedException {
        ObjectNode params = Json.object();
        for (int i = 0; i < keyValues.length; i += 2) params.set((String) keyValues[i], Json.toTree(keyValues[i + 1]));
        return ToolExecutor.run(device, tool, params, CommandContext.withTimeout(WAIT_MS, artifacts));
    }

    /** Runs the action, which must fail with this code; returns the failure for its message. */
    public TandemException fails(ErrorCode code, Action action) {
        TandemException e = catchThrowableOfType(TandemException.class, action::run);
        assertThat(e).as("expected a failure with %s", code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    /** A step of a test that may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    // ---- waiting

    public boolean settle() throws InterruptedException {
        return Waits.settle(device, CommandContext.withTimeout(WAIT_MS, artifacts));
    }

    /** Waits (bounded, on UI changes) until the device's state satisfies the condition. */
    public void await(String what, Predicate<Device> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (true) {
            long version = device.uiVersion();
            if (condition.test(device)) return;
            if (System.nanoTime() - deadline >= 0) throw new AssertionError("not within " + WAIT_MS + " ms: " + what);
            device.awaitUiChange(version, Math.min(deadline, System.nanoTime() + 50_000_000L));
        }
    }

    // ---- the chat service

    /** Another user posts to this test's room: the chat app on the device receives it (and notifies). */
    public void messageFrom(String from, String text) {
        services.chat().post(room, from, text);
    }

    /** What reached the chat service from this test's room, oldest first. */
    public List<ChatMessage> chatMessages() {
        return services.chat().messages(room);
    }

    /** Waits (a long-poll on the chat service, bounded) until this test's room holds at least {@code n} messages. */
    public List<ChatMessage> awaitChatMessages(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (chatMessages().size() < n) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) throw new AssertionError("the room holds " + chatMessages().size() + " message(s), not " + n + ", after " + WAIT_MS + " ms");
            services.chat().read(room, chatMessages().size(), left);
        }
        return chatMessages();
    }

    /** Waits until the tray holds at least {@code n} notifications. */
    public List<Notification> awaitNotifications(int n) throws InterruptedException {
        await(n + " notification(s) in the tray", d -> d.notifications().size() >= n);
        return device.notifications();
    }
}
