package dev.tandem.sim;

import dev.tandem.device.Device;
import dev.tandem.device.Direction;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.Notification;
import dev.tandem.device.TapKind;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated phone running declarative apps ({@link dev.tandem.apps.AppDefinition}). One lock
 * guards the model; every change bumps the version and wakes {@link #awaitUiChange} waiters.
 * Transitions are computed from the clock on each read, and waiters wake at frame boundaries, so
 * nothing runs in the background except the chat subscriptions. Safe for one command thread,
 * concurrent snapshot readers and the chat threads.
 */
public final class SimDevice implements Device {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final SimConfig config;
    private final Phone phone;
    private final ChatLink chat;
    private volatile Frame cached;
    private volatile boolean closed;

    public SimDevice(SimConfig config) {
        this.config = config;
        this.chat = new ChatLink(this::deliver);
        this.phone = new Phone(config, chat);
    }

    public SimConfig config() {
        return config;
    }

    // ---- reading

    @Override
    public Snapshot snapshot() {
        return frame().snapshot();
    }

    private Frame frame() {
        Frame f = cached;
        if (f != null && f.version() == uiVersion()) return f;
        lock.lock();
        try {
            return frameLocked();
        } finally {
            lock.unlock();
        }
    }

    private Frame frameLocked() {
        long now = System.nanoTime();
        long v = versionAt(now);
        Frame f = cached;
        if (f == null || f.version() != v) {
            f = FrameBuilder.build(phone, now, v);
            cached = f;
        }
        return f;
    }

    /** Model changes in the high bits, the transition's frame number in the low six. */
    private long versionAt(long now) {
        Transition t = phone.transition;
        return (phone.version << 6) | (t == null ? 0 : t.frameAt(now));
    }

    @Override
    public long uiVersion() {
        return versionAt(System.nanoTime());
    }

    @Override
    public void awaitUiChange(long sinceVersion, long deadlineNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                if (versionAt(now) != sinceVersion || now - deadlineNanos >= 0) return;
                long wait = deadlineNanos - now;
                Transition t = phone.transition;
                if (t != null && !t.finishedAt(now)) wait = Math.min(wait, t.nextFrameAt(now) - now);
                changed.awaitNanos(Math.max(wait, 1));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isSettled() {
        Transition t = phone.transition;
        return t == null || t.finishedAt(System.nanoTime());
    }

    @Override
    public List<Notification> notifications() {
        lock.lock();
        try {
            return List.copyOf(phone.notifications);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> installedApps() {
        lock.lock();
        try {
            return phone.catalog().appIds();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public byte[] screenshotPng() {
        return PngRenderer.render(snapshot());
    }

    // ---- acting

    @Override
    public void launchApp(LaunchRequest request) {
        latency(true);
        mutate(() -> phone.launch(request));
    }

    @Override
    public void stopApp(String appId) {
        if (appId == null) throw new TandemException(ErrorCode.BAD_PARAMS, "stopApp needs 'appId'");
        latency(false);
        mutate(() -> phone.stop(appId));
    }

    @Override
    public void tap(UiNode element, TapKind kind) {
        latency(false);
        mutate(() -> {
            Target t = resolve(frameLocked(), element);
            if (t != null) phone.tap(t, kind);
        });
    }

    /** The element's target if its ref still names it, else whatever is under its centre now (as a finger would hit). */
    private static Target resolve(Frame frame, UiNode node) {
        int i = frame.indexOf(node.ref());
        if (i >= 0) {
            UiNode now = frame.byRef().get(i);
            if (Objects.equals(now.id(), node.id()) && Objects.equals(now.role(), node.role()) && now.bounds().equals(node.bounds())) {
                return frame.targets().get(i);
            }
        }
        Bounds b = node.bounds();
        return b == null ? null : frame.hit(b.centerX(), b.centerY());
    }

    @Override
    public void inputText(String text) {
        latency(false);
        mutate(() -> phone.input(text));
    }

    @Override
    public void clearText() {
        latency(false);
        mutate(phone::clearText);
    }

    @Override
    public void imeAction(ImeAction action) {
        latency(false);
        mutate(() -> phone.ime(action));
    }

    @Override
    public void pressButton(Button button) {
        Runnable op = switch (button) {
            case BACK -> phone::back;
            case HOME -> phone::home;
            case ENTER -> phone::enter;
        };
        latency(false);
        mutate(op);
    }

    @Override
    public void swipe(Direction direction, UiNode within) {
        latency(false);
        mutate(() -> phone.swipe(direction));
    }

    @Override
    public void openTray() {
        latency(false);
        mutate(phone::openShade);
    }

    @Override
    public void tapNotification(Notification notification) {
        latency(false);
        mutate(() -> phone.openNotification(notification.key()));
    }

    @Override
    public void dismissNotification(Notification notification) {
        latency(false);
        mutate(() -> phone.dismiss(notification.key()));
    }

    @Override
    public void clearNotifications() {
        latency(false);
        mutate(phone.notifications::clear);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            phone.stopAll();
            phone.version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        chat.close();
    }

    private void deliver(AppRuntime rt, dev.tandem.apps.ChatMessage m) {
        lock.lock();
        try {
            if (closed) return;
            phone.deliver(rt, m);
            phone.version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a change under the lock; the version moves and waiters wake even when it fails half-way. */
    private void mutate(Runnable op) {
        lock.lock();
        try {
            if (closed) throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "The simulated device " + config.deviceId() + " is closed.");
            op.run();
        } finally {
            phone.version++;
            changed.signalAll();
            lock.unlock();
        }
    }

    private void latency(boolean launch) {
        try {
            if (launch) config.profile().launchDelay();
            else config.profile().actionDelay();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(ErrorCode.CANCELLED, "The command was interrupted before it reached the device; nothing happened.");
        }
    }
}
