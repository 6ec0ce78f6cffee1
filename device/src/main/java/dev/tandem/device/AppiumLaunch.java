package dev.tandem.device;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the daemon's Appium device source tells an Appium runner about its device, carried in the
 * runner's {@link DeviceSpec#options()}: the typed seam between the source (daemon) and the backend
 * (appium module), which know nothing else of each other.
 *
 * @param capabilities the device's W3C capabilities as {@code devices.yaml} or discovery gave them
 *     (file paths already absolute); Tandem adds the ports it assigns
 * @param server the URL of an Appium server Tandem does not own, or null: the runner starts one
 * @param appiumBin the prepared {@code appium} executable (null with an external server)
 * @param appiumHome its {@code APPIUM_HOME}, holding the prepared drivers
 * @param lockDir the machine-wide lock directory, where host ports are locked
 * @param previousPorts the ports the device's previous runner had ({@code runners/<device>.json}), kept when still free
 * @param attached a session the daemon opened on {@code server} (a Selenium Grid) for the runner to drive, or null:
 *     the runner creates its own session
 */
public record AppiumLaunch(Map<String, Object> capabilities, URI server, Path appiumBin, Path appiumHome, Path lockDir,
        Map<String, Integer> previousPorts, Attached attached) {

    /**
     * A session someone else owns (the daemon, on a Grid): the runner attaches to it, never creates
     * or deletes it; its owner closes it when the runner exits.
     *
     * @param capabilities what the server answered the new session with (the driver's additions, e.g. {@code pixelRatio})
     */
    public record Attached(String sessionId, Map<String, Object> capabilities) {
        public Attached {
            capabilities = capabilities == null ? Map.of() : new LinkedHashMap<>(capabilities);
        }
    }

    private static final String CAPS = "appium.capabilities";
    private static final String SERVER = "appium.server";
    private static final String BIN = "appium.bin";
    private static final String HOME = "appium.home";
    private static final String LOCKS = "appium.lockDir";
    private static final String PORTS = "appium.previousPorts";
    private static final String SESSION = "appium.session";
    private static final String SESSION_CAPS = "appium.sessionCapabilities";

    public AppiumLaunch {
        capabilities = capabilities == null ? Map.of() : new LinkedHashMap<>(capabilities);
        previousPorts = previousPorts == null ? Map.of() : Map.copyOf(previousPorts);
        if (attached != null && server == null) throw new IllegalArgumentException("an attached Appium session needs its server's URL");
    }

    /** A runner that creates its own session. */
    public AppiumLaunch(Map<String, Object> capabilities, URI server, Path appiumBin, Path appiumHome, Path lockDir,
            Map<String, Integer> previousPorts) {
        this(capabilities, server, appiumBin, appiumHome, lockDir, previousPorts, null);
    }

    public Map<String, String> toOptions() {
        Map<String, String> o = new HashMap<>();
        o.put(CAPS, Json.text(capabilities));
        if (server != null) o.put(SERVER, server.toString());
        if (appiumBin != null) o.put(BIN, appiumBin.toString());
        if (appiumHome != null) o.put(HOME, appiumHome.toString());
        if (lockDir != null) o.put(LOCKS, lockDir.toString());
        if (!previousPorts.isEmpty()) o.put(PORTS, Json.text(previousPorts));
        if (attached != null) {
            o.put(SESSION, attached.sessionId());
            o.put(SESSION_CAPS, Json.text(attached.capabilities()));
        }
        return o;
    }

    public static AppiumLaunch fromOptions(Map<String, String> o) {
        try {
            Map<String, Object> caps = o.containsKey(CAPS) ? Json.MAPPER.readValue(o.get(CAPS), new TypeReference<>() {}) : Map.of();
            Map<String, Integer> ports = o.containsKey(PORTS) ? Json.MAPPER.readValue(o.get(PORTS), new TypeReference<>() {}) : Map.of();
            Attached attached = o.containsKey(SESSION) ? new Attached(o.get(SESSION), o.containsKey(SESSION_CAPS)
                    ? Json.MAPPER.readValue(o.get(SESSION_CAPS), new TypeReference<Map<String, Object>>() {}) : Map.of()) : null;
            return new AppiumLaunch(caps, o.containsKey(SERVER) ? URI.create(o.get(SERVER)) : null, path(o, BIN), path(o, HOME),
                    path(o, LOCKS), ports, attached);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable Appium launch options: " + e.getMessage(), e);
        }
    }

    private static Path path(Map<String, String> o, String key) {
        return o.containsKey(key) ? Path.of(o.get(key)) : null;
    }
}
