package dev.tandem.plan;

import static dev.tandem.plan.ParamSpec.bool;
import static dev.tandem.plan.ParamSpec.choice;
import static dev.tandem.plan.ParamSpec.integer;
import static dev.tandem.plan.ParamSpec.labels;
import static dev.tandem.plan.ParamSpec.object;
import static dev.tandem.plan.ParamSpec.pattern;
import static dev.tandem.plan.ParamSpec.selector;
import static dev.tandem.plan.ParamSpec.steps;
import static dev.tandem.plan.ParamSpec.string;
import static dev.tandem.plan.ParamSpec.stringMap;

import dev.tandem.protocol.Button;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.TrayAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter table: for every tool, the params a plan step may give it, their types, which
 * are required, and how it takes a selector. One exhaustive switch, so a new tool does not
 * compile without its row; docs/plan-format.md mirrors it.
 */
final class ToolParams {
    private ToolParams() {}

    enum SelectorUse { NONE, OPTIONAL, REQUIRED }

    /**
     * @param params every param key, including {@code timeout} and the selector keys
     * @param oneOf keys of which at least one is required (empty: no such rule)
     * @param inlineSelectorKeys the selector keys that may stand directly among the params
     * @param allowedKeys everything a step of this tool may contain, for "allowed keys" hints
     */
    record Schema(Tool tool, Map<String, ParamSpec> params, List<String> required, List<String> oneOf, String oneOfHint,
            SelectorUse selector, List<String> inlineSelectorKeys, List<String> allowedKeys) {}

    static final List<String> DIRECTIONS = List.of("up", "down", "left", "right");
    static final ParamSpec TIMEOUT = integer("timeout", 1, "5000");

    private static final Map<Tool, Schema> TABLE = new EnumMap<>(Tool.class);

    static {
        for (Tool t : Tool.values()) TABLE.put(t, row(t));
    }

    static Schema of(Tool tool) {
        return TABLE.get(tool);
    }

    private static Schema row(Tool t) {
        return switch (t) {
            case LAUNCH_APP -> new Row(t)
                    .add(string("appId", "com.example.app"), string("url", "https://example.com"), bool("clearState"),
                            object("context", "{room: lobby, user: alice}", string("room", "lobby"), string("user", "alice"),
                                    stringMap("services", "{chat: \"http://127.0.0.1:8080\"}")))
                    .oneOf("add appId: com.example.app (an installed app) or url: https://example.com (a web page)", "appId", "url")
                    .build();
            case STOP_APP -> new Row(t).add(string("appId", "com.example.app")).build();
            case TAP_ON -> new Row(t).selects(SelectorUse.REQUIRED).add(choice("action", "tap", "doubleTap", "longPress")).build();
            case INPUT_TEXT -> new Row(t).add(string("text", "\"Hello\"")).required("text")
                    .add(choice("imeAction", ImeAction.WIRE_NAMES), bool("replace")).selects(SelectorUse.OPTIONAL).build();
            case CLEAR_TEXT -> new Row(t).selects(SelectorUse.OPTIONAL).build();
            case IME_ACTION -> new Row(t).add(choice("action", ImeAction.WIRE_NAMES)).required("action").build();
            case PRESS_BUTTON -> new Row(t).add(choice("button", Button.WIRE_NAMES)).required("button").build();
            case SWIPE -> new Row(t).add(choice("direction", DIRECTIONS.toArray(String[]::new))).required("direction")
                    .selects(SelectorUse.OPTIONAL).build();
            case SCROLL_UNTIL_VISIBLE -> new Row(t).selects(SelectorUse.REQUIRED)
                    .add(choice("direction", "down", "up", "left", "right")).build();
            case ASSERT_VISIBLE, ASSERT_NOT_VISIBLE -> new Row(t).selects(SelectorUse.REQUIRED).build();
            case OBSERVE -> new Row(t).add(selector("waitFor")).build();
            case SYSTEM_TRAY -> new Row(t)
                    .add(choice("action", TrayAction.WIRE_NAMES),
                            object("notification", "{body: \"Hello\"}", pattern("title", "\"New message\""), pattern("body", "\"Hello\"")),
                            integer("awaitTimeout", 0, "5000"))
                    .required("action").build();
            case SCREENSHOT -> new Row(t).add(string("name", "after-login"), string("path", "shots/after-login.png")).build();
            case WAIT -> new Row(t).add(integer("ms", 0, "500")).required("ms").build();
            case CRITICAL_SECTION -> new Row(t).sync()
                    .add(string("lock", "chat-room"), integer("deviceCount", 1, "2"), steps("steps")).required("lock", "steps").build();
            case BARRIER -> new Row(t).sync().add(labels("devices"), string("name", "all-logged-in")).build();
            case PING -> new Row(t).build(); // not usable in plans: the loader rejects it before params
        };
    }

    /** Builds one row; the common keys (timeout, device, label, optional) are added here, once. */
    private static final class Row {
        private final Tool tool;
        private final Map<String, ParamSpec> params = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private List<String> oneOf = List.of();
        private String oneOfHint;
        private SelectorUse selector = SelectorUse.NONE;
        private boolean sync;

        Row(Tool tool) {
            this.tool = tool;
        }

        Row add(ParamSpec... specs) {
            for (ParamSpec s : specs) params.put(s.name(), s);
            return this;
        }

        Row required(String... keys) {
            Collections.addAll(required, keys);
            return this;
        }

        Row oneOf(String hint, String... keys) {
            oneOf = List.of(keys);
            oneOfHint = hint;
            return this;
        }

        Row selects(SelectorUse use) {
            selector = use;
            return this;
        }

        Row sync() {
            sync = true;
            return this;
        }

        Schema build() {
            List<String> inline = new ArrayList<>();
            if (selector != SelectorUse.NONE) {
                add(selector("selector"));
                // inputText's own `text` is what it types, so its field is chosen by id, role or index.
                if (!params.containsKey("text")) {
                    add(pattern("text", "\"OK\""));
                    inline.add("text");
                }
                add(pattern("id", "\"com.example:id/send\""), string("role", "button"), integer("index", 0, "0"));
                inline.addAll(List.of("id", "role", "index"));
            }
            add(TIMEOUT);
            List<String> allowed = new ArrayList<>(params.keySet());
            allowed.addAll(sync ? List.of("label") : List.of("device", "label", "optional"));
            return new Schema(tool, Collections.unmodifiableMap(params), List.copyOf(required), oneOf, oneOfHint,
                    selector, List.copyOf(inline), List.copyOf(allowed));
        }
    }
}
