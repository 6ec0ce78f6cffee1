package dev.tandem.daemon.run;

import dev.tandem.protocol.os.Host;

/**
 * While a run goes on, watches its client: a broken event stream or a dead client pid means nobody
 * is listening any more, and the run is aborted at once (so its lease ends with it) rather than
 * left to drive devices for no one. The client is checked every {@link #CHECK_MS}; the run's
 * lease is renewed every {@link #BEAT_MS}.
 */
final class Heartbeat {
    /** How soon a killed CLI is noticed: its devices are free again about this long after it died. */
    static final long CHECK_MS = 100;
    static final long BEAT_MS = 1_000;

    private final Thread thread;

    private Heartbeat(Thread thread) {
        this.thread = thread;
    }

    static Heartbeat start(RunEvents events, long clientPid, Runnable beat, Runnable abort) {
        ProcessHandle client = clientPid > 0 ? ProcessHandle.of(clientPid).orElse(null) : null;
        Thread t = Thread.ofVirtual().name("heartbeat").start(() -> {
            long lastBeat = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                if (events.awaitGone(CHECK_MS) || (clientPid > 0 && !alive(client))) {
                    abort.run();
                    return;
                }
                if (Thread.currentThread().isInterrupted()) return;
                if (System.nanoTime() - lastBeat >= BEAT_MS * 1_000_000) {
                    beat.run();
                    lastBeat = System.nanoTime();
                }
            }
        });
        return new Heartbeat(t);
    }

    /** Alive and not a zombie: a killed CLI its parent has not reaped yet is gone for us (Java counts zombies alive). */
    static boolean alive(ProcessHandle p) {
        return p != null && p.isAlive() && !Host.current().isZombie(p.pid());
    }

    void stop() {
        thread.interrupt();
    }
}
