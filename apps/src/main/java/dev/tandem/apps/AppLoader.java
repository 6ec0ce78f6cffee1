package dev.tandem.apps;

import dev.tandem.protocol.ImeAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads an app definition: YAML to plain maps (bounded: no alias bombs, no huge files), then to
 * records, expanding {@code repeat}, filling defaults and collecting every problem with its path.
 * Cross-references (targets, screens, templates) are checked by {@link AppChecks}.
 */
public final class AppLoader {
    static final int MAX_FILE_CHARS = 1_000_000;
    static final int MAX_ELEMENTS = 20_000;
    static final int MAX_DEPTH = 16;
    /** A field's own keyboard actions: enter is the hardware key every field takes, never a field's own. */
    static final List<String> FIELD_IME_ACTIONS = ImeAction.FIELD_ACTIONS.stream().map(ImeAction::wireName).toList();

    private static final Set<String> APP_KEYS = Set.of("appId", "name", "initialScreen", "onMessage", "screens");
    private static final Set<String> SCREEN_KEYS = Set.of("name", "title", "focus", "elements");
    private static final Set<String> ELEMENT_KEYS = Set.of("id", "role", "text", "hint", "enabled", "checked", "visible",
            "height", "secret", "imeAction", "dock", "onTap", "onLongPress", "onIme", "layout", "children", "repeat");
    private static final Set<String> REPEAT_KEYS = Set.of("count", "text", "id");

    private final Problems problems;
    private int elementCount;

    private AppLoader(String source) {
        this.problems = new Problems(source);
    }

