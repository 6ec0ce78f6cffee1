package dev.tandem.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatClientTest {

    @Test
    void sendAndPoll() throws Exception {
        try (AppServices services = AppServices.start(); ChatClient client = new ChatClient(services.chatUrl())) {
            ChatMessage m = client.send("r1", "A", "Hello");
            assertThat(m.seq()).isEqualTo(1);
            ChatRooms.Page page = client.poll("r1", 0, 0);
            assertThat(page.messages()).containsExactly(m);
            assertThat(page.last()).isEqualTo(1);
        }
    }

    @Test
    void subscriptionDeliversInOrderAndStopsPromptly() throws Exception {
        try (AppServices services = AppServices.start(); ChatClient client = new ChatClient(services.chatUrl())) {
            LinkedBlockingQueue<ChatMessage> got = new LinkedBlockingQueue<>();
            ChatClient.Subscription sub = client.subscribe("r2", 0, got::add);
            client.send("r2", "A", "one");
            client.send("r2", "B", "two");
            assertThat(got.poll(10, TimeUnit.SECONDS).text()).isEqualTo("one");
            assertThat(got.poll(10, TimeUnit.SECONDS).text()).isEqualTo("two");
            sub.close(); // the subscription is parked in a 20 s long poll: closing releases it
            assertThat(sub.finished()).isTrue();
            assertThat(sub.lastSeq()).isEqualTo(2);
        }
    }

    @Test
    void subscriptionRetriesWhileTheServiceIsDownAndStopsCleanly() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        List<ChatMessage> got = new CopyOnWriteArrayList<>();
        try (ChatClient client = new ChatClient("http://127.0.0.1:" + deadPort + "/chat")) {
            assertThatThrownBy(() -> client.send("r", "A", "x")).isInstanceOf(IOException.class);
            ChatClient.Subscription sub = client.subscribe("r", 0, got::add);
            assertThat(sub.connected()).isFalse();
            sub.close();
            assertThat(sub.finished()).isTrue();
        }
        assertThat(got).isEmpty();
    }

    @Test
    void subscriptionRecoversWhenTheServiceComesBack() throws Exception {
        // a fake chat service that is unavailable for its first two polls
        AtomicInteger polls = new AtomicInteger();
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/chat/", ex -> {
            int n = polls.incrementAndGet();
            String body = n <= 2 ? "{\"error\":{\"code\":\"UNAVAILABLE\",\"message\":\"starting\"}}"
                    : n == 3 ? "{\"messages\":[{\"seq\":1,\"from\":\"A\",\"text\":\"back\",\"at\":1}],\"last\":1}"
                    : "{\"messages\":[],\"last\":1}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(n <= 2 ? 503 : 200, bytes.length);
            try (var out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        fake.start();
        try (ChatClient client = new ChatClient("http://127.0.0.1:" + fake.getAddress().getPort() + "/chat")) {
            LinkedBlockingQueue<ChatMessage> got = new LinkedBlockingQueue<>();
            try (ChatClient.Subscription sub = client.subscribe("r", 0, got::add)) {
                assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo(new ChatMessage(1, "A", "back", 1));
                assertThat(polls.get()).isGreaterThanOrEqualTo(3);
                assertThat(sub.lastSeq()).isEqualTo(1);
            }
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void lastSeqHasReachedAMessageOnceTheListenerHasIt() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/chat/", ex -> {
            byte[] bytes = "{\"messages\":[{\"seq\":1,\"from\":\"A\",\"text\":\"hi\",\"at\":1}],\"last\":1}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            try (var out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        fake.start();
        CountDownLatch release = new CountDownLatch(1);
        try (ChatClient client = new ChatClient("http://127.0.0.1:" + fake.getAddress().getPort() + "/chat")) {
            LinkedBlockingQueue<ChatMessage> got = new LinkedBlockingQueue<>();
            // The listener holds the loop inside the hand-over, as a descheduled thread would:
            // lastSeq was set only after it returned, and a reader woken by the message saw 0.
            try (ChatClient.Subscription sub = client.subscribe("r", 0, m -> {
                got.add(m);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })) {
                assertThat(got.poll(10, TimeUnit.SECONDS)).isNotNull();
                assertThat(sub.lastSeq()).isEqualTo(1);
                release.countDown();
            }
        } finally {
            release.countDown();
            fake.stop(0);
        }
    }

    @Test
    void refusalsCarryTheServiceMessage() throws Exception {
        try (AppServices services = AppServices.start(); ChatClient client = new ChatClient(services.chatUrl())) {
            assertThatThrownBy(() -> client.send("bad room!", "A", "x"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 400").hasMessageContaining("room names are");
        }
    }

    @Test
    void onlyLoopbackUrls() {
        assertThatThrownBy(() -> new ChatClient("http://example.com:80/chat")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://127.0.0.1:PORT/chat");
    }
}
