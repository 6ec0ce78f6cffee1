package dev.tandem.runner;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One mutating command at a time per device. Unlike a plain lock, a waiter gives up as soon as
 * its command is cancelled ({@link #wake()}), not when the device frees up: a command cancelled
 * while it waits behind another one never runs.
 */
final class DeviceGate {
    enum Wait { ACQUIRED, CANCELLED, TIMED_OUT }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean busy;

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

    void release() {
        lock.lock();
        try {
            busy = false;
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
