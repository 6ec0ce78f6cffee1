package dev.tandem.daemon.devices;

import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.YNode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Suggest;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code type: appium} entries of {@code devices.yaml} (docs/appium.md): Android and iOS devices
 * (and Appium's fake driver) with their W3C capabilities, on an Appium server Tandem starts per
 * device or on the {@code server:} URL of one it does not own. Each device's platform comes from
 * its {@code platformName}; ids are given or made from the platform and the udid.
 */
public final class AppiumEntries {
    static final List<String> KEYS = List.of("type", "name", "server", "devices", "discover");
    static final List<String> DEVICE_KEYS = List.of("id", "capabilities");

    /** One {@code platformName} Appium knows, with Tandem's platform and the driver Tandem picks when none is named. */
    record Kind(String platformName, Platform platform, String automationName) {}

    static final List<Kind> KINDS = List.of(
            new Kind("Android", Platform.ANDROID, "UiAutomator2"),
            new Kind("iOS", Platform.IOS, "XCUITest"),
            new Kind("Fake", Platform.of("appium-fake"), "Fake"));

    /** The per-device host ports capabilities may give explicitly (DESIGN §7); Tandem assigns the others. */
    static final Set<String> PORT_CAPS = Set.of("appium:systemPort", "appium:mjpegServerPort", "appium:chromedriverPort",
            "appium:wdaLocalPort");

    private AppiumEntries() {}

    /**
     * A {@code type: appium} entry: its name, the server it names (null: Tandem starts one per
     * device), its devices, and whether it also offers what {@code adb} and {@code simctl} find
     * ({@code discover: true}; what no file declares is discovered too).
     */
    public record Pool(String name, URI server, List<Device> devices, boolean discover) {
        public Pool {
            devices = List.copyOf(devices);
        }

        /** The same source with discovered devices added (a declared device of the same id wins). */
        public Pool with(List<Device> found) {
            List<Device> all = new ArrayList<>(devices);
            for (Device d : found) if (all.stream().noneMatch(x -> x.id().equals(d.id()))) all.add(d);
            return new Pool(name, server, all, discover);
        }

        public List<DeviceSlot> slots() {
            return devices.stream().map(d -> new DeviceSlot(d.id(), d.platform(), null, name)).toList();
        }
    }

    /** One Appium device: its id, platform and capabilities (with {@code appium:automationName} set and app paths absolute). */
    public record Device(String id, Platform platform, Map<String, Object> capabilities) {
        public String automationName() {
            return String.valueOf(capabilities.get("appium:automationName"));
        }
    }

    static Pool parse(YNode.Map m, String name, Path baseDir, List<Diagnostic> problems, Set<String> ids, Map<Platform, Integer> next) {
        URI server = null;
        YNode.Entry serverEntry = m.get("server");
        if (serverEntry != null) server = server(serverEntry.value(), problems);
        YNode.Entry devices = m.get("devices");
        boolean discover = false;
        YNode.Entry discoverEntry = m.get("discover");
        if (discoverEntry != null) {
            if (discoverEntry.value() instanceof YNode.Scalar b && b.kind() == YNode.Kind.BOOL) {
                discover = b.asBool();
            } else {
                problems.add(new Diagnostic(discoverEntry.value().pos(), "'discover' is true or false, found " + discoverEntry.value().describe(),
                        "write `discover: true` to add the devices adb and xcrun simctl find"));
            }
        }
        List<Device> out = new ArrayList<>();
        if (devices == null && discover) {
            // discovery alone: no declared devices
        } else if (devices == null) {
            problems.add(new Diagnostic(m.pos(), "an appium source needs a 'devices' list",
                    "add `devices:` with entries like `- {capabilities: {platformName: Android, appium:udid: emulator-5554}}`, "
                            + "or `discover: true`"));
        } else if (!(devices.value() instanceof YNode.Seq seq)) {
            problems.add(new Diagnostic(devices.value().pos(), "'devices' must be a list, found " + devices.value().describe(),
                    "write each device as `- {id: pixel, capabilities: {platformName: Android}}`"));
        } else {
            Map<Integer, String> portsTaken = new HashMap<>();
            for (YNode item : seq.items()) {
                Device d = device(item, baseDir, problems, ids, next, portsTaken);
                if (d != null) out.add(d);
            }
        }
        return new Pool(name, server, out, discover);
    }

    private static URI server(YNode v, List<Diagnostic> problems) {
        String s = text(v);
        try {
            URI u = s == null ? null : new URI(s);
            if (u != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return u;
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        problems.add(new Diagnostic(v.pos(), "'server' must be the http URL of an Appium server, found " + v.describe(),
                "e.g. `server: http://127.0.0.1:4723`, or drop it and Tandem starts a server per device"));
        return null;
    }

    private static Device device(YNode item, Path baseDir, List<Diagnostic> problems, Set<String> ids, Map<Platform, Integer> next,
            Map<Integer, String> portsTaken) {
        if (!(item instanceof YNode.Map m)) {
            problems.add(new Diagnostic(item.pos(), "an appium device is a mapping with 'capabilities', found " + item.describe(),
                    "write it as `{id: pixel, capabilities: {platformName: Android}}`"));
            return null;
        }
        int before = problems.size();
        for (YNode.Entry e : m.entries()) {
            if (!DEVICE_KEYS.contains(e.key())) problems.add(DevicesFile.unknownKey(e, DEVICE_KEYS, "an appium device"));
        }
        YNode.Entry capsEntry = m.get("capabilities");
        if (capsEntry == null || !(capsEntry.value() instanceof YNode.Map caps)) {
            problems.add(new Diagnostic(capsEntry == null ? m.pos() : capsEntry.value().pos(), "an appium device needs a 'capabilities' mapping",
                    "add `capabilities: {platformName: Android, appium:udid: emulator-5554}`"));
            return null;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        for (YNode.Entry e : caps.entries()) c.put(e.key(), value(e.value()));
        YNode.Entry pn = caps.get("platformName");
        Kind kind = pn == null ? null : KINDS.stream().filter(k -> k.platformName().equalsIgnoreCase(String.valueOf(c.get("platformName"))))
                .findFirst().orElse(null);
        if (kind == null) {
            List<String> names = KINDS.stream().map(Kind::platformName).toList();
            String close = pn == null ? null : Suggest.closest(String.valueOf(c.get("platformName")), names);
            problems.add(new Diagnostic(pn == null ? caps.pos() : pn.value().pos(),
                    pn == null ? "the capabilities need a 'platformName'" : "unknown platformName '" + c.get("platformName") + "'",
                    (close != null ? "did you mean '" + close + "'? " : "") + "use one of " + String.join(", ", names)));
            return null;
        }
        c.putIfAbsent("appium:automationName", kind.automationName());
        YNode.Entry app = caps.get("appium:app");
        if (app != null && text(app.value()) != null && !text(app.value()).contains("://")) {
            c.put("appium:app", baseDir.resolve(text(app.value())).toAbsolutePath().normalize().toString());
        }
        for (String port : PORT_CAPS) {
            YNode.Entry e = caps.get(port);
            if (e == null) continue;
            Long p = e.value() instanceof YNode.Scalar s ? s.asLong() : null;
            if (p == null || p < 1024 || p > 65_535) {
                problems.add(new Diagnostic(e.value().pos(), "'" + port + "' must be a port from 1024 to 65535, found " + e.value().describe(),
                        "give a free port, or drop it and Tandem assigns one"));
            } else if (portsTaken.putIfAbsent(p.intValue(), port) != null) {
                problems.add(new Diagnostic(e.value().pos(), "port " + p + " is given to two devices (" + portsTaken.get(p.intValue()) + ")",
                        "give each device its own port, or drop it and Tandem assigns one"));
            }
        }
        String id = id(m, kind.platform(), c, problems, next);
        if (id != null && !ids.add(id)) {
            problems.add(new Diagnostic(m.get("id") != null ? m.get("id").value().pos() : m.pos(), "two devices have the id '" + id + "'",
                    "give this one its own `id:`"));
        }
        return problems.size() > before || id == null ? null : new Device(id, kind.platform(), java.util.Collections.unmodifiableMap(c));
    }

    /** The given id, else {@code <platform>-<udid>} (DESIGN §7: {@code android-emulator-5554}), else {@code <platform>-N}. */
    private static String id(YNode.Map m, Platform platform, Map<String, Object> caps, List<Diagnostic> problems, Map<Platform, Integer> next) {
        YNode.Entry idEntry = m.get("id");
        if (idEntry != null) {
            String id = text(idEntry.value());
            if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                problems.add(new Diagnostic(idEntry.value().pos(), "a device id is lower-case letters, digits, '.', '_' and '-', found "
                        + idEntry.value().describe(), "e.g. `id: pixel-7`"));
                return null;
            }
            return id;
        }
        Object udid = caps.get("appium:udid");
        if (udid != null) return platform.name() + "-" + udid.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        int n = next.getOrDefault(platform, 1);
        next.put(platform, n + 1);
        return platform.name() + "-" + n;
    }

    /** A capability's value as JSON would carry it: strings, numbers, booleans, lists and maps. */
    private static Object value(YNode v) {
        return switch (v) {
            case YNode.Scalar s -> switch (s.kind()) {
                case INT -> s.asLong() != null ? (Object) s.asLong() : s.text();
                case FLOAT -> number(s.text());
                case BOOL -> s.asBool();
                case NULL -> null;
                case STR -> s.text();
            };
            case YNode.Seq q -> q.items().stream().map(AppiumEntries::value).toList();
            case YNode.Map mm -> {
                Map<String, Object> o = new LinkedHashMap<>();
                mm.entries().forEach(e -> o.put(e.key(), value(e.value())));
                yield o;
            }
        };
    }

    private static Object number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text; // .inf, .nan: Appium reads what it reads
        }
    }

    private static String text(YNode v) {
        return v instanceof YNode.Scalar s && s.kind() != YNode.Kind.NULL ? s.text() : null;
    }
}
