package dev.tandem.daemon.devices;

import dev.tandem.device.BackendProvider;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.SourcePos;
import dev.tandem.plan.YNode;
import dev.tandem.plan.YamlDocument;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Suggest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code devices.yaml}: the device sources a daemon offers (docs/devices.md). A {@code sources:}
 * list of entries such as {@code {type: sim, count: 8, latency: realistic}} or
 * {@code {type: web, count: 4, profiles: [pixel-7]}}, and {@code type: appium} entries with devices and
 * their capabilities ({@link AppiumEntries}), and {@code type: grid} entries naming a Selenium Grid ({@link GridEntries}). Every bad entry is a diagnostic with its position; no file means
 * today's defaults. The environment variables stay as shortcuts: {@code TANDEM_SIM_DEVICES},
 * {@code TANDEM_SIM_LATENCY} and {@code TANDEM_WEB_DEVICES} override the first sim or web entry.
 */
public final class DevicesFile {
    /** Where the daemon looks when no {@code --devices FILE} is given. */
    public static final String FILE_NAME = "devices.yaml";
    /** The daemon setting that names the file ({@code tandem --devices FILE} sets it). */
    public static final String ENV = "TANDEM_DEVICES_FILE";
    static final int MAX_COUNT = 256;
    static final List<String> TOP_KEYS = List.of("sources");
    static final List<String> TYPES = List.of("sim", "web", "appium", "grid");
    static final Map<String, List<String>> KEYS = Map.of(
            "sim", List.of("type", "name", "count", "latency"),
            "web", List.of("type", "name", "count", "profiles"),
            "appium", AppiumEntries.KEYS,
            "grid", GridEntries.KEYS);

