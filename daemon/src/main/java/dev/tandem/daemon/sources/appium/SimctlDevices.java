package dev.tandem.daemon.sources.appium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code xcrun simctl list -j devices}: {@code {"devices": {RUNTIME: [{udid, name, state,
 * isAvailable, deviceTypeIdentifier}, …]}}}, the runtime a key like
 * {@code com.apple.CoreSimulator.SimRuntime.iOS-17-5} (older Xcodes: {@code iOS 12.1}). Keeps the
 * available simulators of iOS runtimes; watchOS, tvOS and visionOS ones are not phones Appium's
 * XCUITest driver is set up for here.
 */
public final class SimctlDevices {
    private static final Pattern RUNTIME = Pattern.compile("(?:com\\.apple\\.CoreSimulator\\.SimRuntime\\.iOS-([0-9]+(?:-[0-9]+)*)"
            + "|iOS ([0-9]+(?:\\.[0-9]+)*))");

    private SimctlDevices() {}

    /**
     * One simulator.
     *
     * @param state as simctl says it: {@code Booted}, {@code Shutdown}, {@code Booting}, {@code Shutting Down}…
     * @param runtimeVersion {@code 17.5} for runtime {@code …SimRuntime.iOS-17-5}
     */
    public record Simulator(String udid, String name, String state, String runtimeVersion, String runtime, String deviceType) {
        public boolean booted() {
            return state.equals("Booted");
        }
    }

    /** Not the JSON simctl prints (truncated, an error text, another shape): discovery turns it into a note. */
    public static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why);
        }
    }

    public static List<Simulator> parse(String json) throws Unreadable {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new Unreadable("not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.path("devices").isObject()) throw new Unreadable("no \"devices\" object");
        List<Simulator> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("devices").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> runtime = it.next();
            String version = iosVersion(runtime.getKey());
            if (version == null || !runtime.getValue().isArray()) continue;
            for (JsonNode d : runtime.getValue()) {
                String udid = d.path("udid").asText("");
                String name = d.path("name").asText("");
                if (!d.path("isAvailable").asBoolean(false) || udid.isEmpty() || name.isEmpty()) continue;
                out.add(new Simulator(udid, name, d.path("state").asText("Unknown"), version, runtime.getKey(),
                        d.path("deviceTypeIdentifier").asText(null)));
            }
        }
        return out;
    }

    /** {@code 17.5} for an iOS runtime key, null for any other platform's. */
    static String iosVersion(String runtime) {
        Matcher m = RUNTIME.matcher(runtime);
        if (!m.matches()) return null;
        return m.group(1) != null ? m.group(1).replace('-', '.') : m.group(2);
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
