package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Tool;
import org.junit.jupiter.api.Test;

/** {@code imeAction}: the soft keyboard's action key, checked against the focused field's own. */
public interface ImeContract extends Contract {

    @Test
    default void nextMovesTheFocusToTheNextField() throws Exception {
        // Pins: next on a field whose action is next focuses the following text field.
        d().launch(LOGIN);
        d().tap("email");
        d().ime("next");
        assertThat(d().need("password").focused()).isTrue();
        assertThat(d().need("email").focused()).isFalse();
    }

    @Test
    default void theFieldsOwnActionRunsWhatTheAppBindsToIt() throws Exception {
        // Pins: the field's own action runs its handler: go on the password field signs in (here: shows both errors).
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "password", "text", "short");
        d().ime("go");
        assertThat(d().need("email_error").text()).isEqualTo("Enter a valid email address");
        assertThat(d().need("password_error").text()).isEqualTo("Password must be at least 8 characters");
    }

    @Test
    default void enterActsAsAnyFieldsOwnAction() throws Exception {
        // Pins: the action enter is accepted by every field and runs the field's own action.
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().run(Tool.INPUT_TEXT, "id", "password", "text", "password123");
        d().ime("enter");
        assertThat(d().snapshot().screen()).isEqualTo("home");
        assertThat(d().need("welcome").text()).isEqualTo("Welcome, user@example.com");
    }

    @Test
    default void anActionOtherThanTheFieldsOwnFailsNamingTheRightOne() throws Exception {
        // Pins: BAD_PARAMS when the action is not the field's own, naming both; nothing runs.
        d().launch(LOGIN);
        d().tap("password");
        assertThat(d().fails(ErrorCode.BAD_PARAMS, () -> d().ime("send")).getMessage()).contains("'go', not 'send'");
        assertThat(d().byId("email_error")).isEmpty();
    }

    @Test
    default void anImeActionWithoutAFocusedFieldFails() throws Exception {
        // Pins: with no field focused, imeAction fails with ELEMENT_NOT_FOUND.
        d().launch(LOGIN);
        d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().ime("go"));
    }

    @Test
    default void anUnknownImeActionFailsWithBadParams() throws Exception {
        // Pins: an action outside send, go, done, search, next, enter is BAD_PARAMS.
        d().launch(LOGIN);
        d().tap("email");
        d().fails(ErrorCode.BAD_PARAMS, () -> d().run(Tool.IME_ACTION, "action", "launch"));
    }

    @Test
    default void inputTextWithAnImeActionTypesThenActs() throws Exception {
        // Pins: inputText's imeAction runs after the text is typed, on the same field.
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().run(Tool.INPUT_TEXT, "id", "password", "text", "password123", "imeAction", "go");
        assertThat(d().snapshot().screen()).isEqualTo("home");
    }
}
