package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Tool;
import org.junit.jupiter.api.Test;

/** {@code inputText} and {@code clearText} on the focused field, and the tools' selector and {@code replace}. */
public interface TextContract extends Contract {

    @Test
    default void inputTextAppendsAtTheEndOfTheFocusedFieldsValue() throws Exception {
        // Pins: each inputText adds its text after the field's current value, never replacing it.
        d().launch(LOGIN);
        d().tap("email");
        d().type("user@");
        d().type("example.com");
        assertThat(d().need("email").text()).isEqualTo("user@example.com");
    }

    @Test
    default void inputTextWithASelectorFocusesThatFieldAndAppendsAtItsEnd() throws Exception {
        // Pins: the tool's selector taps the field first (it takes the focus); text goes at the end wherever the tap landed.
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@");
        d().run(Tool.INPUT_TEXT, "id", "password", "text", "abc");
        assertThat(d().need("password").focused()).isTrue();
        assertThat(d().need("email").focused()).isFalse();
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "example.com");
        assertThat(d().need("email").text()).isEqualTo("user@example.com");
    }

    @Test
    default void inputTextWithReplaceReplacesTheValue() throws Exception {
        // Pins: replace: true clears the field before typing (like Playwright's fill).
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "old@example.com");
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "new@example.com", "replace", true);
        assertThat(d().need("email").text()).isEqualTo("new@example.com");
    }

    @Test
    default void aSecretFieldShowsOneBulletPerCharacter() throws Exception {
        // Pins: a password field's text in the tree is one U+2022 per character typed, never the text.
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "password", "text", "hunter2");
        assertThat(d().need("password").text()).isEqualTo("\u2022".repeat(7));
    }

    @Test
    default void inputTextWithoutAFocusedFieldFails() throws Exception {
        // Pins: with no field focused, inputText fails with ELEMENT_NOT_FOUND saying how to focus one.
        d().launch(LOGIN);
        assertThat(d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().device().inputText("x")).getMessage()).contains("focused");
        d().launch(LIST);
        d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().run(Tool.INPUT_TEXT, "text", "x"));
    }

    @Test
    default void clearTextEmptiesTheFocusedFieldSoItsHintShowsAgain() throws Exception {
        // Pins: clearText leaves the field empty (text null or ""), so a selector on its hint matches it again.
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().device().clearText();
        d().settle();
        assertThat(d().need("email").text()).isNullOrEmpty();
        assertThat(d().need("email").focused()).isTrue();
        assertThat(d().run(Tool.ASSERT_VISIBLE, "text", "Email").path("element").asText()).contains("#email");
    }

    @Test
    default void clearTextWithASelectorClearsThatField() throws Exception {
        // Pins: the clearText tool's selector focuses the field first; the other fields keep their text.
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().run(Tool.INPUT_TEXT, "id", "password", "text", "secret");
        d().run(Tool.CLEAR_TEXT, "id", "email");
        assertThat(d().need("email").text()).isNullOrEmpty();
        assertThat(d().need("password").text()).isEqualTo("\u2022".repeat(6));
    }

    @Test
    default void clearTextWithoutAFocusedFieldFails() throws Exception {
        // Pins: with no field focused, clearText fails with ELEMENT_NOT_FOUND.
        d().launch(LOGIN);
        d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().device().clearText());
    }

    @Test
    default void inputTextTypesAnyTextVerbatim() throws Exception {
        // Pins: what is typed is what the field holds: letters beyond ASCII, emoji, quotes, markup, inner spaces.
        d().launch(CHAT);
        String text = "Gr\u00fc\u00dfe, \ud83d\ude00 \"quoted\" & <b>bold</b>  two  spaces";
        d().type(text);
        assertThat(d().need("compose").text()).isEqualTo(text);
    }

    @Test
    default void typingWithTheShadeOpenFails() throws Exception {
        // Pins: the open shade hides the focused field: inputText fails with ELEMENT_NOT_FOUND, the field is unchanged.
        requires(Tool.SYSTEM_TRAY);
        d().launch(CHAT);
        d().device().openTray();
        d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().device().inputText("x"));
        d().button("back");
        assertThat(d().need("compose").text()).isNullOrEmpty();
    }
}
