package dev.tandem.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.device.CommandContext;
import dev.tandem.device.Device;
import dev.tandem.device.Direction;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.Notification;
import dev.tandem.device.TapKind;
import dev.tandem.device.ToolExecutor;
import dev.tandem.plan.Barrier;
import dev.tandem.plan.CriticalSection;
import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.plan.ToolKeys;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolTraits;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No accepted key is ignored: for every tool, every param key the validator accepts
 * ({@link ToolKeys}) survives the daemon's additions unreplaced and is read by the tool's
 * implementation. The variants below are plan steps; the key list comes from the validator, so
 * a key added there without an implementation (or a variant here) fails this test.
 */
class AcceptedKeysAreUsedTest {
    /** Steps that together give every key of each runner tool; "timeout" is the step bound, checked apart. */
    static final Map<Tool, List<String>> VARIANTS = Map.ofEntries(
            Map.entry(Tool.LAUNCH_APP, List.of(
                    "{appId: a, clearState: true, context: {room: r, user: u, services: {chat: 'http://127.0.0.1:1'}}}",
                    "{url: 'data:text/html,<h1>Hi</h1>'}")),
            Map.entry(Tool.STOP_APP, List.of("{appId: a}")),
            Map.entry(Tool.TAP_ON, List.of("{text: x, id: x, role: button, index: 0, action: tap}", "{selector: {text: x}}",
                    "{textContains: x, enabled: true, checked: false, focused: false, selected: false}")),
            Map.entry(Tool.INPUT_TEXT, List.of("{text: hi, imeAction: send, id: x, role: button, index: 0}",
                    "{text: hi, selector: {id: x}, replace: true}",
                    "{text: hi, textContains: x, enabled: true, checked: false, focused: false, selected: false}")),
            Map.entry(Tool.CLEAR_TEXT, List.of("{text: x, id: x, role: button, index: 0}", "{selector: {id: x}}",
                    "{textContains: x, enabled: true, checked: false, focused: false, selected: false}")),
            Map.entry(Tool.IME_ACTION, List.of("{action: send}")),
            Map.entry(Tool.PRESS_BUTTON, List.of("{button: back}")),
            Map.entry(Tool.SWIPE, List.of("{direction: up, text: x, id: x, role: button, index: 0}", "{direction: up, selector: x}",
                    "{direction: up, textContains: x, enabled: true, checked: false, focused: false, selected: false}")),
            Map.entry(Tool.SCROLL_UNTIL_VISIBLE, List.of("{text: x, id: x, role: button, index: 0, direction: down}",
                    "{selector: x}", "{textContains: x, enabled: true, checked: false, focused: false, selected: false}")),
            Map.entry(Tool.ASSERT_VISIBLE, List.of("{text: x, id: x, role: button, index: 0}", "{selector: x}",
                    "{textContains: x, enabled: true, checked: false, focused: false, selected: false}")),
            Map.entry(Tool.ASSERT_NOT_VISIBLE, List.of("{text: no, id: no, role: no, index: 0}", "{selector: no}",
                    "{textContains: no, enabled: true, checked: false, focused: false, selected: false}")),
            Map.entry(Tool.OBSERVE, List.of("{waitFor: {text: x}}")),
            Map.entry(Tool.SYSTEM_TRAY, List.of("{action: find, notification: {title: t, body: b}, awaitTimeout: 10}")),
            Map.entry(Tool.SCREENSHOT, List.of("{name: n}", "{path: shots/a.png}")));

    @TempDir
    Path runDir;

    @Test
    void everyAcceptedKeyOfARunnerToolIsPassedOnAndRead() throws Exception {
        for (Tool tool : Tool.planTools()) {
            if (tool.traits().executor() != ToolTraits.Executor.RUNNER) continue;
            assertThat(VARIANTS).as("variants for " + tool).containsKey(tool);
            Set<String> read = new TreeSet<>();
            for (String variant : VARIANTS.get(tool)) {
                ToolStep step = (ToolStep) load("steps: [{tool: " + tool + ", timeout: 1000, params: " + variant + "}]")
                        .steps().getFirst();
                assertThat(step.timeoutMs()).as(tool + " timeout is the step bound").isEqualTo(1000L);
                ObjectNode given = step.params().deepCopy();
                ObjectNode sent = RunnerChannel.deviceParams(tool, step.params(), "A", 0,
                        new LaunchContext("run-1", "A", Map.of("apps", "http://127.0.0.1:2")), runDir);
                assertKept(tool, "", given, sent);
                try {
                    ToolExecutor.run(new OneButton(), tool, new Recording(sent, "", read), CommandContext.withTimeout(2_000, runDir));
                } catch (RuntimeException e) {
                    // reading the keys is what counts here; the fake device need not satisfy every tool
                }
            }
            Set<String> accepted = new TreeSet<>(ToolKeys.params(tool));
            accepted.remove("timeout");
            assertThat(read).as(tool + ": accepted keys its implementation reads").containsAll(accepted);
        }
    }

