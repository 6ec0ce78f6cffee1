package dev.tandem.web;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The web device profiles: one row each, the viewport in CSS pixels, the device pixel ratio, the
 * user agent ({@code %s} is the running Chromium's version) and whether input is touch. Chosen by
 * {@code DeviceSpec.profile()} ({@code web:PROFILE} in a device spec); {@link #DEFAULT} otherwise.
 */
public enum WebProfile {
    PIXEL_7("pixel-7", List.of("pixel", "android"), 412, 915, 2.625, true, true, "Android",
            "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Mobile Safari/537.36"),
    IPHONE_15("iphone-15", List.of("iphone", "ios"), 393, 852, 3.0, true, true, "iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"),
    IPAD("ipad", List.of("tablet"), 820, 1180, 2.0, true, true, "iPad",
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"),
    DESKTOP("desktop", List.of(), 1280, 800, 1.0, false, false, "Linux x86_64",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36");

    public static final WebProfile DEFAULT = PIXEL_7;

    private final String wireName;
    private final List<String> aliases;
    private final int width;
    private final int height;
    private final double dpr;
    private final boolean mobile;
    private final boolean touch;
    private final String platform;
    private final String userAgent;

    WebProfile(String wireName, List<String> aliases, int width, int height, double dpr, boolean mobile, boolean touch,
            String platform, String userAgent) {
        this.wireName = wireName;
        this.aliases = aliases;
        this.width = width;
        this.height = height;
        this.dpr = dpr;
        this.mobile = mobile;
        this.touch = touch;
        this.platform = platform;
        this.userAgent = userAgent;
    }

    /** The profile a device spec names; null or blank means {@link #DEFAULT}. */
    public static WebProfile of(String name) {
        if (name == null || name.isBlank()) return DEFAULT;
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (WebProfile p : values()) {
            if (p.wireName.equals(n) || p.aliases.contains(n)) return p;
        }
        throw new TandemException(ErrorCode.BAD_PARAMS, "Unknown web profile '" + name + "': use one of " + String.join(", ", names())
                + " (for example --device A=web:pixel-7).");
    }

    /** Every accepted name, canonical ones first. */
    public static List<String> names() {
        return Stream.concat(Arrays.stream(values()).map(WebProfile::wireName),
                Arrays.stream(values()).flatMap(p -> p.aliases.stream())).toList();
    }

    public String wireName() {
        return wireName;
    }

    /** Viewport width in CSS pixels. */
    public int width() {
        return width;
    }

    /** Viewport height in CSS pixels. */
    public int height() {
        return height;
    }

    public double dpr() {
        return dpr;
    }

    /** Mobile emulation: meta viewport honoured, overlay scrollbars, mobile text autosizing off. */
    public boolean mobile() {
        return mobile;
    }

    /** Taps are touch events; otherwise mouse clicks. */
    public boolean touch() {
        return touch;
    }

    /** {@code navigator.platform}. */
    public String platform() {
        return platform;
    }

    /** The user agent, with the running Chromium's version filled in where the string names Chrome. */
    public String userAgent(String chromeVersion) {
        return userAgent.contains("%s") ? userAgent.formatted(chromeVersion) : userAgent;
    }
}
