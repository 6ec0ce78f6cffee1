package dev.tandem.appium;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.device.PlatformRow;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Tool;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platforms an Appium device can be — one row each: Tandem's platform name, the host ports its
 * driver needs, the tools it can do, what it calls its apps and buttons, when its screen is settled.
 */
public enum MobilePlatform {
    ANDROID, IOS, FAKE;

    /** The Tandem platform: {@code android}, {@code ios}, or {@code appium-fake} (Appium's fake driver, for trying and testing). */
    public Platform platform() {
        return switch (this) {
            case ANDROID -> Platform.ANDROID;
            case IOS -> Platform.IOS;
            case FAKE -> FAKE_PLATFORM;
        };
    }

    public static final Platform FAKE_PLATFORM = Platform.of("appium-fake");

    /**
     * The per-device host ports the platform's driver listens on, as capability names (DESIGN §7),
     * each assigned by Tandem unless the device's capabilities give it. UiAutomator2: its server on
     * the device, forwarded to this host port; MJPEG screen streaming; the chromedriver for web views.
     * XCUITest: WebDriverAgent's forwarded port and MJPEG. The fake driver listens on nothing.
     */
    public List<String> ports() {
        return switch (this) {
            case ANDROID -> List.of("appium:systemPort", "appium:mjpegServerPort", "appium:chromedriverPort");
            case IOS -> List.of("appium:wdaLocalPort", "appium:mjpegServerPort");
            case FAKE -> List.of();
        };
    }

    /**
     * The tools its devices can do; a plan step with another is refused before the run
     * ({@code UNSUPPORTED_ON_PLATFORM}). iOS has no notification shade Appium can open and read.
     * The fake driver keeps its app loaded from session start and has no {@code mobile:} commands
     * (no apps to launch or stop, no IME, no buttons, no shade); pointer and key actions are
     * accepted and logged, not applied, so its screen never changes.
     */
    public Set<Tool> tools() {
        Set<Tool> all = PlatformRow.runnerTools();
        return switch (this) {
            case ANDROID -> all;
            case IOS -> all.stream().filter(t -> t != Tool.SYSTEM_TRAY).collect(Collectors.toUnmodifiableSet());
            case FAKE -> Set.of(Tool.TAP_ON, Tool.INPUT_TEXT, Tool.CLEAR_TEXT, Tool.SWIPE, Tool.SCROLL_UNTIL_VISIBLE,
                    Tool.ASSERT_VISIBLE, Tool.ASSERT_NOT_VISIBLE, Tool.OBSERVE, Tool.SCREENSHOT);
        };
    }

    /** The W3C {@code platformName} its devices have. */
    public String platformName() {
        return switch (this) {
            case ANDROID -> "Android";
            case IOS -> "iOS";
            case FAKE -> "Fake";
        };
    }

    /** The platform whose devices have this {@code platformName} capability (case-insensitive, as Appium reads it). */
    public static java.util.Optional<MobilePlatform> ofPlatformName(String name) {
        for (MobilePlatform p : values()) if (p.platformName().equalsIgnoreCase(name)) return java.util.Optional.of(p);
        return java.util.Optional.empty();
    }

    /**
     * Settled after this many equal post-action reads of the page source, spanning this window; a
     * read younger than {@code fresh} (and no action since) stands for the screen without another.
     */
    record Settle(int reads, java.time.Duration window, java.time.Duration fresh) {}

    /**
     * When the page source counts as settled after an action. Real drivers dump the source only
     * once the app idles (UiAutomator2's waitForIdle, XCUITest's quiescence); two equal reads
     * 150 ms apart also catch a second wave (a transition's end, a list loading) — to be tuned on
     * real emulators, not measured yet. The fake driver's source is its static app file, which no
     * action changes: one read after the action is the evidence.
     *
     * <p>A phone's screen also changes without Tandem (a notification, a timer), so a read stands
     * for it only 5 ms: within one step (a tool's snapshot is its settle check), not across the
     * engine's gap to the next step. The fake's source changes with nothing but a new session, so
     * its settle read stands until the next action (bounded at 1 s): the next step's snapshot
     * reuses it and a tapOn costs the pointer action and one source read, as a raw client's tap
     * costs find and click (BENCHMARKS.md, "Appium tap (fake driver)").
     */
    Settle settle() {
        return switch (this) {
            case ANDROID, IOS -> new Settle(2, java.time.Duration.ofMillis(150), java.time.Duration.ofMillis(5));
            case FAKE -> new Settle(1, java.time.Duration.ZERO, java.time.Duration.ofSeconds(1));
        };
    }

    /** The name {@code mobile: activateApp/terminateApp} give the app id. */
    String appIdArg() {
        return switch (this) {
            case ANDROID, FAKE -> "appId";
            case IOS -> "bundleId";
        };
    }

    /** The {@code mobile:} command and arguments for a hardware button (back, home, enter). */
    Map.Entry<String, Map<String, Object>> button(dev.tandem.protocol.Button button) {
        return switch (this) {
            case ANDROID -> switch (button) {
                // Android KeyEvent codes.
                case BACK -> Map.entry("pressKey", Map.of("keycode", 4));
                case HOME -> Map.entry("pressKey", Map.of("keycode", 3));
                case ENTER -> Map.entry("pressKey", Map.of("keycode", 66));
            };
            case IOS -> switch (button) {
                case HOME -> Map.entry("pressButton", Map.of("name", "home"));
                case BACK, ENTER -> throw unsupported("pressButton " + button.wireName(),
                        "iOS has no " + button.wireName() + " button; tap the app's own Back control, or use imeAction");
            };
            case FAKE -> throw unsupported("pressButton", "the fake driver has no buttons");
        };
    }

    static TandemException unsupported(String tool, String why) {
        return new TandemException(ErrorCode.BAD_PARAMS, tool + " is not available on this Appium device: " + why + ".");
    }
}