    @Test
    void everyAcceptedKeyOfAnEngineToolLandsInTheStep() {
        Plan p = load("""
                devices: [A, B]
                steps:
                - {tool: wait, device: A, ms: 5, timeout: 1000}
                - {tool: criticalSection, lock: room, deviceCount: 1, timeout: 900, steps: [{tool: wait, device: A, ms: 1}]}
                - {tool: barrier, devices: [A, B], name: met, timeout: 800}
                """);
        ToolStep wait = (ToolStep) p.steps().get(0);
        assertThat(wait.params().get("ms").asLong()).isEqualTo(5);
        assertThat(wait.timeoutMs()).isEqualTo(1000L);
        CriticalSection cs = (CriticalSection) p.steps().get(1);
        assertThat(cs.lock()).isEqualTo("room");
        assertThat(cs.steps()).hasSize(1);
        assertThat(cs.timeoutMs()).isEqualTo(900);
        Barrier b = (Barrier) p.steps().get(2);
        assertThat(b.devices()).containsExactly("A", "B");
        assertThat(b.label()).isEqualTo("met");
        assertThat(b.timeoutMs()).isEqualTo(800);
        assertThat(ToolKeys.params(Tool.WAIT)).containsExactlyInAnyOrder("ms", "timeout");
        assertThat(ToolKeys.params(Tool.CRITICAL_SECTION)).containsExactlyInAnyOrder("lock", "deviceCount", "steps", "timeout");
        assertThat(ToolKeys.params(Tool.BARRIER)).containsExactlyInAnyOrder("devices", "name", "timeout");
        Plan blocks = load("""
                devices: [A]
                steps:
                - {tool: repeat, device: A, times: 2, while: X, timeout: 700, steps: [{tool: wait, ms: 1}]}
                - {tool: retry, device: A, maxRetries: 3, timeout: 600, steps: [{tool: wait, ms: 1}]}
                - {tool: when, device: A, visible: X, notVisible: Y, platform: web, timeout: 500, steps: [{tool: wait, ms: 1}]}
                """);
        dev.tandem.plan.Block repeat = (dev.tandem.plan.Block) blocks.steps().get(0);
        assertThat(repeat).extracting(dev.tandem.plan.Block::times, dev.tandem.plan.Block::timeoutMs).containsExactly(2, 700L);
        assertThat(repeat.whileVisible()).isNotNull();
        assertThat(((dev.tandem.plan.Block) blocks.steps().get(1)).maxRetries()).isEqualTo(3);
        dev.tandem.plan.Block when = (dev.tandem.plan.Block) blocks.steps().get(2);
        assertThat(when).extracting(dev.tandem.plan.Block::platform, dev.tandem.plan.Block::timeoutMs).containsExactly("web", 500L);
        assertThat(when.visible()).isNotNull();
        assertThat(when.notVisible()).isNotNull();
        assertThat(ToolKeys.params(Tool.REPEAT)).containsExactlyInAnyOrder("times", "while", "steps", "timeout");
        assertThat(ToolKeys.params(Tool.RETRY)).containsExactlyInAnyOrder("maxRetries", "steps", "timeout");
        assertThat(ToolKeys.params(Tool.WHEN)).containsExactlyInAnyOrder("visible", "notVisible", "platform", "steps", "timeout");
    }

