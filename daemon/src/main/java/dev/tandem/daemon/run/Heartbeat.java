package dev.tandem.daemon.run;


/**
 * While a run goes on, a check each second (the API sends the stream's heartbeat events): a failed
 * write or a dead client pid means nobody is listening any more, and the run is aborted rather than
 * left to drive devices for no one. Each check also renews the run's lease.
 */
final class Heartbeat {
    private final Thread thread;

    private Heartbeat(Thread thread) {
        this.thread = thread;
    }

    static Heartbeat start(RunEvents events, long clientPid, Runnable beat, Runnable abort) {
        Thread t = Thread.ofVirtual().name("heartbeat").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1_000); // the heartbeat's period, not a wait for a condition
                } catch (InterruptedException e) {
                    return;
                }
                beat.run();
                boolean clientAlive = clientPid <= 0 || ProcessHandle.of(clientPid).map(ProcessHandle::isAlive).orElse(false);
                if (events.gone() || !clientAlive) {
                    abort.run();
                    return;
                }
            }
        });
        return new Heartbeat(t);
    }

    void stop() {
        thread.interrupt();
    }
}
