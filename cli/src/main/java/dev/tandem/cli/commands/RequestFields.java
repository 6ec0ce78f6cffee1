package dev.tandem.cli.commands;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon names request fields (in backticks: {@code `startStep`}); the CLI shows them as the
 * flags that set them ({@code --start-step}), so its messages read as they always did.
 */
public final class RequestFields {
    private RequestFields() {}

    private static final Map<String, String> FLAGS = Map.of(
            "startStep", "--start-step",
            "abortStrategy", "--abort-strategy",
            "runnerPort", "--runner-port",
            "shards", "--shards",
            "mode", "--shard-mode",
            "shardIndex", "--shard-index",
            "shardTotal", "--shard-total",
            "device", "--device",
            "waitMs", "--wait-timeout",
            "apps", "--app");

    private static final Pattern QUOTED = Pattern.compile("`(\\w+)`");

    /** The flag for a request field, if the CLI has one. */
    public static Optional<String> flagOf(String field) {
        return Optional.ofNullable(FLAGS.get(field));
    }

    /** The message with every quoted request field the CLI has a flag for replaced by that flag. */
    public static String asFlags(String message) {
        if (message == null || message.indexOf('`') < 0) return message;
        Matcher m = QUOTED.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(flagOf(m.group(1)).orElse(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
