package dev.tandem.sim;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.TandemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typing and the keyboard's action key, on the focused text field of the foreground app. An IME
 * action must be the field's own (or {@code enter}); it runs the field's {@code onIme}, or by
 * default moves to the next field ({@code next}) or hides the keyboard.
 */
final class TextInput {
    private TextInput() {}

    static void type(Phone p, String text) {
        AppIndex.Node n = focusedOrFail(p, "inputText types into");
        AppRuntime.ElementState s = p.foregroundApp().state(n.key);
        String value = s.text == null ? text : s.text + text;
        s.text = value.length() > AppRuntime.MAX_TEXT ? value.substring(0, AppRuntime.MAX_TEXT) : value;
    }

    static void clear(Phone p) {
        AppIndex.Node n = focusedOrFail(p, "clearText empties");
        p.foregroundApp().state(n.key).text = "";
    }

    static void ime(Phone p, ImeAction action) {
        AppIndex.Node n = focusedOrFail(p, "imeAction " + action.wireName() + " acts on");
        ImeAction own = n.def.imeAction();
        if (action != ImeAction.ENTER && action != own) {
            throw new TandemException(ErrorCode.BAD_PARAMS, "The focused field " + describe(n) + " has the keyboard action '"
                    + own.wireName() + "', not '" + action.wireName() + "': use imeAction " + own.wireName() + " (or pressButton enter).");
        }
        AppRuntime rt = p.foregroundApp();
        if (!n.def.onIme().isEmpty()) ActionRunner.run(p, rt, n.def.onIme(), null);
        else if (own == ImeAction.NEXT) focusNext(p, rt, n);
        else p.keyboard = false;
    }

    private static void focusNext(Phone p, AppRuntime rt, AppIndex.Node from) {
        List<AppIndex.Node> fields = new ArrayList<>();
        Scrolling.collectTextfields(rt, rt.index.screen(rt.top().screen), fields);
        int i = fields.indexOf(from);
        if (i >= 0 && i + 1 < fields.size()) p.focus(rt, fields.get(i + 1));
        else p.keyboard = false;
    }

    private static AppIndex.Node focusedOrFail(Phone p, String what) {
        AppRuntime rt = p.foregroundApp();
        AppIndex.Node n = rt == null || p.shade ? null : rt.focused();
        if (n != null) return n;
        if (rt == null) {
            throw new TandemException(ErrorCode.ELEMENT_NOT_FOUND, what + " the focused text field, but the home screen has none: launch an app first.");
        }
        List<AppIndex.Node> fields = new ArrayList<>();
        Scrolling.collectTextfields(rt, rt.index.screen(rt.top().screen), fields);
        String here = fields.isEmpty() ? "this screen has no text field"
                : "text fields here: " + String.join(", ", fields.stream().map(TextInput::describe).toList());
        String fix;
        if (what.startsWith("imeAction")) {
            // imeAction takes no selector: point at the steps that can focus a field
            String id = fields.isEmpty() || fields.getFirst().def.id() == null ? "ID" : fields.getFirst().def.id();
            String action = what.substring("imeAction ".length(), what.indexOf(" acts on"));
            fix = "tap a text field first (tapOn {id: " + id + "}), or type and act in one step with inputText {id: " + id
                    + ", text: …, imeAction: " + action + "}";
        } else {
            fix = "tap a text field first or give the step a selector";
        }
        throw new TandemException(ErrorCode.ELEMENT_NOT_FOUND, what + " the focused text field, and none is focused on screen '"
                + rt.top().screen + "' of " + rt.appId() + ": " + fix + " (" + here + ").");
    }

    private static String describe(AppIndex.Node n) {
        String label = n.def.hint() != null ? " \"" + n.def.hint() + "\"" : "";
        return (n.def.id() != null ? "#" + n.def.id() : "textfield") + label;
    }
}
