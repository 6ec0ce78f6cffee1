package dev.tandem.apps;

/**
 * One step of an element's or an app's action list. Lists run in order; a failing
 * {@link Require} stops the rest (see docs/apps.md for the exact rules). Text values may hold
 * templates ({@link Templates}).
 */
public sealed interface Action {

    /** Opens a screen with an animated transition, pushing it on the back stack. */
    record Navigate(String screen) implements Action {}

    /** Pops the back stack (at its root: leaves the app for the home screen). */
    record Back() implements Action {}

    record SetText(String target, String text) implements Action {}

    /** Flips a checkbox's, switch's or tab's checked state. */
    record Toggle(String target) implements Action {}

    /** Checks a tab (or any checkable element) and unchecks its checkable siblings. */
    record Select(String target) implements Action {}

    record Show(String target) implements Action {}

    record Hide(String target) implements Action {}

    /** Empties a textfield's text, or a list's appended items. */
    record Clear(String target) implements Action {}

    /**
     * Checks that {@code field}'s whole text matches {@code pattern}. On failure it shows
     * {@code errorText} in {@code errorTarget} (when given); on success it hides that target.
     */
    record Require(String field, String pattern, String errorTarget, String errorText) implements Action {}

    /**
     * Posts a chat message: the text of field {@code from} (then cleared) or the literal
     * {@code text}; exactly one is set. When {@code appendTo} names a list, the sent message is
     * appended to it.
     */
    record SendMessage(String from, String text, String appendTo) implements Action {}

    /** In {@code onMessage} only: appends the received message to a list. */
    record AppendMessage(String list) implements Action {}

    /** Posts a notification from this app. */
    record Notify(String title, String body) implements Action {}
}
