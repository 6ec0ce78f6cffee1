package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TapKind and Direction from their wire names; a bad one's message lists the valid ones. */
class VocabularyParseTest {
    @Test
    void tapKindsByWireNameDefaultTap() {
        assertThat(TapKind.parse(null)).isEqualTo(TapKind.TAP);
        assertThat(TapKind.parse("tap")).isEqualTo(TapKind.TAP);
        assertThat(TapKind.parse("doubleTap")).isEqualTo(TapKind.DOUBLE_TAP);
        assertThat(TapKind.parse("longPress")).isEqualTo(TapKind.LONG_PRESS);
        assertThatThrownBy(() -> TapKind.parse("LongPress")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tapOn action must be tap, doubleTap or longPress, not 'LongPress'");
    }

    @Test
    void directionsIgnoreCase() {
        assertThat(Direction.parse("up")).isEqualTo(Direction.UP);
        assertThat(Direction.parse("Left")).isEqualTo(Direction.LEFT);
        assertThatThrownBy(() -> Direction.parse("sideways")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("direction must be up, down, left or right, not 'sideways'");
    }
}
