package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** {@code snapshot()}: the UI tree, and the selectors ToolExecutor matches against it. */
public interface TreeContract extends Contract {

    @Test
    default void aFreshDeviceHasNoAppInFrontAndAnEmptyTray() {
        // Pins: freshDevice gives the home screen (snapshot.app null) with nothing in the tray.
        assertThat(d().snapshot().app()).isNull();
        assertThat(d().device().notifications()).isEmpty();
    }

    @Test
    default void theSnapshotNamesTheForegroundAppItsScreenAndTheScreenSize() throws Exception {
        // Pins: snapshot.app is the launched app's id, screen the app's screen name; size in dp and density are positive.
        Snapshot s = d().launch(LOGIN);
        assertThat(s.app()).isEqualTo(LOGIN);
        assertThat(s.screen()).isEqualTo("login");
        assertThat(s.width()).isPositive();
        assertThat(s.height()).isPositive();
        assertThat(s.density()).isPositive();
        assertThat(d().launch(LIST).screen()).isEqualTo("list");
    }

    @Test
    default void elementsCarryTheirRoleIdTextHintAndState() throws Exception {
        // Pins: each element's role, id, text, hint, enabled and checked are the app's (checked null when not checkable).
        d().launch(LOGIN);
        assertThat(d().need("heading")).extracting(UiNode::role, UiNode::text).containsExactly("header", "Welcome back");
        UiNode email = d().need("email");
        assertThat(email).extracting(UiNode::role, UiNode::hint, UiNode::enabled, UiNode::focused)
                .containsExactly("textfield", "Email", true, false);
        assertThat(email.text()).isNullOrEmpty();
        assertThat(d().need("remember")).extracting(UiNode::role, UiNode::text, UiNode::checked)
                .containsExactly("checkbox", "Remember me", false);
        assertThat(d().need("sign_in")).extracting(UiNode::role, UiNode::text, UiNode::enabled, UiNode::checked)
                .containsExactly("button", "Sign in", true, null);
        assertThat(d().need("forgot")).extracting(UiNode::text, UiNode::enabled).containsExactly("Forgot password?", false);
    }

    @Test
    default void hiddenElementsAreNotInTheTreeUntilShown() throws Exception {
        // Pins: an element the app hides is absent (not merely flagged); once shown it is there.
        d().launch(LOGIN);
        assertThat(d().byId("email_error")).isEmpty();
        d().tap("sign_in");
        assertThat(d().need("email_error").text()).isEqualTo("Enter a valid email address");
    }

    @Test
    default void onlyElementsOnScreenAreInTheTree() throws Exception {
        // Pins: list items scrolled out of view are absent; every element in the tree lies (at least partly) on screen.
        Snapshot s = d().launch(LIST);
        assertThat(d().byId("item_1")).isPresent();
        assertThat(d().byId("item_200")).isEmpty();
        Bounds screen = new Bounds(0, 0, s.width(), s.height());
        for (UiNode n : s.elements()) {
            assertThat(n.bounds()).as(n.describe()).isNotNull();
            assertThat(n.bounds().intersects(screen)).as(n.describe() + " " + n.bounds() + " on " + screen).isTrue();
        }
    }

    @Test
    default void elementsAreInDocumentOrderTopToBottom() throws Exception {
        // Pins: the tree lists a screen's elements top to bottom, as the app declares them.
        d().launch(LOGIN);
        List<String> ids = d().elements().stream().map(UiNode::id).filter(Objects::nonNull)
                .filter(id -> List.of("heading", "email", "password", "remember", "sign_in").contains(id)).toList();
        assertThat(ids).containsExactly("heading", "email", "password", "remember", "sign_in");
        assertThat(d().need("heading").bounds().y()).isLessThan(d().need("email").bounds().y());
        assertThat(d().need("email").bounds().y()).isLessThan(d().need("sign_in").bounds().y());
    }

    @Test
    default void refsAreUniqueWithinASnapshot() throws Exception {
        // Pins: the refs a snapshot hands out (e.g. e3) name one element each.
        d().launch(LOGIN);
        List<String> refs = d().elements().stream().map(UiNode::ref).filter(Objects::nonNull).toList();
        assertThat(refs).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    default void selectorsMatchIdTextRoleAndIndex() throws Exception {
        // Pins: id and text match exactly, role narrows, index picks the n-th match in document order.
        d().launch(LOGIN);
        assertThat(d().run(Tool.ASSERT_VISIBLE, "id", "sign_in").path("element").asText()).isEqualTo("button \"Sign in\" #sign_in");
        assertThat(d().run(Tool.ASSERT_VISIBLE, "text", "Remember me", "role", "checkbox").path("element").asText()).contains("#remember");
        assertThat(d().run(Tool.ASSERT_VISIBLE, "role", "textfield", "index", 1).path("element").asText()).contains("#password");
        d().run(Tool.ASSERT_NOT_VISIBLE, "text", "Remember me", "role", "button", "timeout", 300);
        d().run(Tool.ASSERT_NOT_VISIBLE, "text", "Welcome", "timeout", 300); // exact: "Welcome back" is not "Welcome"
    }

    @Test
    default void slashedValuesAreRegularExpressionsOverTheWholeValue() throws Exception {
        // Pins: text or id written /like this/ is a regex that must match the whole value.
        d().launch(LOGIN);
        assertThat(d().run(Tool.ASSERT_VISIBLE, "text", "/Welcome.*/").path("element").asText()).contains("#heading");
        assertThat(d().run(Tool.ASSERT_VISIBLE, "id", "/pass.*/").path("element").asText()).contains("#password");
        d().run(Tool.ASSERT_NOT_VISIBLE, "text", "/Welcome/", "timeout", 300);
    }

    @Test
    default void textMatchesAnEmptyFieldsHintAndNotOnceItHoldsText() throws Exception {
        // Pins: a selector's text matches an empty field's hint (what a user reads); typed text replaces that.
        d().launch(LOGIN);
        assertThat(d().run(Tool.ASSERT_VISIBLE, "text", "Email").path("element").asText()).contains("#email");
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "a@b.io");
        d().run(Tool.ASSERT_NOT_VISIBLE, "text", "Email", "timeout", 300);
        d().run(Tool.ASSERT_VISIBLE, "text", "a@b.io", "role", "textfield");
    }

    @Test
    default void aMissingElementFailsNamingWhereItLookedAndTheClosestOnScreen() throws Exception {
        // Pins: ELEMENT_NOT_FOUND after the timeout, naming the app's screen and the closest elements.
        d().launch(LOGIN);
        TandemException e = d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().run(Tool.ASSERT_VISIBLE, "text", "Sign inn", "timeout", 300));
        assertThat(e.getMessage()).contains("screen 'login' of " + LOGIN).contains("\"Sign in\"");
        d().fails(ErrorCode.ASSERTION_FAILED, () -> d().run(Tool.ASSERT_NOT_VISIBLE, "id", "sign_in", "timeout", 300));
    }

    @Test
    default void observeReturnsTheSnapshot() throws Exception {
        // Pins: the observe tool replies with the snapshot as JSON (app, screen, the tree).
        d().launch(LOGIN);
        var json = d().run(Tool.OBSERVE);
        assertThat(json.path("app").asText()).isEqualTo(LOGIN);
        assertThat(json.path("screen").asText()).isEqualTo("login");
        assertThat(json.toString()).contains("\"sign_in\"");
    }
}