    /**
     * One local pool: {@code count} devices of one platform, numbered on from the pools before it.
     *
     * @param profiles each device's starting profile, in turn (sim: the latency; web: device profiles)
     */
    public record Pool(String name, Platform platform, int count, List<String> profiles, int firstNumber) {
        public List<DeviceSlot> slots() {
            List<DeviceSlot> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(new DeviceSlot(platform.name() + "-" + (firstNumber + i), platform, profiles.get(i % profiles.size()), name));
            }
            return out;
        }
    }

    /** What a devices file declared: its local pools and Appium sources, or the problems that make it unusable. */
    public record Loaded(String file, List<Pool> pools, List<AppiumEntries.Pool> appium, List<GridEntries.Source> grids,
            List<Diagnostic> problems) {
        public Loaded {
            appium = List.copyOf(appium);
            grids = List.copyOf(grids);
        }

        public Loaded(String file, List<Pool> pools, List<AppiumEntries.Pool> appium, List<Diagnostic> problems) {
            this(file, pools, appium, List.of(), problems);
        }

        public Loaded(String file, List<Pool> pools, List<Diagnostic> problems) {
            this(file, pools, List.of(), problems);
        }

        public DevicePool pool() {
            return problems.isEmpty()
                    ? new DevicePool(java.util.stream.Stream.concat(pools.stream().flatMap(p -> p.slots().stream()),
                            appium.stream().flatMap(a -> a.slots().stream())).toList(), List.of(), file)
                    : new DevicePool(List.of(), problems, file);
        }

        /**
         * The Appium drivers ({@code appium:automationName} values, e.g. {@code UiAutomator2},
         * {@code XCUITest}, {@code Fake}) that this file's appium devices need, for {@code tandem prepare}.
         */
        public Set<String> automationNames() {
            Set<String> out = new java.util.TreeSet<>();
            appium.forEach(a -> a.devices().forEach(d -> out.add(d.automationName())));
            return out;
        }
    }

    private DevicesFile() {}

    /** The file a daemon with this environment and state dir reads: the setting, else {@code $TANDEM_HOME/devices.yaml}. */
    public static Path path(Map<String, String> env, Path stateRoot) {
        String set = env.get(ENV);
        return set != null && !set.isBlank() ? Path.of(set) : stateRoot.resolve(FILE_NAME);
    }

    /**
     * Reads the devices file; the defaults when it does not exist (an explicitly named file that is
     * missing is an error: a typo must not quietly give the defaults).
     */
    public static Loaded load(Map<String, String> env, Path stateRoot) {
        Path file = path(env, stateRoot);
        boolean named = env.get(ENV) != null && !env.get(ENV).isBlank();
        if (!Files.exists(file)) {
            if (!named) return new Loaded(null, defaults(env), List.of());
            return new Loaded(file.toString(), List.of(), List.of(new Diagnostic(new SourcePos(file.toString(), 1, 1),
                    "the devices file does not exist", "create it (see docs/devices.md) or drop --devices / " + ENV)));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Loaded(file.toString(), List.of(), List.of(new Diagnostic(new SourcePos(file.toString(), 1, 1),
                    "cannot read the devices file: " + e.getMessage(), "check that it is a readable regular file")));
        }
        return parse(text, file.toString(), env);
    }

    /** The pools with no devices file: 8 sims and 4 web devices, or what the environment says. */
    public static List<Pool> defaults(Map<String, String> env) {
        return withEnv(List.of(new Pool("sim", Platform.SIM, 8, List.of("realistic"), 1),
                new Pool("web", Platform.WEB, 4, List.of(DevicePool.DEFAULT_WEB_PROFILE), 1)), env);
    }

    public static Loaded parse(String text, String file, Map<String, String> env) {
        YamlDocument doc = YamlDocument.read(text, file);
        List<Diagnostic> problems = new ArrayList<>(doc.problems());
        if (doc.root() == null) {
            // an empty file (or only comments) declares nothing: the defaults, as without a file
            return problems.isEmpty() ? new Loaded(file, defaults(env), List.of()) : new Loaded(file, List.of(), problems);
        }
        List<Pool> pools = new ArrayList<>();
        List<AppiumEntries.Pool> appium = new ArrayList<>();
        List<GridEntries.Source> grids = new ArrayList<>();
        if (!(doc.root() instanceof YNode.Map top)) {
            problems.add(new Diagnostic(doc.root().pos(), "a devices file is a mapping with a 'sources' list, found "
                    + doc.root().describe(), "write `sources:` followed by entries like `- {type: sim, count: 8}`"));
            return new Loaded(file, List.of(), problems);
        }
        for (YNode.Entry e : top.entries()) {
            if (!TOP_KEYS.contains(e.key())) problems.add(unknownKey(e, TOP_KEYS, "a devices file"));
        }
        YNode.Entry sources = top.get("sources");
        if (sources == null) {
            problems.add(new Diagnostic(top.pos(), "the devices file has no 'sources' list",
                    "add `sources:` with entries like `- {type: sim, count: 8}`"));
        } else if (!(sources.value() instanceof YNode.Seq seq)) {
            problems.add(new Diagnostic(sources.value().pos(), "'sources' must be a list of entries, found " + sources.value().describe(),
                    "write each source as `- {type: sim, count: 8}`"));
        } else {
            Map<Platform, Integer> next = new HashMap<>();
            Set<String> names = new HashSet<>();
            Set<String> appiumIds = new HashSet<>();
            Path baseDir = Path.of(file).toAbsolutePath().getParent();
            for (YNode item : seq.items()) {
                Object p = entry(item, problems, names, next, appiumIds, baseDir);
                if (p instanceof Pool local) pools.add(local);
                if (p instanceof AppiumEntries.Pool a) appium.add(a);
                if (p instanceof GridEntries.Source g) grids.add(g);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
            return new Loaded(file, List.of(), List.copyOf(problems));
        }
        return new Loaded(file, withEnv(pools, env), appium, grids, List.of());
    }

    /** One source entry: a local {@link Pool}, an {@link AppiumEntries.Pool}, or null when it has problems. */
    private static Object entry(YNode item, List<Diagnostic> problems, Set<String> names, Map<Platform, Integer> next,
            Set<String> appiumIds, Path baseDir) {
        if (!(item instanceof YNode.Map m)) {
            problems.add(new Diagnostic(item.pos(), "a source is a mapping with a 'type', found " + item.describe(),
                    "write it as `{type: sim, count: 8}`"));
            return null;
        }
        YNode.Entry typeEntry = m.get("type");
        String type = typeEntry == null ? null : text(typeEntry.value());
        if (type == null) {
            problems.add(new Diagnostic(typeEntry == null ? m.pos() : typeEntry.value().pos(), "a source needs a 'type'",
                    "add `type:` with one of " + String.join(", ", TYPES)));
            return null;
        }
        if (!KEYS.containsKey(type)) {
            String close = Suggest.closest(type, TYPES);
            problems.add(new Diagnostic(typeEntry.value().pos(), "unknown source type '" + type + "'",
                    (close != null ? "did you mean '" + close + "'? " : "") + "the types are " + String.join(", ", TYPES)));
            return null;
        }
        Platform platform = type.equals("appium") || type.equals("grid") ? null : Platform.of(type);
        List<String> keys = KEYS.get(type);
        int before = problems.size();
        for (YNode.Entry e : m.entries()) if (!keys.contains(e.key())) problems.add(unknownKey(e, keys, (type.matches("[aeiou].*") ? "an " : "a ") + type + " source"));
        String name = type;
        YNode.Entry nameEntry = m.get("name");
        if (nameEntry != null) {
            String n = text(nameEntry.value());
            if (n == null || !n.matches("[a-z][a-z0-9-]{0,31}")) {
                problems.add(new Diagnostic(nameEntry.value().pos(), "a source name is lower-case letters, digits and '-', found "
                        + nameEntry.value().describe(), "e.g. `name: fast-sims`"));
            } else {
                name = n;
            }
        }
        if (!names.add(name)) {
            SourcePos at = nameEntry != null ? nameEntry.value().pos() : typeEntry.keyPos();
            problems.add(new Diagnostic(at, "two sources are named '" + name + "'",
                    "give this one its own `name:` (a second " + type + " source needs one)"));
        }
        int count = type.equals("sim") ? 8 : 4;
        YNode.Entry countEntry = m.get("count");
        if (countEntry != null) {
            Long c = countEntry.value() instanceof YNode.Scalar s ? s.asLong() : null;
            if (c == null || c < 0 || c > MAX_COUNT) {
                problems.add(new Diagnostic(countEntry.value().pos(), "'count' must be a whole number from 0 to " + MAX_COUNT
                        + ", found " + countEntry.value().describe(), "e.g. `count: 4`"));
            } else {
                count = c.intValue();
            }
        }
        List<String> profiles = type.equals("sim") ? List.of("realistic") : List.of(DevicePool.DEFAULT_WEB_PROFILE);
        if (type.equals("sim") && m.get("latency") != null) {
            YNode v = m.get("latency").value();
            String l = text(v);
            List<String> known = known(platform);
            if (l == null || (!known.isEmpty() && !known.contains(l))) {
                String close = l == null ? null : Suggest.closest(l, known);
                problems.add(new Diagnostic(v.pos(), "unknown sim latency " + (l == null ? v.describe() : "'" + l + "'"),
                        (close != null ? "did you mean '" + close + "'? " : "") + "use one of " + String.join(", ", known)));
            } else {
                profiles = List.of(l);
            }
        }
        if (type.equals("web") && m.get("profiles") != null) {
            profiles = webProfiles(m.get("profiles").value(), problems, known(platform));
        }
        if (type.equals("grid")) {
            GridEntries.Source g = GridEntries.parse(m, name, problems, known(Platform.WEB), (v, p) -> webProfiles(v, p, known(Platform.WEB)));
            return problems.size() > before ? null : g;
        }
        if (type.equals("appium")) {
            AppiumEntries.Pool a = AppiumEntries.parse(m, name, baseDir, problems, appiumIds, next);
            return problems.size() > before ? null : a;
        }
        if (problems.size() > before) return null;
        int first = next.getOrDefault(platform, 1);
        next.put(platform, first + count);
        return new Pool(name, platform, count, profiles, first);
    }

    private static List<String> webProfiles(YNode v, List<Diagnostic> problems, List<String> known) {
        List<YNode> items = v instanceof YNode.Seq s ? s.items() : List.of(v);
        List<String> out = new ArrayList<>();
        for (YNode item : items) {
            String p = text(item);
            if (p == null || (!known.isEmpty() && known.stream().noneMatch(p::equalsIgnoreCase))) {
                String close = p == null ? null : Suggest.closest(p, known);
                problems.add(new Diagnostic(item.pos(), "unknown web profile " + (p == null ? item.describe() : "'" + p + "'"),
                        (close != null ? "did you mean '" + close + "'? " : "") + "the profiles are " + String.join(", ", known)));
            } else {
                out.add(p);
            }
        }
        if (items.isEmpty()) {
            problems.add(new Diagnostic(v.pos(), "'profiles' is empty", "name at least one, e.g. `profiles: [pixel-7]`, or drop the key"));
        }
        return out.isEmpty() ? List.of(DevicePool.DEFAULT_WEB_PROFILE) : List.copyOf(out);
    }

    /** The profile names a platform's backend accepts; empty when its backend is not on this classpath (then any). */
    private static List<String> known(Platform platform) {
        return BackendProvider.find(platform.name()).map(BackendProvider::profiles).orElse(List.of());
    }

    static Diagnostic unknownKey(YNode.Entry e, List<String> keys, String where) {
        String close = Suggest.closest(e.key(), keys);
        return new Diagnostic(e.keyPos(), "unknown key '" + e.key() + "' in " + where,
                (close != null ? "did you mean '" + close + "'? " : "") + "the keys are " + String.join(", ", keys));
    }

    private static String text(YNode v) {
        return v instanceof YNode.Scalar s && s.kind() != YNode.Kind.NULL ? s.text() : null;
    }

    /**
     * The environment shortcuts over the first sim and web pools: {@code TANDEM_SIM_DEVICES},
     * {@code TANDEM_SIM_LATENCY}, {@code TANDEM_WEB_DEVICES} (an unreadable number is ignored, as before).
     */
    static List<Pool> withEnv(List<Pool> pools, Map<String, String> env) {
        List<Pool> out = new ArrayList<>();
        boolean simDone = false;
        boolean webDone = false;
        Map<Platform, Integer> shift = new HashMap<>();
        for (Pool p : pools) {
            Pool q = p;
            if (p.platform().equals(Platform.SIM) && !simDone) {
                simDone = true;
                String latency = env.get("TANDEM_SIM_LATENCY");
                q = new Pool(p.name(), p.platform(), intOr(env.get("TANDEM_SIM_DEVICES"), p.count()),
                        latency != null ? List.of(latency) : p.profiles(), p.firstNumber());
            } else if (p.platform().equals(Platform.WEB) && !webDone) {
                webDone = true;
                q = new Pool(p.name(), p.platform(), intOr(env.get("TANDEM_WEB_DEVICES"), p.count()), p.profiles(), p.firstNumber());
            }
            // a changed count renumbers the later pools of the platform, so ids stay unique and dense
            int s = shift.getOrDefault(p.platform(), 0);
            q = new Pool(q.name(), q.platform(), q.count(), q.profiles(), q.firstNumber() + s);
            shift.put(p.platform(), s + q.count() - p.count());
            out.add(q);
        }
        return List.copyOf(out);
    }

    private static int intOr(String s, int fallback) {
        try {
            return s == null ? fallback : Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
