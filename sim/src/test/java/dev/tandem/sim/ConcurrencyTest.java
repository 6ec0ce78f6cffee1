package dev.tandem.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One command thread and several snapshot readers on the same phone. */
class ConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void readersAlwaysSeeWholeConsistentSnapshots() throws Exception {
        try (Driver d = new Driver(new SimDevice(SimConfig.defaults("sim-c", LatencyProfile.INSTANT)), dir)) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> readers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> Thread.ofPlatform().start(() -> {
                try {
                    while (!done.get()) {
                        Snapshot s = d.device.snapshot();
                        List<UiNode> all = s.elements();
                        for (int k = 1; k < all.size(); k++) {
                            if (!("e" + k).equals(all.get(k).ref())) throw new AssertionError("refs out of order in " + s);
                        }
                        reads.incrementAndGet();
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            })).toList();
            for (int i = 0; i < 50; i++) {
                d.run(Tool.LAUNCH_APP, "appId", "com.example.login");
                d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "user@example.com");
                d.run(Tool.TAP_ON, "id", "remember");
                d.run(Tool.PRESS_BUTTON, "button", "home");
                d.run(Tool.LAUNCH_APP, "appId", "com.example.list");
                d.run(Tool.SWIPE, "direction", "up");
                d.run(Tool.STOP_APP, "appId", "com.example.list");
            }
            done.set(true);
            for (Thread t : readers) t.join(10_000);
            assertThat(errors).isEmpty();
            assertThat(reads.get()).isPositive();
        }
    }

    @Test
    void realisticProfileRunsTheSameFlow() throws Exception {
        try (Driver d = new Driver(new SimDevice(SimConfig.defaults("sim-r", LatencyProfile.REALISTIC)), dir)) {
            d.run(Tool.LAUNCH_APP, "appId", "com.example.login");
            d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "user@example.com");
            d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "password"), "text", "password123");
            d.run(Tool.TAP_ON, "id", "sign_in");
            d.run(Tool.ASSERT_VISIBLE, "text", "Welcome, user@example.com");
            assertThat(d.device.isSettled()).isTrue();
        }
    }
}
