package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.TandemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tags: on a plan, and the --tags filter. */
class TagsTest {
    @Test
    void tagsAreAListOrOneTagInOrderWithoutRepeats() {
        assertThat(Loads.ok("tags: [smoke, login, smoke]\nsteps: [{tool: wait, ms: 1}]").tags()).containsExactly("smoke", "login");
        assertThat(Loads.ok("tags: smoke\nsteps: [{tool: wait, ms: 1}]").tags()).containsExactly("smoke");
        assertThat(Loads.ok("steps: [{tool: wait, ms: 1}]").tags()).isEmpty();
    }

    @Test
    void badTagsAreErrorsAtTheTag() {
        assertThat(Loads.briefs("tags: [ok, \"!slow\", \"two words\", {a: b}]\nsteps: [{tool: wait, ms: 1}]")).containsExactly(
                "1:12 tag '!slow' is not a tag name", "1:21 tag 'two words' is not a tag name",
                "1:34 'tags' must be a list of tags, found a mapping");
    }

    @Test
    void filterMatchesWantedAndExcludedTags() {
        TagFilter f = TagFilter.parse(" smoke , !slow ");
        assertThat(f.matches(List.of("smoke"))).isTrue();
        assertThat(f.matches(List.of("smoke", "slow"))).isFalse();
        assertThat(f.matches(List.of("other"))).isFalse();
        assertThat(TagFilter.parse("!slow").matches(List.of())).isTrue();
        assertThat(f.toString()).isEqualTo("smoke,!slow");
    }

    @Test
    void aMalformedFilterIsAUsageError() {
        assertThatThrownBy(() -> TagFilter.parse("smoke,,slow")).isInstanceOf(TandemException.class)
                .hasMessageContaining("--tags: '' is not a tag");
        assertThatThrownBy(() -> TagFilter.parse("a b")).hasMessageContaining("'a b' is not a tag");
    }
}
