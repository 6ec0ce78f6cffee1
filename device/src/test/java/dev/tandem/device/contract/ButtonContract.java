package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Tool;
import org.junit.jupiter.api.Test;

/** {@code pressButton}: back, home, enter. */
public interface ButtonContract extends Contract {

    /** Signs in on the login app: its second screen, {@code home}. */
    private void signIn() throws InterruptedException {
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().run(Tool.INPUT_TEXT, "id", "password", "text", "password123", "imeAction", "go");
        assertThat(d().snapshot().screen()).isEqualTo("home");
    }

    @Test
    default void backPopsTheScreenThenLeavesTheApp() throws Exception {
        // Pins: back returns to the previous screen of the same app run (its state kept), and at the root leaves the app.
        signIn();
        d().button("back");
        assertThat(d().snapshot()).extracting(s -> s.app(), s -> s.screen()).containsExactly(LOGIN, "login");
        assertThat(d().need("email").text()).isEqualTo("user@example.com");
        d().button("back");
        assertThat(d().snapshot().app()).isNull();
    }

    @Test
    default void backFirstHidesTheKeyboardAndTheFieldKeepsTheFocus() throws Exception {
        // Pins: with a field focused, the first back only hides the keyboard (same screen, field still focused).
        d().launch(LOGIN);
        d().tap("email");
        d().button("back");
        assertThat(d().snapshot().screen()).isEqualTo("login");
        assertThat(d().need("email").focused()).isTrue();
        d().button("back");
        assertThat(d().snapshot().app()).isNull();
    }

    @Test
    default void homeLeavesTheApp() throws Exception {
        // Pins: home shows the home screen from anywhere in an app (snapshot.app null).
        signIn();
        d().button("home");
        assertThat(d().snapshot().app()).isNull();
    }

    @Test
    default void enterRunsTheFocusedFieldsAction() throws Exception {
        // Pins: the enter button is the focused field's IME action (go on the password field: sign in).
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().run(Tool.INPUT_TEXT, "id", "password", "text", "password123");
        d().button("enter");
        assertThat(d().snapshot().screen()).isEqualTo("home");
    }

    @Test
    default void enterWithNoFieldFocusedDoesNothing() throws Exception {
        // Pins: enter with nothing focused changes nothing and is not an error.
        d().launch(LOGIN);
        d().button("enter");
        assertThat(d().snapshot().screen()).isEqualTo("login");
        assertThat(d().byId("email_error")).isEmpty();
    }

    @Test
    default void anUnknownButtonFailsWithBadParams() throws Exception {
        // Pins: a button other than back, home, enter is BAD_PARAMS naming the valid ones.
        d().launch(LOGIN);
        assertThat(d().fails(ErrorCode.BAD_PARAMS, () -> d().run(Tool.PRESS_BUTTON, "button", "menu")).getMessage())
                .contains("back, home or enter");
    }

    @Test
    default void backOnTheHomeScreenDoesNothing() throws Exception {
        // Pins: back with no app in front stays on the home screen (it does not reopen the last app).
        d().launch(LOGIN);
        d().button("home");
        d().button("back");
        assertThat(d().snapshot().app()).isNull();
    }
}
