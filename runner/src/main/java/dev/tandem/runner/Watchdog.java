package dev.tandem.runner;

/**
 * Ends this runner when its daemon is gone and no new daemon adopts it within the orphan TTL, so
 * a killed daemon never leaves runners behind. Any authenticated request counts as a sign of life
 * from a (possibly new) daemon.
 */
final class Watchdog {
    private volatile long daemonPid;
    private final long orphanTtlMs;
    private volatile long lastContact = System.nanoTime();

    Watchdog(long daemonPid, long orphanTtlMs) {
        this.daemonPid = daemonPid;
        this.orphanTtlMs = orphanTtlMs;
    }

    void touch() {
        lastContact = System.nanoTime();
    }

    void adoptedBy(long pid) {
        daemonPid = pid;
        touch();
    }

    /** Starts the check on a daemon thread; calls {@code exit} when orphaned. */
    void start(Runnable exit) {
        if (daemonPid <= 0) return;
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(500); // a supervision tick, not a wait for a test condition
                } catch (InterruptedException e) {
                    return;
                }
                boolean daemonAlive = ProcessHandle.of(daemonPid).map(ProcessHandle::isAlive).orElse(false);
                long silentMs = (System.nanoTime() - lastContact) / 1_000_000;
                if (!daemonAlive && silentMs > orphanTtlMs) {
                    System.err.println("daemon " + daemonPid + " is gone and nobody adopted this runner for "
                            + silentMs + " ms: exiting");
                    exit.run();
                    return;
                }
            }
        }, "orphan-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
