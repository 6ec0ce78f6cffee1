package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "closest on screen" of a not-found message: by text, hint or id, closest first. */
class ClosestMatchesTest {
    private static UiNode el(String role, String id, String text, String hint) {
        return new UiNode(null, role, id, text, hint, new Bounds(0, 0, 10, 10), true, null, false, List.of());
    }

    private static Snapshot screen(String app, UiNode... elements) {
        UiNode root = new UiNode(null, "screen", null, null, null, new Bounds(0, 0, 100, 100), true, null, false, List.of(elements));
        return new Snapshot("d", app, "login", 100, 100, 1, root);
    }

    @Test
    void ranksByEditDistanceOverTextHintAndIdClosestFirst() {
        Snapshot s = screen("app", el("button", "sign_in", "Sign in", null), el("textfield", "email", null, "Email"),
                el("button", "forgot", "Forgot password?", null), el("group", null, null, null));
        assertThat(ClosestMatches.rank(new Selector("Sign on", null, null, null), s, 3)).extracting(UiNode::id)
                .startsWith("sign_in").doesNotContainNull().hasSize(3);
        assertThat(ClosestMatches.rank(new Selector("Emial", null, null, null), s, 1)).extracting(UiNode::id).containsExactly("email");
        assertThat(ClosestMatches.rank(new Selector(null, "forgot_pw", null, null), s, 1)).extracting(UiNode::id).containsExactly("forgot");
    }

    @Test
    void aContainedWordAndAMatchingRoleCountAsClose() {
        Snapshot s = screen("app", el("text", null, "Sign", null), el("button", null, "Password", null), el("text", null, "Passwords", null));
        assertThat(ClosestMatches.rank(new Selector("Password", null, "button", null), s, 1)).extracting(UiNode::text).containsExactly("Password");
        assertThat(ClosestMatches.rank(new Selector("Sign in now", null, null, null), s, 1)).extracting(UiNode::text).containsExactly("Sign");
    }

    @Test
    void aRegexSelectorIsComparedByItsPattern() {
        Snapshot s = screen("app", el("text", null, "Welcome back", null), el("text", null, "Zzz", null));
        assertThat(ClosestMatches.rank(new Selector("/Welcome.*/", null, null, null), s, 1)).extracting(UiNode::text).containsExactly("Welcome back");
    }

    @Test
    void theMessageSaysWhereItLookedAndWhatIsThere() {
        Snapshot s = screen("com.example.login", el("button", "sign_in", "Sign in", null));
        assertThat(ClosestMatches.notFoundMessage(new Selector("Sign on", null, null, null), s, 120)).isEqualTo(
                "No element matches {text: \"Sign on\"} on screen 'login' of com.example.login after 120 ms."
                        + " Closest on screen: button \"Sign in\" #sign_in.");
        assertThat(ClosestMatches.notFoundMessage(new Selector("x", null, null, null), screen(null, el("group", null, null, null)), 5))
                .isEqualTo("No element matches {text: \"x\"} on the home screen after 5 ms. The screen shows no element with text or id.");
    }

    @Test
    void anElementInAnotherStateIsNamedWithTheStateThatDiffered() {
        UiNode submit = new UiNode(null, "button", "submit", "Submit", null, new Bounds(0, 0, 10, 10), true, null, false, List.of());
        Snapshot s = screen("com.example.login", submit, el("button", "cancel", "Cancel", null));
        Selector disabledSubmit = new Selector(null, "submit", null, null, null, false, null, null, null);
        assertThat(ClosestMatches.notFoundMessage(disabledSubmit, s, 40)).isEqualTo(
                "No element matches {id: \"submit\", enabled: false} on screen 'login' of com.example.login after 40 ms:"
                        + " found button \"Submit\" #submit but it is enabled.");
        Selector checkedSubmit = new Selector("Submit", null, null, null, null, null, true, null, null);
        assertThat(ClosestMatches.notFoundMessage(checkedSubmit, s, 40)).endsWith("found button \"Submit\" #submit but it is not checkable.");
        Selector absent = new Selector("Sign in", null, null, null, null, true, null, null, null);
        assertThat(ClosestMatches.notFoundMessage(absent, s, 40)).as("nothing with that text: the usual closest matches")
                .contains("Closest on screen:");
    }
}
