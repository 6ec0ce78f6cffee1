package dev.tandem.daemon.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The devices this daemon offers: {@code sim-1…sim-N} (default 8) and {@code web-1…web-M}
 * (default 4; a Chromium each, started only when used). Sizes come from the environment
 * ({@code TANDEM_SIM_DEVICES}, {@code TANDEM_WEB_DEVICES}); the sim latency profile from
 * {@code TANDEM_SIM_LATENCY} (default {@code realistic}).
 */
public record DevicePool(List<DeviceSlot> slots) {
    public static final String DEFAULT_WEB_PROFILE = "pixel-7";

    public static DevicePool fromEnv(Map<String, String> env) {
        int sims = intOr(env.get("TANDEM_SIM_DEVICES"), 8);
        int webs = intOr(env.get("TANDEM_WEB_DEVICES"), 4);
        String latency = env.getOrDefault("TANDEM_SIM_LATENCY", "realistic");
        List<DeviceSlot> slots = new ArrayList<>();
        for (int i = 1; i <= sims; i++) slots.add(new DeviceSlot("sim-" + i, "sim", latency));
        for (int i = 1; i <= webs; i++) slots.add(new DeviceSlot("web-" + i, "web", DEFAULT_WEB_PROFILE));
        return new DevicePool(List.copyOf(slots));
    }

    private static int intOr(String s, int fallback) {
        try {
            return s == null ? fallback : Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Optional<DeviceSlot> byId(String id) {
        return slots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<DeviceSlot> ofPlatform(String platform) {
        return slots.stream().filter(s -> s.platform().equals(platform)).toList();
    }
}
