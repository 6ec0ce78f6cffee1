package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorTest {
    static UiNode node(String ref, String role, String id, String text, String hint) {
        return new UiNode(ref, role, id, text, hint, new Bounds(0, 0, 10, 10), true, null, false, List.of());
    }

    static final List<UiNode> SCREEN = List.of(
            node("e1", "textfield", "email", "", "Email"),
            node("e2", "button", "sign_in", "Sign in", null),
            node("e3", "text", "item_1", "Item 1", null),
            node("e4", "text", "item_2", "Item 2", null),
            node("e5", "tab", "com.google.android.deskclock:id/tab_menu_alarm", "Alarm", null));

    @Test
    void textMatchesExactlyOrAsAWholeRegex() {
        assertThat(sel("Sign in").select(SCREEN)).extracting(UiNode::ref).containsExactly("e2");
        assertThat(sel("Sign").select(SCREEN)).isEmpty();
        assertThat(sel("/Item \\d/").select(SCREEN)).extracting(UiNode::ref).containsExactly("e3", "e4");
        assertThat(sel("/Item/").select(SCREEN)).as("the regex must match the whole text").isEmpty();
    }

    @Test
    void textAlsoMatchesAnEmptyFieldsHint() {
        assertThat(sel("Email").select(SCREEN)).extracting(UiNode::ref).containsExactly("e1");
    }

    @Test
    void idRoleAndIndexNarrowTheMatch() {
        assertThat(new Selector(null, "com.google.android.deskclock:id/tab_menu_alarm", null, null).select(SCREEN))
                .extracting(UiNode::ref).containsExactly("e5");
        assertThat(new Selector("/Item \\d/", null, null, 1).select(SCREEN)).extracting(UiNode::ref).containsExactly("e4");
        assertThat(new Selector("/Item \\d/", null, null, 5).select(SCREEN)).isEmpty();
        assertThat(new Selector(null, null, "tab", null).select(SCREEN)).extracting(UiNode::ref).containsExactly("e5");
        assertThat(new Selector("Sign in", null, "text", null).select(SCREEN)).isEmpty();
    }

    @Test
    void selectorsComeFromASelectorObjectOrInlineKeys() {
        assertThat(Selector.fromParams(Json.tree("{\"selector\": {\"id\": \"email\"}}".getBytes()))).contains(
                new Selector(null, "email", null, null));
        assertThat(Selector.fromParams(Json.tree("{\"text\": \"Sign in\", \"index\": 0}".getBytes()))).contains(
                new Selector("Sign in", null, null, 0));
        assertThat(Selector.fromParams(Json.tree("{\"action\": \"tap\"}".getBytes()))).isEmpty();
    }

    @Test
    void badRegexIsRejectedWithItsReason() {
        assertThat(Selector.patternError("/[unclosed/")).contains("invalid regular expression");
        assertThatThrownBy(() -> sel("/(/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Selector.patternError("plain [text")).isNull();
    }

    private static Selector sel(String text) {
        return new Selector(text, null, null, null);
    }
}
