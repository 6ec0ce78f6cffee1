package dev.tandem.device;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The new-session request of an Appium device, built one way wherever its session is created: by
 * the runner's Appium backend on a server it starts or is given, and by the daemon's grid source on
 * a Selenium Grid (docs/grid.md), so a device gets the same session from either.
 */
public final class AppiumCapabilities {
    /** The name of a Tandem-started server's own port among a device's ports: not a capability. */
    public static final String SERVER_PORT = "server";
    /** Session creation installs and starts the app (and on iOS may build WebDriverAgent): minutes, not seconds. */
    public static final Duration CREATE_TIMEOUT = Duration.ofMinutes(5);

    private AppiumCapabilities() {}

    /**
     * The session's capabilities: the device's ({@code devices.yaml}, discovery, a Grid stereotype)
     * with the driver ports Tandem assigned ({@code appium:systemPort}…), the server's own port left out.
     */
    public static Map<String, Object> forSession(Map<String, Object> device, Map<String, Integer> ports) {
        Map<String, Object> caps = new LinkedHashMap<>(device);
        ports.forEach((name, port) -> {
            if (!name.equals(SERVER_PORT)) caps.put(name, port);
        });
        return caps;
    }

    /** The W3C {@code POST /session} body: the capabilities as {@code alwaysMatch}. */
    public static Map<String, Object> newSessionBody(Map<String, ?> capabilities) {
        return Map.of("capabilities", Map.of("alwaysMatch", capabilities));
    }
}
