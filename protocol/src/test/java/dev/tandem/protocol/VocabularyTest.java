package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shared vocabularies keep today's wire names, their order in messages, and today's errors. */
class VocabularyTest {

    @Test
    void wireNamesAreTheSpellingsPlansUse() {
        assertThat(ImeAction.WIRE_NAMES).containsExactly("send", "go", "done", "search", "next", "enter");
        assertThat(Button.WIRE_NAMES).containsExactly("back", "home", "enter");
        assertThat(TrayAction.WIRE_NAMES).containsExactly("find", "open", "tap", "dismiss", "clearAll");
    }

    @Test
    void fromWireIsExactAndCaseSensitive() {
        assertThat(TrayAction.fromWire("clearAll")).contains(TrayAction.CLEAR_ALL);
        assertThat(TrayAction.fromWire("clearall")).isEmpty();
        assertThat(ImeAction.fromWire("SEND")).isEmpty();
        assertThat(Button.fromWire(null)).isEmpty();
    }

    @Test
    void aFieldDeclaresEveryActionButEnter() {
        assertThat(ImeAction.FIELD_ACTIONS).containsExactly(ImeAction.SEND, ImeAction.GO, ImeAction.DONE, ImeAction.SEARCH, ImeAction.NEXT);
    }

    @Test
    void requireGivesTheBackendsMessages() {
        assertThatThrownBy(() -> ImeAction.require("sned")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS);
            assertThat(e.getMessage()).isEqualTo("imeAction must be send, go, done, search, next or enter, not 'sned'.");
        });
        assertThatThrownBy(() -> Button.require("menu"))
                .hasMessage("pressButton button must be back, home or enter, not 'menu'.");
        assertThatThrownBy(() -> TrayAction.require("close"))
                .hasMessage("systemTray action must be find, open, tap, dismiss or clearAll, not 'close'");
    }
}
