package dev.tandem.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.TextMatch;
import dev.tandem.protocol.TrayAction;
import java.util.List;

/**
 * {@code systemTray}: find, open, tap, dismiss or clear notifications. {@code find}, {@code tap}
 * and {@code dismiss} wait up to {@code awaitTimeout} ms for a notification whose title and body
 * match (exactly, or /regex/ over the whole value).
 */
final class TrayTools {
    static final long DEFAULT_AWAIT_MS = 5_000;

    private TrayTools() {}

    static JsonNode run(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        TrayAction action = TrayAction.require(Params.requireString(params, "action", "systemTray"));
        return switch (action) {
            case OPEN -> {
                d.openTray();
                Waits.settle(d, ctx);
                yield Json.object();
            }
            case CLEAR_ALL -> {
                d.clearNotifications();
                Waits.settle(d, ctx);
                yield Json.object();
            }
            case FIND, TAP, DISMISS -> {
                Notification n = await(d, params, ctx);
                if (action == TrayAction.TAP) d.tapNotification(n);
                if (action == TrayAction.DISMISS) d.dismissNotification(n);
                Waits.settle(d, ctx);
                ObjectNode out = Json.object();
                out.put("title", n.title());
                out.put("body", n.body());
                out.put("app", n.app());
                yield out;
            }
        };
    }

    private static Notification await(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        JsonNode want = params.path("notification");
        String title = Params.string(want, "title");
        String body = Params.string(want, "body");
        TextMatch titleMatch = title == null ? null : TextMatch.of(title);
        TextMatch bodyMatch = body == null ? null : TextMatch.of(body);
        long timeout = Params.longOr(params, "awaitTimeout", DEFAULT_AWAIT_MS);
        long deadline = ctx.deadlineIn(timeout);
        while (true) {
            ctx.checkCancelled();
            long version = d.uiVersion();
            List<Notification> all = d.notifications();
            for (Notification n : all) {
                if (matches(titleMatch, n.title()) && matches(bodyMatch, n.body())) return n;
            }
            if (System.nanoTime() - deadline >= 0) {
                StringBuilder sb = new StringBuilder("No notification with");
                if (title != null) sb.append(" title \"").append(title).append('"');
                if (body != null) sb.append(title != null ? " and" : "").append(" body \"").append(body).append('"');
                if (title == null && body == null) sb.append(" any content");
                sb.append(" arrived within ").append(timeout).append(" ms. ");
                if (all.isEmpty()) sb.append("The tray is empty.");
                else {
                    sb.append("The tray holds: ");
                    for (int i = 0; i < Math.min(5, all.size()); i++) {
                        Notification n = all.get(i);
                        if (i > 0) sb.append("; ");
                        sb.append('"').append(n.title()).append("\": \"").append(n.body()).append('"');
                    }
                    sb.append('.');
                }
                throw new TandemException(ErrorCode.NOTIFICATION_NOT_FOUND, sb.toString());
            }
            d.awaitUiChange(version, deadline);
        }
    }

    /** No expectation matches anything; a missing value matches no expectation. */
    private static boolean matches(TextMatch expected, String actual) {
        return expected == null || expected.matches(actual);
    }
}
