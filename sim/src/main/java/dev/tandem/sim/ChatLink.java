package dev.tandem.sim;

import dev.tandem.apps.ChatClient;
import dev.tandem.apps.ChatMessage;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.http.TransportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The phone's connection to the chat service: one client per service URL, one long-poll
 * subscription per running app that uses chat. Messages are handed to {@code delivery} on the
 * subscription's thread. Called under the device lock, except {@link #close()}.
 */
final class ChatLink implements AutoCloseable {
    private final Map<String, ChatClient> clients = new HashMap<>();
    private final List<ChatClient.Subscription> subscriptions = new ArrayList<>();
    private final BiConsumer<AppRuntime, ChatMessage> delivery;

    ChatLink(BiConsumer<AppRuntime, ChatMessage> delivery) {
        this.delivery = delivery;
    }

    ChatMessage send(AppRuntime rt, String text) {
        String url = rt.chat.url();
        if (url == null) {
            throw new TandemException(ErrorCode.BAD_PARAMS, rt.appId() + " cannot send a message: launchApp was given no chat "
                    + "service (context.services.chat). Run the plan through the daemon, which starts the service and passes it.");
        }
        try {
            return client(url).send(rt.chat.room(), rt.chat.user(), text);
        } catch (TransportException e) {
            if (e.maybeDelivered()) {
                throw new TandemException(ErrorCode.OUTCOME_UNKNOWN, "The chat service at " + url + " did not answer ("
                        + e.getMessage() + "); the message \"" + text + "\" may or may not have been posted.", e);
            }
            throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "The chat service at " + url + " cannot be reached ("
                    + e.getMessage() + "); the message was not sent. The daemon serves it: check `tandem daemon status`.", e);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.BAD_PARAMS, e.getMessage(), e);
        }
    }

    void subscribe(AppRuntime rt, long after) {
        ChatClient.Subscription s = client(rt.chat.url()).subscribe(rt.chat.room(), after, m -> delivery.accept(rt, m));
        rt.subscription = s;
        subscriptions.removeIf(ChatClient.Subscription::finished);
        subscriptions.add(s);
    }

    /** Stops the app's subscription without waiting (its thread may be waiting for the lock we hold). */
    void unsubscribe(AppRuntime rt) {
        if (rt.subscription != null) rt.subscription.stop();
        rt.subscription = null;
    }

    private ChatClient client(String url) {
        return clients.computeIfAbsent(url, ChatClient::new);
    }

    /** Stops every subscription and waits for them; call without holding the device lock. */
    @Override
    public void close() {
        List<ChatClient.Subscription> subs = List.copyOf(subscriptions);
        List<ChatClient> cs = List.copyOf(clients.values());
        subs.forEach(ChatClient.Subscription::close);
        cs.forEach(ChatClient::close);
    }
}
