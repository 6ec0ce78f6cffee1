package dev.tandem.device;

import dev.tandem.protocol.Button;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import java.util.List;

/**
 * The primitives a backend implements for one device. Tools (selectors, implicit waits, settling,
 * error messages) are built on top of these once, in {@link ToolExecutor}, so every backend
 * behaves the same for the same plan.
 *
 * <p>Implementations must be safe for one command thread plus concurrent {@link #snapshot()}
 * readers (observers may look while a run holds the device).
 */
public interface Device extends AutoCloseable {

    /** What is on screen now. Only elements on screen are in the tree. */
    Snapshot snapshot();

    /** A counter that changes whenever the UI tree or the notifications may have changed. */
    long uiVersion();

    /**
     * Blocks until {@link #uiVersion()} differs from {@code sinceVersion} or the deadline passes.
     * Returns at once if it already differs. Backends that cannot be notified may poll briefly.
     */
    void awaitUiChange(long sinceVersion, long deadlineNanos) throws InterruptedException;

    /** True when nothing is in motion: no animation, no pending network or layout work. */
    boolean isSettled();

    void launchApp(LaunchRequest request);

    void stopApp(String appId);

    void tap(UiNode element, TapKind kind);

    /** Types into the focused element. */
    void inputText(String text);

    /** Clears the focused element. */
    void clearText();

    /**
     * Performs a soft-keyboard action on the focused element. A field accepts its own action and
     * {@link ImeAction#ENTER}; another is BAD_PARAMS naming the field's own.
     */
    void imeAction(ImeAction action);

    void pressButton(Button button);

    /** Swipes across the screen (or the scrollable {@code within}, when not null). */
    void swipe(Direction direction, UiNode within);

    /** Notifications in the system tray, newest first. */
    List<Notification> notifications();

    void openTray();

    /** Taps a notification: the tray closes and its app opens. */
    void tapNotification(Notification notification);

    void dismissNotification(Notification notification);

    void clearNotifications();

    /** The screen rendered as PNG. */
    byte[] screenshotPng();

    /** Installed app ids, for error messages. */
    List<String> installedApps();

    @Override
    default void close() {}
}
