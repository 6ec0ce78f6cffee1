package dev.tandem.daemon.sources.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The slot gate against a fake Grid on loopback that answers {@code /status} late, or not at all. */
class SlotGateTest {
    private static final Map<String, Object> CHROME = Map.of("browserName", "chrome");
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
        pool.shutdownNow();
    }

    /** A fake Grid whose first {@code lateAnswers} /status requests are answered only once the next request came (or never). */
    private GridClient fakeGrid(int lateAnswers, AtomicInteger asked) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(pool);
        CountDownLatch[] next = {new CountDownLatch(1)};
        server.createContext("/status", ex -> {
            int n = asked.incrementAndGet();
            CountDownLatch mine;
            synchronized (next) {
                next[0].countDown(); // the request before this one may answer now: its client has given up on it
                mine = next[0] = new CountDownLatch(1);
            }
            if (n <= lateAnswers) {
                try {
                    mine.await(10, TimeUnit.SECONDS); // a loaded hub: the answer comes after the client stopped waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = GridStatusTest.STATUS.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            } catch (IOException gone) {
                // the client timed out and closed the connection
            }
        });
        server.start();
        return new GridClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Test
    void aStatusThatAnswersLateIsAskedAgainAndTheRequestGoesAhead() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SlotGate gate = new SlotGate(fakeGrid(2, asked), 30_000, Duration.ofMillis(200));

        gate.enter(CHROME, () -> 0); // the fake Grid has one free Chrome slot once it answers

        assertThat(asked.get()).as("two late answers, then the one that was used").isEqualTo(3);
        gate.done();
    }

    @Test
    void aGridThatNeverAnswersInTimeFailsOnceTheGatesBoundIsSpent() throws Exception {
        SlotGate gate = new SlotGate(fakeGrid(Integer.MAX_VALUE, new AtomicInteger()), 600, Duration.ofMillis(150));

        assertThatThrownBy(() -> gate.enter(CHROME, () -> 0)).isInstanceOf(SlotGate.Busy.class)
                .hasMessageContaining("is not answering").hasMessageContaining("asked again for 600 ms")
                .hasMessageContaining("start it or check the URL in devices.yaml");
    }

    @Test
    void aGridThatRefusesTheConnectionFailsAtOnceWithoutAskingAgain() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        SlotGate gate = new SlotGate(new GridClient(URI.create("http://127.0.0.1:" + closed)), 60_000, Duration.ofSeconds(3));

        assertThatThrownBy(() -> gate.enter(CHROME, () -> 0)).isInstanceOf(SlotGate.Busy.class)
                .hasMessageContaining("is not answering").hasMessageNotContaining("asked again");
    }
}
