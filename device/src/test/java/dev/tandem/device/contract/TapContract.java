package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.TapKind;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Tool;
import org.junit.jupiter.api.Test;

/** {@code tap(element, kind)}: tap, double tap, long press; and tapOn's actionability checks. */
public interface TapContract extends Contract {

    @Test
    default void aTapFlipsACheckbox() throws Exception {
        // Pins: TAP on a checkbox checks it; a second TAP unchecks it.
        d().launch(LOGIN);
        d().tap("remember");
        assertThat(d().need("remember").checked()).isTrue();
        d().tap("remember");
        assertThat(d().need("remember").checked()).isFalse();
    }

    @Test
    default void aTapOnATextFieldFocusesIt() throws Exception {
        // Pins: TAP on a text field gives it the focus (UiNode.focused), and only it.
        d().launch(LOGIN);
        d().tap("email");
        assertThat(d().need("email").focused()).isTrue();
        d().tap("password");
        assertThat(d().need("password").focused()).isTrue();
        assertThat(d().need("email").focused()).isFalse();
    }

    @Test
    default void aTapIsOneTap() throws Exception {
        // Pins: one TAP runs the element's action once (the counter posts exactly one message).
        d().launch(COUNTER);
        d().tap("send");
        assertThat(d().awaitChatMessages(1)).hasSize(1);
        d().await("status 'Sent +1'", x -> "Sent +1".equals(d().need("status").text()));
        assertThat(d().chatMessages()).hasSize(1);
    }

    @Test
    default void aDoubleTapIsTwoTaps() throws Exception {
        // Pins: DOUBLE_TAP runs the element's tap action twice (two messages), and flips a checkbox back.
        d().launch(COUNTER);
        d().tap("send", TapKind.DOUBLE_TAP);
        assertThat(d().awaitChatMessages(2)).extracting(m -> m.text()).containsExactly("+1", "+1");
        d().launch(LOGIN);
        d().tap("remember", TapKind.DOUBLE_TAP);
        assertThat(d().need("remember").checked()).isFalse();
    }

    @Test
    default void aLongPressIsNotATap() throws Exception {
        // Pins: LONG_PRESS does not run the tap action: no message, the status unchanged, a checkbox not flipped.
        d().launch(COUNTER);
        d().tap("send", TapKind.LONG_PRESS);
        assertThat(d().need("status").text()).isEqualTo("Nothing sent yet");
        assertThat(d().chatMessages()).isEmpty();
        d().launch(LOGIN);
        d().tap("remember", TapKind.LONG_PRESS);
        assertThat(d().need("remember").checked()).isFalse();
    }

    @Test
    default void aLongPressOnATextFieldFocusesIt() throws Exception {
        // Pins: LONG_PRESS on a text field focuses it (as on a phone, where it then offers paste).
        d().launch(LOGIN);
        d().tap("email", TapKind.LONG_PRESS);
        assertThat(d().need("email").focused()).isTrue();
    }

    @Test
    default void tapOnTakesTheActionFromTheToolsParams() throws Exception {
        // Pins: tapOn's action tap/doubleTap/longPress selects the TapKind; the reply names the element tapped.
        d().launch(LOGIN);
        assertThat(d().run(Tool.TAP_ON, "id", "remember", "action", "doubleTap").path("element").asText()).contains("#remember");
        assertThat(d().need("remember").checked()).isFalse();
        d().run(Tool.TAP_ON, "id", "remember", "action", "longPress");
        assertThat(d().need("remember").checked()).isFalse();
        d().run(Tool.TAP_ON, "id", "remember", "action", "tap");
        assertThat(d().need("remember").checked()).isTrue();
        d().fails(ErrorCode.BAD_PARAMS, () -> d().run(Tool.TAP_ON, "id", "remember", "action", "tripleTap"));
    }

    @Test
    default void tapOnADisabledElementFailsAndDoesNothing() throws Exception {
        // Pins: tapOn waits for a disabled element to become enabled, then fails with ELEMENT_DISABLED.
        d().launch(LOGIN);
        assertThat(d().fails(ErrorCode.ELEMENT_DISABLED, () -> d().run(Tool.TAP_ON, "id", "forgot", "timeout", 300)).getMessage())
                .contains("disabled");
        assertThat(d().snapshot().screen()).isEqualTo("login");
    }

    @Test
    default void tapOnAnElementOffScreenFailsWithElementNotFound() throws Exception {
        // Pins: an element scrolled out of view cannot be tapped: ELEMENT_NOT_FOUND, nothing selected.
        d().launch(LIST);
        d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().run(Tool.TAP_ON, "text", "Item 150", "timeout", 300));
        assertThat(d().need("selected").text()).isEqualTo("Tap an item");
    }
}
