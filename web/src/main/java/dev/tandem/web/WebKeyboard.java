package dev.tandem.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.TandemException;

/**
 * The soft keyboard of a web device: typing into the focused field, clearing it, its action key
 * (checked against the field's {@code enterkeyhint}, as the sim checks a field's imeAction), and
 * whether Back has hidden it (on a phone the field keeps its focus; the next Back goes back).
 */
final class WebKeyboard {
    private final WebSignals signals;
    private final InputDriver input;
    private final WebTray tray;
    private volatile boolean hidden;

    WebKeyboard(WebSignals signals, InputDriver input, WebTray tray) {
        this.signals = signals;
        this.input = input;
        this.tray = tray;
    }

    /** A tap, typing or a launch shows the keyboard again (for the next Back). */
    void shown() {
        hidden = false;
    }

    /** Types at the end of the focused field's value; into a date, time… field from its first part. */
    void type(String text) {
        PageSession page = signals.page();
        JsonNode f = requireFocus(page, "inputText types into");
        hidden = false;
        input.type(page, text, f.path("segmented").asBoolean() ? InputDriver.Start.FIRST_PART : InputDriver.Start.END);
    }

    void clear() {
        PageSession page = signals.page();
        requireFocus(page, "clearText empties");
        signals.agent(page, "__tandem.clearFocused()");
    }

    /** send/go/done/search/enter: Enter with the form's implicit submission; next: the following field. */
    void action(ImeAction action) {
        PageSession page = signals.page();
        JsonNode f = requireFocus(page, "imeAction " + action.wireName() + " acts on");
        String own = f.path("hint").asText(""); // the page's enterkeyhint: any string a page author wrote
        if (!own.isEmpty() && action != ImeAction.ENTER && !action.wireName().equals(own)) {
            throw new TandemException(ErrorCode.BAD_PARAMS, "The focused field " + f.path("what").asText() + " has the keyboard action '"
                    + own + "', not '" + action.wireName() + "': use imeAction " + own + " (or pressButton enter).");
        }
        if (action == ImeAction.NEXT) {
            input.enter(page, false); // keydown for pages that handle it, but no implicit form submission
            signals.agent(page, "__tandem.nextIfUnmoved()");
        } else {
            input.enter(page, true);
        }
    }

    /** Back on a touch profile: hides the keyboard if a field has the focus and it shows. Returns whether it did. */
    boolean hideOnBack() {
        if (hidden || !signals.agent(signals.page(), "__tandem.focused()").path("ok").asBoolean()) return false;
        hidden = true;
        return true;
    }

    private JsonNode requireFocus(PageSession page, String what) {
        if (tray.isOpen()) {
            throw new TandemException(ErrorCode.ELEMENT_NOT_FOUND, what + " the focused text field, but the notification shade is open:"
                    + " close it first (pressButton back).");
        }
        JsonNode f = signals.agent(page, "__tandem.focused()");
        if (!f.path("ok").asBoolean()) {
            String focus = f.path("what").isTextual() ? " (focus is on " + f.path("what").asText() + ")" : "";
            throw new TandemException(ErrorCode.ELEMENT_NOT_FOUND, what + " the focused text field, and none is focused" + focus
                    + (what.startsWith("imeAction")
                            ? ": tap a text field first (tapOn), or type and act in one step with inputText {id: …, text: …, imeAction: …}."
                            : ": tap a text field first or give the step a selector."));
        }
        return f;
    }
}
