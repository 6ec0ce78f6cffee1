package dev.tandem.sim;

import dev.tandem.apps.Action;
import dev.tandem.apps.ChatMessage;
import dev.tandem.apps.Role;
import dev.tandem.apps.Templates;
import dev.tandem.protocol.TextMatch;
import java.util.List;

/**
 * Runs an action list against a running app. Consecutive {@code require}s are all checked (each
 * shows or hides its own error); if any failed the list stops there. A {@code sendMessage} with
 * nothing to send also stops it.
 */
final class ActionRunner {
    /** What actions need from the phone beyond the app's own state. */
    interface Host {
        void navigate(AppRuntime rt, String screen);

        void back(AppRuntime rt);

        void notify(AppRuntime rt, String title, String body);

        ChatMessage send(AppRuntime rt, String text);

        /** A list grew: keep its end in view, as a chat does. */
        void listGrew(AppRuntime rt, String listKey);
    }

    private ActionRunner() {}

    /** @param message the received message in onMessage, else null */
    static void run(Host host, AppRuntime rt, List<Action> actions, ChatMessage message) {
        boolean failed = false;
        for (Action a : actions) {
            if (a instanceof Action.Require r) {
                if (!require(rt, r, message)) failed = true;
                continue;
            }
            if (failed) return;
            if (!step(host, rt, a, message)) return;
        }
    }

    /** Runs one action; false stops the list. */
    private static boolean step(Host host, AppRuntime rt, Action a, ChatMessage message) {
        switch (a) {
            case Action.Navigate n -> host.navigate(rt, n.screen());
            case Action.Back b -> host.back(rt);
            case Action.SetText t -> rt.state(t.target()).text = cap(expand(rt, t.text(), message));
            case Action.Toggle t -> {
                AppRuntime.ElementState s = rt.state(t.target());
                s.checked = !Boolean.TRUE.equals(s.checked);
            }
            case Action.Select t -> select(rt, t.target());
            case Action.Show t -> rt.state(t.target()).visible = true;
            case Action.Hide t -> {
                rt.state(t.target()).visible = false;
                if (t.target().equals(rt.focusedKey)) rt.focusedKey = null;
            }
            case Action.Clear t -> {
                AppRuntime.ElementState s = rt.state(t.target());
                if (rt.index.node(t.target()).def.role() == Role.LIST) s.items.clear();
                else s.text = "";
            }
            case Action.Require r -> throw new IllegalStateException("handled by run");
            case Action.SendMessage m -> {
                String text = m.from() != null ? rt.state(m.from()).text : expand(rt, m.text(), message);
                if (text == null || text.isBlank()) return false;
                ChatMessage sent = host.send(rt, text);
                if (m.appendTo() != null) {
                    rt.append(m.appendTo(), sent.from(), sent.text(), true);
                    host.listGrew(rt, m.appendTo());
                }
                if (m.from() != null) rt.state(m.from()).text = "";
            }
            case Action.AppendMessage m -> {
                if (message != null) {
                    rt.append(m.list(), message.from(), message.text(), false);
                    host.listGrew(rt, m.list());
                }
            }
            case Action.Notify n -> host.notify(rt, expand(rt, n.title(), message), expand(rt, n.body(), message));
        }
        return true;
    }

    private static boolean require(AppRuntime rt, Action.Require r, ChatMessage message) {
        String value = rt.state(r.field()).text;
        boolean ok = TextMatch.regex(r.pattern()).matches(value == null ? "" : value);
        if (r.errorTarget() != null) {
            AppRuntime.ElementState error = rt.state(r.errorTarget());
            error.visible = !ok;
            if (!ok) error.text = expand(rt, r.errorText(), message);
        }
        return ok;
    }

    /** Checks the element and unchecks the checkable elements beside it. */
    static void select(AppRuntime rt, String key) {
        AppIndex.Node n = rt.index.node(key);
        for (AppIndex.Node sibling : rt.index.siblings(n)) {
            if (sibling != n && sibling.def.role().checkable()) rt.state(sibling.key).checked = false;
        }
        rt.state(key).checked = true;
    }

    private static String expand(AppRuntime rt, String text, ChatMessage message) {
        return Templates.expand(text, name -> {
            if (name.startsWith(Templates.FIELD_PREFIX)) {
                String v = rt.state(name.substring(Templates.FIELD_PREFIX.length())).text;
                return v == null ? "" : v;
            }
            return switch (name) {
                case "user" -> rt.chat.user();
                case "message.from" -> message == null ? "" : message.from();
                case "message.text" -> message == null ? "" : message.text();
                default -> null;
            };
        });
    }

    private static String cap(String s) {
        return s != null && s.length() > AppRuntime.MAX_TEXT ? s.substring(0, AppRuntime.MAX_TEXT) : s;
    }
}
