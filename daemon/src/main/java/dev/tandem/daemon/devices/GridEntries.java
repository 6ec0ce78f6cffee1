package dev.tandem.daemon.devices;

import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.YNode;
import dev.tandem.protocol.Platform;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code type: grid} entries of {@code devices.yaml} (docs/grid.md): a Selenium Grid 4 by its
 * URL, the stereotypes Tandem may lease slots of (default: Chrome, as web devices), a cap on how
 * many of its slots Tandem uses, and the web profiles its browsers start with.
 */
public final class GridEntries {
    static final List<String> KEYS = List.of("type", "name", "url", "stereotypes", "slots", "profiles");
    /** What a grid entry leases when it names no stereotypes: Chrome sessions, driven as web devices over CDP. */
    public static final Map<String, Object> CHROME = Map.of("browserName", "chrome");

    private GridEntries() {}

    /**
     * One {@code type: grid} entry.
     *
     * @param url the Grid's base URL (the hub or router), without a trailing slash
     * @param stereotypes capability sets; a slot is leased when its stereotype has every one of a set's values
     * @param slots at most this many devices from this Grid (null: as many as its matching slots)
     * @param profiles each web device's starting profile, in turn
     */
    public record Source(String name, URI url, List<Map<String, Object>> stereotypes, Integer slots, List<String> profiles) {
        public Source {
            stereotypes = List.copyOf(stereotypes);
            profiles = List.copyOf(profiles);
        }
    }

    /**
     * The platform a stereotype's sessions are driven as: a browser is web (CDP), else its
     * {@code platformName} as an Appium device has it (Android, iOS, Fake: {@link AppiumEntries}).
     */
    public static Platform platformOf(Map<String, Object> stereotype) {
        if (stereotype.get("browserName") != null) return Platform.WEB;
        String p = String.valueOf(stereotype.get("platformName"));
        return AppiumEntries.KINDS.stream().filter(k -> k.platformName().equalsIgnoreCase(p)).map(AppiumEntries.Kind::platform)
                .findFirst().orElse(Platform.ANDROID);
    }

    static Source parse(YNode.Map m, String name, List<Diagnostic> problems, List<String> knownProfiles,
            java.util.function.BiFunction<YNode, List<Diagnostic>, List<String>> profilesOf) {
        URI url = null;
        YNode.Entry urlEntry = m.get("url");
        if (urlEntry == null) {
            problems.add(new Diagnostic(m.pos(), "a grid source needs the 'url' of the Grid", "add e.g. `url: http://127.0.0.1:4444`"));
        } else {
            url = url(urlEntry.value(), problems);
        }
        List<Map<String, Object>> stereotypes = new ArrayList<>();
        YNode.Entry st = m.get("stereotypes");
        if (st == null) {
            stereotypes.add(CHROME);
        } else if (!(st.value() instanceof YNode.Seq seq) || seq.items().isEmpty()) {
            problems.add(new Diagnostic(st.value().pos(), "'stereotypes' is a non-empty list of capability mappings, found "
                    + st.value().describe(), "e.g. `stereotypes: [{browserName: chrome}, {platformName: Android}]`"));
        } else {
            for (YNode item : seq.items()) {
                Map<String, Object> caps = stereotype(item, problems);
                if (caps != null) stereotypes.add(caps);
            }
        }
        Integer slots = null;
        YNode.Entry slotsEntry = m.get("slots");
        if (slotsEntry != null) {
            Long c = slotsEntry.value() instanceof YNode.Scalar s ? s.asLong() : null;
            if (c == null || c < 1 || c > DevicesFile.MAX_COUNT) {
                problems.add(new Diagnostic(slotsEntry.value().pos(), "'slots' must be a whole number from 1 to " + DevicesFile.MAX_COUNT
                        + ", found " + slotsEntry.value().describe(), "e.g. `slots: 4`, or drop it to use every matching slot"));
            } else {
                slots = c.intValue();
            }
        }
        List<String> profiles = m.get("profiles") == null ? List.of(DevicePool.DEFAULT_WEB_PROFILE)
                : profilesOf.apply(m.get("profiles").value(), problems);
        return new Source(name, url, stereotypes, slots, profiles);
    }

    private static URI url(YNode v, List<Diagnostic> problems) {
        String s = v instanceof YNode.Scalar sc && sc.kind() != YNode.Kind.NULL ? sc.text() : null;
        try {
            URI u = s == null ? null : new URI(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            if (u != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    && u.getQuery() == null && u.getFragment() == null) return u;
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        problems.add(new Diagnostic(v.pos(), "'url' must be the http(s) URL of a Selenium Grid, found " + v.describe(),
                "e.g. `url: http://127.0.0.1:4444` (the hub or router, without /wd/hub or a query)"));
        return null;
    }

    private static Map<String, Object> stereotype(YNode item, List<Diagnostic> problems) {
        if (!(item instanceof YNode.Map caps) || caps.entries().isEmpty()) {
            problems.add(new Diagnostic(item.pos(), "a stereotype is a mapping of capabilities, found " + item.describe(),
                    "e.g. `{browserName: chrome}` or `{platformName: Android, appium:automationName: UiAutomator2}`"));
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (YNode.Entry e : caps.entries()) {
            if (!(e.value() instanceof YNode.Scalar s) || s.kind() == YNode.Kind.NULL) {
                problems.add(new Diagnostic(e.value().pos(), "a stereotype's capability '" + e.key() + "' is matched as text, found "
                        + e.value().describe(), "give a plain value such as `chrome`; nested options belong on the node"));
                return null;
            }
            out.put(e.key(), s.text());
        }
        if (!out.containsKey("browserName") && !out.containsKey("platformName")) {
            problems.add(new Diagnostic(caps.pos(), "a stereotype needs a 'browserName' (web over CDP) or a 'platformName' (Appium)",
                    "e.g. `{browserName: chrome}` or `{platformName: Android}`"));
            return null;
        }
        if (out.containsKey("browserName") && !List.of("chrome", "chromium").contains(out.get("browserName").toString().toLowerCase(java.util.Locale.ROOT))) {
            problems.add(new Diagnostic(caps.get("browserName").value().pos(), "Tandem drives Chrome and Chromium on a Grid (over CDP), not '"
                    + out.get("browserName") + "'", "use `browserName: chrome`"));
            return null;
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
