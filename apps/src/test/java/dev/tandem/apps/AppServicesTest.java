package dev.tandem.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppServicesTest {
    private static AppServices services;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        services = AppServices.start();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() {
        services.close();
        http.close();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void urlsAreLoopback() {
        assertThat(services.chatUrl()).isEqualTo("http://127.0.0.1:" + services.port() + "/chat");
        assertThat(services.appsUrl()).isEqualTo("http://127.0.0.1:" + services.port() + "/apps");
        assertThat(services.services()).containsEntry("chat", services.chatUrl());
    }

    @Test
    void postThenReadNumbersMessagesPerRoom() throws Exception {
        String room = services.chatUrl() + "/rooms/run-1/messages";
        HttpResponse<String> r = post(room, "{\"from\":\"A\",\"text\":\"Hello\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode m = Json.tree(r.body().getBytes());
        assertThat(m.get("seq").asLong()).isEqualTo(1);
        assertThat(m.get("from").asText()).isEqualTo("A");
        assertThat(m.get("at").asLong()).isPositive();
        post(room, "{\"from\":\"B\",\"text\":\"Hi\"}");
        post(services.chatUrl() + "/rooms/run-2/messages", "{\"from\":\"C\",\"text\":\"elsewhere\"}");

        JsonNode page = Json.tree(get(room + "?after=1").body().getBytes());
        assertThat(page.get("messages")).hasSize(1);
        assertThat(page.at("/messages/0/text").asText()).isEqualTo("Hi");
        assertThat(page.get("last").asLong()).isEqualTo(2);
        assertThat(services.chat().messages("run-1")).extracting(ChatMessage::text).containsExactly("Hello", "Hi");
        assertThat(services.chat().messages("run-2")).extracting(ChatMessage::text).containsExactly("elsewhere");
    }

    @Test
    void sameMessageTwiceIsTwoMessages() throws Exception {
        String room = services.chatUrl() + "/rooms/dup/messages";
        post(room, "{\"from\":\"A\",\"text\":\"+1\"}");
        post(room, "{\"from\":\"A\",\"text\":\"+1\"}");
        assertThat(services.chat().messages("dup")).hasSize(2);
    }

    @Test
    void emptyReadWithoutWaitReturnsAtOnce() throws Exception {
        JsonNode page = Json.tree(get(services.chatUrl() + "/rooms/empty/messages").body().getBytes());
        assertThat(page.get("messages")).isEmpty();
        assertThat(page.get("last").asLong()).isZero();
    }

    @Test
    void longPollWakesOnPost() throws Exception {
        String room = services.chatUrl() + "/rooms/poll/messages";
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
                HttpRequest.newBuilder(URI.create(room + "?after=0&waitMs=20000")).build(), HttpResponse.BodyHandlers.ofString());
        post(room, "{\"from\":\"A\",\"text\":\"wake\"}");
        JsonNode page = Json.tree(pending.get(10, TimeUnit.SECONDS).body().getBytes());
        assertThat(page.at("/messages/0/text").asText()).isEqualTo("wake");
    }

    @Test
    void longPollIsBoundedWhenNothingArrives() throws Exception {
        JsonNode page = Json.tree(get(services.chatUrl() + "/rooms/quiet/messages?after=0&waitMs=50").body().getBytes());
        assertThat(page.get("messages")).isEmpty();
        assertThat(page.get("last").asLong()).isZero();
    }

    @Test
    void badRequestsAreClearErrors() throws Exception {
        HttpResponse<String> noText = post(services.chatUrl() + "/rooms/x/messages", "{\"from\":\"A\"}");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("with both values as strings");
        assertThat(post(services.chatUrl() + "/rooms/x/messages", "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> badRoom = get(services.chatUrl() + "/rooms/bad%20room/messages");
        assertThat(badRoom.statusCode()).isEqualTo(400);
        assertThat(badRoom.body()).contains("room names are");
        assertThat(get(services.chatUrl() + "/rooms/x/messages?after=abc").statusCode()).isEqualTo(400);
        assertThat(get(services.chatUrl() + "/nope").statusCode()).isEqualTo(404);
        assertThat(get("http://127.0.0.1:" + services.port() + "/").statusCode()).isEqualTo(404);
    }

    @Test
    void appsIndexAndDefinitionJson() throws Exception {
        JsonNode index = Json.tree(get(services.appsUrl() + "/").body().getBytes());
        assertThat(index.get("apps")).hasSize(5);
        assertThat(index.at("/apps/0/url").asText()).isEqualTo(services.appsUrl() + "/com.chat.app/");

        HttpResponse<String> def = get(services.appsUrl() + "/com.chat.app/app.json");
        assertThat(def.statusCode()).isEqualTo(200);
        assertThat(def.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(AppLoader.parse(def.body(), "app.json")).isEqualTo(AppCatalog.builtin().get("com.chat.app"));
    }

    @Test
    void staticFilesAreServedWithTheirTypeOr404() throws Exception {
        HttpResponse<String> css = get(services.appsUrl() + "/com.example.login/assets/test-style.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).contains("color: black");
        assertThat(get(services.appsUrl() + "/com.example.login/missing.js").statusCode()).isEqualTo(404);
        assertThat(get(services.appsUrl() + "/com.example.login/../builtin/chat.yaml").statusCode()).isEqualTo(404);
        assertThat(get(services.appsUrl() + "/com.example.login/%2e%2e/builtin/chat.yaml").statusCode()).isEqualTo(404);
        assertThat(get(services.appsUrl() + "/com.nope/").statusCode()).isEqualTo(404);
        HttpResponse<String> noSlash = get(services.appsUrl() + "/com.chat.app");
        assertThat(noSlash.statusCode()).isEqualTo(301);
        assertThat(noSlash.headers().firstValue("Location")).hasValue("/apps/com.chat.app/");
    }
}
