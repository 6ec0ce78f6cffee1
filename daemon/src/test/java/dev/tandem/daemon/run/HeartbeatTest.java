package dev.tandem.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A run's watcher aborts it as soon as its client is gone: a broken stream, a dead pid, a zombie. */
class HeartbeatTest {
    @Test
    void aBrokenStreamAbortsTheRunAtOnce() throws Exception {
        boolean[] broken = {false};
        RunEvents events = new RunEvents(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (broken[0]) throw new IOException("Broken pipe");
            }
        });
        CountDownLatch aborted = new CountDownLatch(1);
        Heartbeat hb = Heartbeat.start(events, 0, () -> { }, aborted::countDown);
        try {
            broken[0] = true;
            events.emit(new dev.tandem.protocol.api.RunEvent.Heartbeat());
            assertThat(aborted.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            hb.stop();
        }
    }

    @Test
    void aDeadClientPidAbortsTheRun() throws Exception {
        Process client = new ProcessBuilder("sleep", "60").start();
        CountDownLatch aborted = new CountDownLatch(1);
        Heartbeat hb = Heartbeat.start(new RunEvents(new ByteArrayOutputStream()), client.pid(), () -> { }, aborted::countDown);
        try {
            assertThat(aborted.getCount()).isEqualTo(1);
            client.destroyForcibly();
            assertThat(aborted.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            hb.stop();
        }
    }

    @Test
    void aZombieIsNotAlive() throws Exception {
        // sh starts a child it never reaps (it execs sleep): once killed, the child stays a zombie
        Process sh = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; exec sleep 60").start();
        long child = Long.parseLong(sh.inputReader().readLine().trim());
        try {
            ProcessHandle h = ProcessHandle.of(child).orElseThrow();
            assertThat(Heartbeat.alive(h)).isTrue();
            new ProcessBuilder("kill", "-9", Long.toString(child)).start().waitFor();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Heartbeat.alive(h) && System.nanoTime() < deadline) Thread.onSpinWait();
            assertThat(Heartbeat.alive(h)).as("a zombie is gone for us").isFalse();
            assertThat(h.isAlive()).as("though the JDK still calls it alive").isTrue();
        } finally {
            sh.destroyForcibly();
        }
    }
}
