package dev.tandem.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@link TextMatch}'s compiled patterns, by what was written; bounded so only a pathological input can fill it. */
final class RegexCache {
    private static final int MAX = 4096;
    /** /regex/ values of plans and commands (DOTALL). */
    static final Map<String, TextMatch.Regex> WRITTEN = new ConcurrentHashMap<>();
    /** Bare patterns of app definitions (default flags). */
    static final Map<String, TextMatch.Regex> BARE = new ConcurrentHashMap<>();

    private RegexCache() {}

    static TextMatch.Regex get(Map<String, TextMatch.Regex> cache, String written, Supplier<Pattern> compile,
            Function<String, String> message) {
        TextMatch.Regex cached = cache.get(written);
        if (cached != null) return cached;
        try {
            TextMatch.Regex r = new TextMatch.Regex(written, compile.get());
            if (cache.size() > MAX) cache.clear(); // plans are finite; this only bounds a pathological one
            cache.put(written, r);
            return r;
        } catch (PatternSyntaxException e) {
            throw new TextMatch.InvalidRegex(message.apply(e.getDescription()), e.getDescription());
        }
    }
}
