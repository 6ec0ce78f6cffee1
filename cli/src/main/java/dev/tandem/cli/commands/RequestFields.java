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

    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("startStep", "--start-step"),
            Map.entry("abortStrategy", "--abort-strategy"),
            Map.entry("runnerPort", "--runner-port"),
            Map.entry("shards", "--shards"),
            Map.entry("mode", "--shard-mode"),
            Map.entry("shardIndex", "--shard-index"),
            Map.entry("shardTotal", "--shard-total"),
            Map.entry("device", "--device"),
            Map.entry("platform", "--platform"),
            Map.entry("waitMs", "--wait-timeout"),
            Map.entry("apps", "--app"),
            Map.entry("tags", "--tags"),
            Map.entry("retries", "--retries"),
            Map.entry("screenshots", "--screenshots"),
            Map.entry("failOnFlaky", "--fail-on-flaky"));

    /** A backticked field alone, or a field and a value in backticks: a suggested setting, shown as its flag and value in backticks. */
    private static final Pattern QUOTED = Pattern.compile("`(\\w+)( [^`]*)?`");

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
            String rest = m.group(2);
            String shown = flagOf(m.group(1)).map(flag -> rest == null ? flag : "`" + flag + rest + "`").orElse(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(shown));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
