package dev.tandem.appium;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.Map;

/** The platforms an Appium device can be, and what each calls its apps and buttons. */
public enum MobilePlatform {
    ANDROID, IOS, FAKE;

    /** Settled after this many equal post-action reads of the page source, spanning this window. */
    record Settle(int reads, java.time.Duration window) {}

    /**
     * When the page source counts as settled after an action. Real drivers dump the source only
     * once the app idles (UiAutomator2's waitForIdle, XCUITest's quiescence); two equal reads
     * 150 ms apart also catch a second wave (a transition's end, a list loading) — to be tuned on
     * real emulators, not measured yet. The fake driver's source is its static app file, which no
     * action changes: one read after the action is the evidence.
     */
    Settle settle() {
        return switch (this) {
            case ANDROID, IOS -> new Settle(2, java.time.Duration.ofMillis(150));
            case FAKE -> new Settle(1, java.time.Duration.ZERO);
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
