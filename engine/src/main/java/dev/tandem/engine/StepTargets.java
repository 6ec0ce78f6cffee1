package dev.tandem.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.Selector;

/**
 * What a step acts on, in the few words a progress line shows ({@code "Sign in"}, {@code #email},
 * {@code com.chat.app}), in the form of snapshot lines: role, "text", #id, [index]. Null when the
 * tool takes no target.
 */
public final class StepTargets {
    private StepTargets() {}

    public static String describe(ToolStep step) {
        JsonNode p = step.params();
        return switch (step.tool()) {
            case LAUNCH_APP -> first(p, "appId", "url");
            case STOP_APP -> first(p, "appId");
            case INPUT_TEXT -> {
                String text = p.hasNonNull("text") ? quote(p.path("text").asText()) : null;
                // text is what is typed here, not a selector: only id/role pick the field
                String field = p.has("selector") ? Selector.fromParams(p).map(StepTargets::selector).orElse(null)
                        : p.hasNonNull("id") ? "#" + p.path("id").asText() : null;
                yield text == null ? field : field == null ? text : text + " into " + field;
            }
            case IME_ACTION -> first(p, "action");
            case PRESS_BUTTON -> first(p, "button");
            case SWIPE -> first(p, "direction");
            case SCREENSHOT -> first(p, "name");
            case WAIT -> p.has("ms") ? p.path("ms").asLong() + " ms" : null;
            case SYSTEM_TRAY -> {
                String action = first(p, "action");
                JsonNode n = p.path("notification");
                String what = n.hasNonNull("body") ? quote(n.path("body").asText()) : n.hasNonNull("title") ? quote(n.path("title").asText()) : null;
                yield action == null ? what : what == null ? action : action + " " + what;
            }
            case TAP_ON, CLEAR_TEXT, SCROLL_UNTIL_VISIBLE, ASSERT_VISIBLE, ASSERT_NOT_VISIBLE, OBSERVE ->
                    selectorOf(step.tool() == dev.tandem.protocol.Tool.OBSERVE ? p.path("waitFor") : p);
            case CRITICAL_SECTION, BARRIER, PING, REPEAT, RETRY, WHEN -> null;
        };
    }

    private static String selectorOf(JsonNode params) {
        try {
            return Selector.fromParams(params).map(StepTargets::selector).orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // validation reports a bad selector; progress lines stay quiet
        }
    }

    static String selector(Selector s) {
        StringBuilder sb = new StringBuilder();
        if (s.role() != null) sb.append(s.role()).append(' ');
        if (s.text() != null) sb.append(quote(s.text())).append(' ');
        if (s.id() != null) sb.append('#').append(s.id()).append(' ');
        if (s.textContains() != null) sb.append("~").append(quote(s.textContains())).append(' ');
        if (s.index() != null) sb.append('[').append(s.index()).append("] ");
        // the states as a user reads them: "enabled", "not checked"
        Boolean[] states = {s.enabled(), s.checked(), s.focused(), s.selected()};
        for (int i = 0; i < states.length; i++) {
            if (states[i] != null) sb.append(states[i] ? "" : "not ").append(Selector.STATE_KEYS.get(i)).append(' ');
        }
        return sb.toString().trim();
    }

    private static String first(JsonNode p, String... keys) {
        for (String k : keys) if (p.hasNonNull(k) && p.get(k).isValueNode()) return p.get(k).asText();
        return null;
    }

    private static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 39) + "…" : s;
        return "\"" + shown + "\"";
    }
}
