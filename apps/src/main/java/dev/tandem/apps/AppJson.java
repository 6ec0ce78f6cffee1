package dev.tandem.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a definition, read by the web twins' runtime: the normalised definition
 * (defaults filled in, {@code repeat} expanded), with actions written exactly as in YAML. The
 * JSON text is itself valid YAML and loads back to an equal definition.
 */
public final class AppJson {
    private AppJson() {}

    public static JsonNode toJson(AppDefinition def) {
        return Json.toTree(toMap(def));
    }

    public static Map<String, Object> toMap(AppDefinition def) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("appId", def.appId());
        m.put("name", def.name());
        m.put("initialScreen", def.initialScreen());
        m.put("onMessage", actions(def.onMessage()));
        m.put("screens", def.screens().stream().map(AppJson::screen).toList());
        return m;
    }

    private static Map<String, Object> screen(ScreenDef s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("title", s.title());
        if (s.focus() != null) m.put("focus", s.focus());
        m.put("elements", s.elements().stream().map(AppJson::element).toList());
        return m;
    }

    private static Map<String, Object> element(ElementDef e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e.id() != null) m.put("id", e.id());
        m.put("role", e.role().wireName());
        if (e.text() != null) m.put("text", e.text());
        if (e.hint() != null) m.put("hint", e.hint());
        m.put("enabled", e.enabled());
        m.put("visible", e.visible());
        if (e.checked() != null) m.put("checked", e.checked());
        if (!e.role().container()) m.put("height", e.height());
        if (e.role() == Role.TEXTFIELD) {
            m.put("secret", e.secret());
            m.put("imeAction", e.imeAction().wireName());
        }
        if (e.dock() != null) m.put("dock", e.dock());
        m.put("onTap", actions(e.onTap()));
        m.put("onLongPress", actions(e.onLongPress()));
        if (e.role() == Role.TEXTFIELD) m.put("onIme", actions(e.onIme()));
        if (e.role().container()) {
            m.put("layout", e.layout());
            m.put("children", e.children().stream().map(AppJson::element).toList());
        }
        return m;
    }

    static List<Map<String, Object>> actions(List<Action> actions) {
        return actions.stream().map(AppJson::action).toList();
    }

    static Map<String, Object> action(Action a) {
        return switch (a) {
            case Action.Navigate n -> Map.of("navigate", n.screen());
            case Action.Back b -> Map.of("back", true);
            case Action.SetText t -> Map.of("setText", ordered("target", t.target(), "text", t.text()));
            case Action.Toggle t -> Map.of("toggle", t.target());
            case Action.Select t -> Map.of("select", t.target());
            case Action.Show t -> Map.of("show", t.target());
            case Action.Hide t -> Map.of("hide", t.target());
            case Action.Clear t -> Map.of("clear", t.target());
            case Action.Require r -> {
                Map<String, Object> body = ordered("field", r.field(), "pattern", r.pattern());
                if (r.errorTarget() != null) body.put("error", ordered("target", r.errorTarget(), "text", r.errorText()));
                yield Map.of("require", body);
            }
            case Action.SendMessage s -> {
                Map<String, Object> body = new LinkedHashMap<>();
                if (s.from() != null) body.put("from", s.from());
                if (s.text() != null) body.put("text", s.text());
                if (s.appendTo() != null) body.put("appendTo", s.appendTo());
                yield Map.of("sendMessage", body);
            }
            case Action.AppendMessage m -> Map.of("appendMessage", m.list());
            case Action.Notify n -> Map.of("notify", ordered("title", n.title(), "body", n.body()));
        };
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
