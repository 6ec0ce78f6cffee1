package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextMatchTest {

    @Test
    void anExactValueMatchesOnlyItselfCaseSensitively() {
        TextMatch m = TextMatch.of("Sign in");
        assertThat(m).isInstanceOf(TextMatch.Exact.class);
        assertThat(m.matches("Sign in")).isTrue();
        assertThat(m.matches("sign in")).isFalse();
        assertThat(m.matches("Sign in now")).isFalse();
        assertThat(m.matches(null)).isFalse();
        assertThat(TextMatch.of("/").matches("/")).as("a lone slash is text").isTrue();
    }

    @Test
    void aSlashedValueIsARegexOverTheWholeValueAcrossLines() {
        TextMatch m = TextMatch.of("/Item \\d/");
        assertThat(m.matches("Item 1")).isTrue();
        assertThat(m.matches("Item 12")).as("full match, not find").isFalse();
        assertThat(m.matches("An Item 1")).isFalse();
        assertThat(m.matches(null)).isFalse();
        assertThat(TextMatch.of("/a.b/").matches("a\nb")).as("DOTALL").isTrue();
        assertThat(TextMatch.of("//").matches("")).isTrue();
        assertThat(m.text()).isEqualTo("Item \\d");
        assertThat(m.written()).isEqualTo("/Item \\d/");
    }

    @Test
    void compiledPatternsAreCached() {
        assertThat(TextMatch.of("/cached \\w+/")).isSameAs(TextMatch.of("/cached \\w+/"));
        assertThat(TextMatch.regex("[a-z]+")).isSameAs(TextMatch.regex("[a-z]+"));
    }

    @Test
    void anInvalidRegexSaysWhy() {
        assertThatThrownBy(() -> TextMatch.of("/[unclosed/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid regular expression /[unclosed/: Unclosed character class");
        assertThat(TextMatch.error("/[unclosed/")).startsWith("invalid regular expression /[unclosed/: ");
        assertThat(TextMatch.error("plain [text")).isNull();
        assertThatThrownBy(() -> TextMatch.regex("(open")).isInstanceOfSatisfying(TextMatch.InvalidRegex.class,
                e -> assertThat(e.description()).isEqualTo("Unclosed group"));
    }

    @Test
    void aBareRegexUsesJavaDefaults() {
        assertThat(TextMatch.regex(".{3}").matches("abc")).isTrue();
        assertThat(TextMatch.regex(".{3}").matches("a\nc")).as("no DOTALL, as app definitions had").isFalse();
        assertThat(TextMatch.regex("ab").matches("abab")).isFalse();
    }
}
