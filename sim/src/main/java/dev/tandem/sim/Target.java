package dev.tandem.sim;

import dev.tandem.protocol.ImeAction;
/** What tapping an element on screen does: the link from a UI node back to the model. */
sealed interface Target {
    /** An element of an app's screen, by its key in {@link AppIndex}. */
    record AppElement(String appId, String key) implements Target {}

    /** A launcher icon. */
    record LaunchApp(String appId) implements Target {}

    /** The app bar's up arrow. */
    record NavigateUp() implements Target {}

    /** The keyboard's action key. */
    record ImeKey(ImeAction action) implements Target {}

    record OpenNotification(String key) implements Target {}

    record ClearNotifications() implements Target {}
}
