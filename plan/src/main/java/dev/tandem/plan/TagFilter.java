package dev.tandem.plan;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --tags smoke,!slow}: a plan is chosen when it has at least one of the wanted tags (or
 * none are named) and none of the excluded ones.
 */
public record TagFilter(List<String> wanted, List<String> excluded) {
    public static final TagFilter ALL = new TagFilter(List.of(), List.of());

    public TagFilter {
        wanted = List.copyOf(wanted);
        excluded = List.copyOf(excluded);
    }

    /** Parses a comma-separated filter; a bad one is a USAGE error naming the part. Null or blank: every plan. */
    public static TagFilter parse(String spec) {
        if (spec == null || spec.isBlank()) return ALL;
        List<String> want = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (String raw : spec.split(",", -1)) {
            String part = raw.strip();
            boolean negated = part.startsWith("!");
            String tag = negated ? part.substring(1).strip() : part;
            if (!Tags.isTag(tag)) {
                throw new TandemException(ErrorCode.USAGE, "--tags: '" + Messages.clip(part) + "' is not a tag"
                        + " (write tags separated by commas, a '!' before a tag excludes it: --tags smoke,!slow)");
            }
            (negated ? not : want).add(tag);
        }
        return new TagFilter(want, not);
    }

    public boolean matches(List<String> tags) {
        if (tags.stream().anyMatch(excluded::contains)) return false;
        return wanted.isEmpty() || tags.stream().anyMatch(wanted::contains);
    }

    public boolean all() {
        return wanted.isEmpty() && excluded.isEmpty();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(wanted);
        excluded.forEach(t -> parts.add("!" + t));
        return String.join(",", parts);
    }
}