    public static AppDefinition load(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_CHARS) {
                throw new AppDefinitionException(List.of(file + ": the file is larger than " + MAX_FILE_CHARS
                        + " bytes; an app definition is a few kilobytes, check that this is the right file"));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AppDefinitionException(List.of(file + ": no such file; check the path of the app definition"));
        } catch (IOException e) {
            throw new AppDefinitionException(List.of(file + ": cannot read the file (" + e.getMessage() + ")"));
        }
        return parse(text, file.toString());
    }

    /** Parses one definition; {@code source} names it in error messages (a file path or resource name). */
    public static AppDefinition parse(String yaml, String source) {
        Object root;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(source)
                    .setSchema(new CoreSchema())
                    .setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(50)
                    .setCodePointLimit(MAX_FILE_CHARS)
                    .build();
            root = new Load(settings).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new AppDefinitionException(List.of(source + ": not valid YAML: " + e.getMessage().strip()));
        }
        AppLoader loader = new AppLoader(source);
        if (!(root instanceof Map<?, ?> map)) {
            loader.problems.add("", "an app definition is a mapping with appId, name, screens; found "
                    + (root == null ? "an empty document" : Fields.describe(root)));
            loader.problems.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        AppDefinition def = loader.app(map);
        loader.problems.throwIfAny();
        AppChecks.check(def, loader.problems);
        loader.problems.throwIfAny();
        return def;
    }

    private AppDefinition app(Map<?, ?> map) {
        Fields f = new Fields(map, "", problems, APP_KEYS);
        String appId = f.required("appId");
        String name = f.required("name");
        List<Action> onMessage = actions(f.list("onMessage"), f.at("onMessage"), true);
        List<ScreenDef> screens = new ArrayList<>();
        List<?> rawScreens = f.list("screens");
        if (rawScreens.isEmpty() && !f.has("screens")) problems.add("screens", "missing required key 'screens' (a list of screens)");
        else if (rawScreens.isEmpty()) problems.add("screens", "an app needs at least one screen");
        for (int i = 0; i < rawScreens.size(); i++) {
            String path = "screens[" + i + "]";
            if (rawScreens.get(i) instanceof Map<?, ?> sm) screens.add(screen(sm, path));
            else problems.add(path, "expected a screen (a mapping with name, title, elements), found " + Fields.describe(rawScreens.get(i)));
        }
        String initial = f.string("initialScreen");
        if (initial == null && !screens.isEmpty()) initial = screens.getFirst().name();
        return new AppDefinition(appId, name, initial, onMessage, screens);
    }

    private ScreenDef screen(Map<?, ?> map, String path) {
        Fields f = new Fields(map, path, problems, SCREEN_KEYS);
        String name = f.required("name");
        String title = f.string("title");
        return new ScreenDef(name, title == null ? "" : title, f.string("focus"), elements(f.list("elements"), f.at("elements"), 0));
    }

    private List<ElementDef> elements(List<?> raw, String path, int depth) {
        List<ElementDef> out = new ArrayList<>();
        if (depth > MAX_DEPTH) {
            problems.add(path, "elements are nested more than " + MAX_DEPTH + " levels deep");
            return out;
        }
        for (int i = 0; i < raw.size(); i++) {
            String p = path + "[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> m)) {
                problems.add(p, "expected an element (a mapping with role, id, text…), found " + Fields.describe(raw.get(i)));
                continue;
            }
            if (m.get("repeat") == null) {
                out.add(element(m, p, depth));
                continue;
            }
            for (Map.Entry<Integer, Map<?, ?>> copy : repeat(m, p).entrySet()) {
                out.add(element(copy.getValue(), p + "(i=" + copy.getKey() + ")", depth));
            }
        }
        return out;
    }

    /** The copies of a repeated element, keyed by {@code i} (1-based), with {@code ${i}} replaced everywhere. */
    private Map<Integer, Map<?, ?>> repeat(Map<?, ?> element, String path) {
        Map<Integer, Map<?, ?>> out = new LinkedHashMap<>();
        if (!(element.get("repeat") instanceof Map<?, ?> r)) {
            problems.add(path + ".repeat", "expected {count, text, id}, found " + Fields.describe(element.get("repeat")));
            return out;
        }
        Fields f = new Fields(r, path + ".repeat", problems, REPEAT_KEYS);
        Integer count = f.integer("count", 1, MAX_ELEMENTS);
        if (count == null) {
            if (!f.has("count")) problems.add(path + ".repeat.count", "missing required key 'count'");
            return out;
        }
        Map<Object, Object> template = new LinkedHashMap<>(element);
        template.remove("repeat");
        if (f.string("text") != null) template.put("text", f.string("text"));
        if (f.string("id") != null) template.put("id", f.string("id"));
        for (int i = 1; i <= count; i++) {
            String index = Integer.toString(i);
            out.put(i, (Map<?, ?>) substitute(template, index));
        }
        return out;
    }

    private static Object substitute(Object value, String index) {
        if (value instanceof String s) return s.replace("${i}", index);
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, substitute(v, index)));
            return copy;
        }
        if (value instanceof List<?> l) return l.stream().map(v -> substitute(v, index)).toList();
        return value;
    }

    private ElementDef element(Map<?, ?> map, String path, int depth) {
        if (++elementCount == MAX_ELEMENTS + 1) problems.add(path, "an app may have at most " + MAX_ELEMENTS + " elements");
        Fields f = new Fields(map, path, problems, ELEMENT_KEYS);
        String roleName = f.required("role");
        Role role = roleName == null ? Role.TEXT : Role.byName(roleName).orElse(null);
        if (role == null) {
            problems.add(f.at("role"), "unknown role '" + roleName + "'" + Problems.suggest(roleName, Role.names())
                    + "; use one of " + String.join(", ", Role.names()));
            role = Role.TEXT;
        }
        String id = f.string("id");
        if (id != null && (id.isBlank() || id.startsWith("system:"))) {
            problems.add(f.at("id"), "'" + id + "' is not a usable id: ids must not be empty or start with 'system:' (reserved for the device's own UI)");
        }
        Boolean checked = f.optionalBool("checked");
        if (checked != null && !role.checkable()) problems.add(f.at("checked"), "only checkbox, switch and tab elements have 'checked'");
        if (role.checkable() && checked == null) checked = false;
        if (!role.checkable()) checked = null;
        Integer height = f.integer("height", 1, 2000);
        if (height != null && role.container()) problems.add(f.at("height"), "a " + role.wireName() + " is as tall as its children; remove 'height'");
        boolean textfield = role == Role.TEXTFIELD;
        boolean secret = f.bool("secret", false);
        if (f.has("secret") && !textfield) problems.add(f.at("secret"), "only textfield elements can be 'secret'");
        String imeName = f.string("imeAction");
        ImeAction ime = ImeAction.fromWire(imeName).filter(ImeAction::isFieldAction).orElse(null);
        if (imeName != null && !textfield) problems.add(f.at("imeAction"), "only textfield elements have an 'imeAction'");
        else if (imeName != null && ime == null) {
            problems.add(f.at("imeAction"), "unknown imeAction '" + imeName + "'" + Problems.suggest(imeName, FIELD_IME_ACTIONS)
                    + "; use one of " + String.join(", ", FIELD_IME_ACTIONS.stream().sorted().toList()));
        }
        if (textfield && imeName == null) ime = ImeAction.DONE;
        if (!textfield) ime = null;
        String dock = f.string("dock");
        if (dock != null && !dock.equals("bottom")) problems.add(f.at("dock"), "dock can only be 'bottom'");
        if (dock != null && depth > 0) problems.add(f.at("dock"), "only elements directly in a screen's 'elements' can be docked");
        String layout = f.string("layout");
        if (layout != null && !role.container()) problems.add(f.at("layout"), "only group and list elements have a 'layout'");
        else if (layout != null && !layout.equals("row") && !layout.equals("column")) {
            problems.add(f.at("layout"), "layout must be 'row' or 'column', not '" + layout + "'");
        }
        if (role.container() && layout == null) layout = "column";
        if (!role.container()) layout = null;
        if (f.has("children") && !role.container()) problems.add(f.at("children"), "only group and list elements have 'children'");
        if (f.has("onIme") && !textfield) problems.add(f.at("onIme"), "only textfield elements have 'onIme' actions");
        return new ElementDef(id, role, f.string("text"), f.string("hint"), f.bool("enabled", true), checked,
                f.bool("visible", true), height != null ? height : role.defaultHeight(), secret, ime, dock,
                actions(f.list("onTap"), f.at("onTap"), false),
                actions(f.list("onLongPress"), f.at("onLongPress"), false),
                actions(f.list("onIme"), f.at("onIme"), false),
                layout, role.container() ? elements(f.list("children"), f.at("children"), depth + 1) : List.of());
    }

    private List<Action> actions(List<?> raw, String path, boolean onMessage) {
        List<Action> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Action a = ActionParser.parse(raw.get(i), path + "[" + i + "]", onMessage, problems);
            if (a != null) out.add(a);
        }
        return out;
    }
}
