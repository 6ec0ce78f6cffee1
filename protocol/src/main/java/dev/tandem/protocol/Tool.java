package dev.tandem.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every tool a plan step or a daemon request can name. Each has exactly one row in the tool
 * table ({@link dev.tandem.protocol.ToolDescriptors}), an exhaustive switch: a tool added
 * here without its row (params, docs, traits, exposure) does not compile.
 */
public enum Tool {
    LAUNCH_APP("launchApp"),
    STOP_APP("stopApp"),
    TAP_ON("tapOn"),
    INPUT_TEXT("inputText"),
    CLEAR_TEXT("clearText"),
    IME_ACTION("imeAction"),
    PRESS_BUTTON("pressButton"),
    SWIPE("swipe"),
    SCROLL_UNTIL_VISIBLE("scrollUntilVisible"),
    ASSERT_VISIBLE("assertVisible"),
    ASSERT_NOT_VISIBLE("assertNotVisible"),
    OBSERVE("observe"),
    SYSTEM_TRAY("systemTray"),
    SCREENSHOT("screenshot"),
    WAIT("wait"),
    CRITICAL_SECTION("criticalSection"),
    BARRIER("barrier"),
    /** Control blocks: run their steps on one device a bounded number of times, or not at all. */
    REPEAT("repeat"),
    RETRY("retry"),
    WHEN("when"),
    /** Protocol-level no-op: health checks and benchmarks. Not usable in plans. */
    PING("ping");

    private static final Map<String, Tool> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Tool::wireName, Function.identity()));

    private final String wireName;

    Tool(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in plans and on the wire, e.g. {@code tapOn}. */
    public String wireName() {
        return wireName;
    }

    public ToolTraits traits() {
        return ToolTraits.of(this);
    }

    public static Optional<Tool> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Tools a plan may name, in declaration order. */
    public static List<Tool> planTools() {
        return Arrays.stream(values()).filter(t -> t.traits().inPlans()).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
