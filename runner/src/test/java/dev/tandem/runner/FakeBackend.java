package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Backend;
import dev.tandem.device.CommandContext;
import dev.tandem.device.Device;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A backend that records each command it runs (its {@code tag} param) as one effect. A command
 * whose tag has a {@link #hold} latch blocks until it is released, cancelled or out of time.
 */
final class FakeBackend implements Backend {
    private final List<String> effects = new ArrayList<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> blocks = new ConcurrentHashMap<>();
    volatile Consumer<JsonNode> beforeEffect = p -> { };
    volatile JsonNode lastParams;
    /** The device whose screen a command hands over to settle after its reply, when asked to. */
    volatile Device settles;

    /** Makes the command tagged {@code tag} block; returns the latch that releases it. */
    CountDownLatch hold(String tag) {
        CountDownLatch l = new CountDownLatch(1);
        holds.put(tag, l);
        entered.put(tag, new CountDownLatch(1));
        return l;
    }

    /**
     * Makes the command tagged {@code tag} block like a device primitive that knows nothing of
     * deadlines or cancels (a page load, a phone's latency) until released; it then has its effect.
     */
    CountDownLatch block(String tag) {
        CountDownLatch l = new CountDownLatch(1);
        blocks.put(tag, l);
        return l;
    }

    /** Waits until the held command tagged {@code tag} is running. */
    boolean awaitEntered(String tag, long ms) throws InterruptedException {
        return entered.get(tag).await(ms, TimeUnit.MILLISECONDS);
    }

    synchronized List<String> effects() {
        return List.copyOf(effects);
    }

    synchronized long effects(String tag) {
        return effects.stream().filter(tag::equals).count();
    }

    @Override
    public Device device() {
        throw new UnsupportedOperationException("the fake backend has no device");
    }

    @Override
    public JsonNode runCommand(Tool tool, JsonNode params, CommandContext ctx) throws InterruptedException {
        lastParams = params;
        String tag = params == null ? "" : params.path("tag").asText("");
        beforeEffect.accept(params);
        CountDownLatch block = blocks.get(tag);
        if (block != null) block.await();
        CountDownLatch hold = holds.get(tag);
        if (hold != null) {
            entered.get(tag).countDown();
            while (!hold.await(10, TimeUnit.MILLISECONDS)) {
                ctx.checkCancelled();
                if (ctx.remainingMs() == 0) throw new TandemException(ErrorCode.STEP_TIMEOUT, tag + " timed out");
            }
        }
        synchronized (this) {
            effects.add(tag);
        }
        if (settles != null && ctx.settleAfterReply() != null) ctx.settleAfterReply().accept(settles);
        return Json.object().put("ran", tag);
    }

    @Override
    public void close() {}
}
