package dev.tandem.runner;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One mutating command at a time per device. Unlike a plain lock, a waiter gives up as soon as
 * its command is cancelled ({@link #wake()}), not when the device frees up: a command cancelled
 * while it waits behind another one never runs. While a command settles the screen after its
 * reply ({@link #settling}), read-only commands wait too ({@link #awaitSettled}): what they read
 * is the settled screen, as if the step had settled before it replied.
 */
final class DeviceGate {
    enum Wait { ACQUIRED, CANCELLED, TIMED_OUT }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean busy;
    private boolean settling;

    /** Waits until the device is free, the entry is cancelled, or the deadline passes. */
    Wait acquire(Entry entry, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (entry.cancelRequested()) return Wait.CANCELLED;
                if (!busy) {
                    busy = true;
                    return Wait.ACQUIRED;
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) return Wait.TIMED_OUT;
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while a command settles after its reply: until it is done, the entry is cancelled, or
     * the deadline passes (then the read goes on beside the settle, as it may beside any command).
     */
    Wait awaitSettled(Entry entry, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (settling) {
                if (entry.cancelRequested()) return Wait.CANCELLED;
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) return Wait.TIMED_OUT;
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return Wait.ACQUIRED;
        } finally {
            lock.unlock();
        }
    }

    /** The holder settles after its reply from now until {@link #release()}. */
    void settling() {
        lock.lock();
        try {
            settling = true;
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            busy = false;
            settling = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A cancel arrived: waiters re-check their entries. */
    void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
