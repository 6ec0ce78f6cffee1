package dev.tandem.runner;

import dev.tandem.device.Device;
import dev.tandem.device.Direction;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.Notification;
import dev.tandem.device.TapKind;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import java.util.List;

/**
 * A device whose screen is in motion until the test says it settled: what a settle after the
 * reply waits on. It only answers the settle's questions; every action is refused.
 */
final class SettlingDevice implements Device {
    private final Object lock = new Object();
    private boolean settled;
    private long version;

    /** The screen stops moving; a settle waiting on it returns. */
    void settle() {
        synchronized (lock) {
            settled = true;
            version++;
            lock.notifyAll();
        }
    }

    @Override
    public boolean isSettled() {
        synchronized (lock) {
            return settled;
        }
    }

    @Override
    public long uiVersion() {
        synchronized (lock) {
            return version;
        }
    }

    @Override
    public void awaitUiChange(long sinceVersion, long deadlineNanos) throws InterruptedException {
        synchronized (lock) {
            long left;
            while (version == sinceVersion && (left = deadlineNanos - System.nanoTime()) > 0) {
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override public Snapshot snapshot() { throw refused(); }
    @Override public void launchApp(LaunchRequest request) { throw refused(); }
    @Override public void stopApp(String appId) { throw refused(); }
    @Override public void tap(UiNode element, TapKind kind) { throw refused(); }
    @Override public void inputText(String text) { throw refused(); }
    @Override public void clearText() { throw refused(); }
    @Override public void imeAction(ImeAction action) { throw refused(); }
    @Override public void pressButton(Button button) { throw refused(); }
    @Override public void swipe(Direction direction, UiNode within) { throw refused(); }
    @Override public List<Notification> notifications() { throw refused(); }
    @Override public void openTray() { throw refused(); }
    @Override public void tapNotification(Notification notification) { throw refused(); }
    @Override public void dismissNotification(Notification notification) { throw refused(); }
    @Override public void clearNotifications() { throw refused(); }
    @Override public byte[] screenshotPng() { throw refused(); }
    @Override public List<String> installedApps() { throw refused(); }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("the settling fake only settles");
    }
}