    @Test
    void aScreenshotPathIsResolvedInsideTheRunDirectory() {
        LaunchContext ctx = new LaunchContext("run-1", "A", Map.of());
        ObjectNode p = RunnerChannel.deviceParams(Tool.SCREENSHOT, (ObjectNode) dev.tandem.protocol.Json.object().put("path", "shots/a.png"),
                "A", 3, ctx, runDir);
        assertThat(p.get("path").asText()).isEqualTo(runDir.resolve("shots/a.png").toString());
        ObjectNode named = RunnerChannel.deviceParams(Tool.SCREENSHOT, dev.tandem.protocol.Json.object().put("name", "n".repeat(300)),
                "B", 3, ctx, runDir);
        assertThat(Path.of(named.get("path").asText()).getFileName().toString()).hasSizeLessThanOrEqualTo(255);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunnerChannel.deviceParams(Tool.SCREENSHOT,
                dev.tandem.protocol.Json.object().put("path", "../x.png"), "A", 3, ctx, runDir))
                .hasMessageContaining("leaves the run directory");
    }

    private static Plan load(String yaml) {
        return PlanLoader.parse(yaml, "p.yaml").orThrow();
    }

    /** Every value the plan gave is still in what the runner gets: equal, or (a resolved path) ending with it. */
    private static void assertKept(Tool tool, String prefix, JsonNode given, JsonNode sent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode out = sent.get(e.getKey());
            assertThat(out).as(tool + " " + key + " reaches the runner").isNotNull();
            if (e.getValue().isObject()) assertKept(tool, key + ".", e.getValue(), out);
            else assertThat(out.asText()).as(tool + " " + key + " is not replaced").endsWith(e.getValue().asText());
        }
    }

    /** Params that note every key looked up, nested ones as "parent.key". */
    static final class Recording extends ObjectNode {
        private final String prefix;
        private final Set<String> read;

        Recording(ObjectNode source, String prefix, Set<String> read) {
            super(JsonNodeFactory.instance, new LinkedHashMap<>());
            this.prefix = prefix;
            this.read = read;
            source.fields().forEachRemaining(e -> set(e.getKey(), e.getValue().isObject()
                    ? new Recording((ObjectNode) e.getValue(), prefix + e.getKey() + ".", read) : e.getValue()));
        }

        private void note(String key) {
            if (super.get(key) != null) read.add(prefix + key);
        }

        @Override
        public JsonNode get(String key) {
            note(key);
            return super.get(key);
        }

        @Override
        public JsonNode path(String key) {
            note(key);
            return super.path(key);
        }

        @Override
        public boolean has(String key) {
            note(key);
            return super.has(key);
        }

        @Override
        public boolean hasNonNull(String key) {
            note(key);
            return super.hasNonNull(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public ObjectNode deepCopy() {
            return new Recording(this, prefix, read); // a copy still reports what is read from it
        }
    }

    /** A device showing one button (text x, id x) and one notification (t / b); actions do nothing. */
    static final class OneButton implements Device {
        private static final UiNode BUTTON =
                new UiNode("e1", "button", "x", "x", null, new Bounds(0, 0, 10, 10), true, null, false, List.of());

        @Override public Snapshot snapshot() {
            return new Snapshot("fake", "a", "main", 100, 100, 1.0,
                    new UiNode(null, "screen", null, null, null, new Bounds(0, 0, 100, 100), true, null, false, List.of(BUTTON)));
        }
        @Override public long uiVersion() { return 1; }
        @Override public void awaitUiChange(long sinceVersion, long deadlineNanos) throws InterruptedException {
            long ms = Math.max(0, Math.min(5, (deadlineNanos - System.nanoTime()) / 1_000_000));
            Thread.sleep(ms); // the fake never changes: a waiter reaches its deadline in small steps
        }
        @Override public boolean isSettled() { return true; }
        @Override public void launchApp(LaunchRequest request) { }
        @Override public void stopApp(String appId) { }
        @Override public void tap(UiNode element, TapKind kind) { }
        @Override public void inputText(String text) { }
        @Override public void clearText() { }
        @Override public void imeAction(ImeAction action) { }
        @Override public void pressButton(Button button) { }
        @Override public void swipe(Direction direction, UiNode within) { }
        @Override public List<Notification> notifications() { return List.of(new Notification("k", "a", "t", "b", 0)); }
        @Override public void openTray() { }
        @Override public void tapNotification(Notification n) { }
        @Override public void dismissNotification(Notification n) { }
        @Override public void clearNotifications() { }
        @Override public byte[] screenshotPng() { return new byte[] {1}; }
        @Override public List<String> installedApps() { return List.of("a"); }
    }
}
