package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Element state and textContains in selectors: what matches, and how a mismatch is put in words. */
class SelectorStateTest {
    private static UiNode node(String ref, String role, String text, boolean enabled, Boolean checked, boolean focused, boolean selected) {
        return new UiNode(ref, role, ref, text, null, new Bounds(0, 0, 10, 10), enabled, checked, focused, selected, List.of());
    }

    static final List<UiNode> SCREEN = List.of(
            node("submit", "button", "Submit", false, null, false, false),
            node("remember", "checkbox", "Remember me", true, true, false, false),
            node("email", "textfield", "a@b.c", true, null, true, false),
            node("tab_alarm", "tab", "Alarm", true, true, false, true),
            node("tab_clock", "tab", "Clock", true, false, false, false),
            node("welcome", "text", "Welcome back, Ann", true, null, false, false));

    private static Selector sel(String json) {
        try {
            return Selector.fromParams((ObjectNode) Json.MAPPER.readTree(json)).orElseThrow();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> refs(Selector s) {
        return s.select(SCREEN).stream().map(UiNode::ref).toList();
    }

    @Test
    void eachStateNarrowsTheMatch() {
        assertThat(refs(sel("{\"id\": \"submit\", \"enabled\": false}"))).containsExactly("submit");
        assertThat(refs(sel("{\"id\": \"submit\", \"enabled\": true}"))).isEmpty();
        assertThat(refs(sel("{\"role\": \"checkbox\", \"checked\": true}"))).containsExactly("remember");
        assertThat(refs(sel("{\"role\": \"textfield\", \"focused\": true}"))).containsExactly("email");
        assertThat(refs(sel("{\"role\": \"tab\", \"selected\": true}"))).containsExactly("tab_alarm");
        assertThat(refs(sel("{\"role\": \"tab\", \"selected\": false}"))).containsExactly("tab_clock");
    }

    @Test
    void checkedFalseAlsoMatchesAnElementThatCannotBeChecked() {
        assertThat(refs(sel("{\"text\": \"Submit\", \"checked\": false}"))).containsExactly("submit");
    }

    @Test
    void textContainsIsACaseSensitiveSubstringAndIdentifiesOnItsOwn() {
        assertThat(refs(sel("{\"textContains\": \"Welcome\"}"))).containsExactly("welcome");
        assertThat(refs(sel("{\"textContains\": \"welcome\"}"))).isEmpty();
        assertThat(refs(sel("{\"textContains\": \"ock\", \"role\": \"tab\"}"))).containsExactly("tab_clock");
        assertThat(sel("{\"textContains\": \"Ann\", \"enabled\": true}").toString())
                .isEqualTo("{textContains: \"Ann\", enabled: true}");
    }

    @Test
    void theDifferenceIsSaidAsAUserWouldSayIt() {
        UiNode submit = SCREEN.get(0);
        assertThat(sel("{\"id\": \"submit\", \"enabled\": true}").stateDifference(submit)).isEqualTo("it is disabled");
        assertThat(sel("{\"id\": \"submit\", \"enabled\": false}").stateDifference(submit)).isNull();
        assertThat(sel("{\"id\": \"submit\", \"checked\": true}").stateDifference(submit)).isEqualTo("it is not checkable");
        assertThat(sel("{\"id\": \"remember\", \"checked\": false}").stateDifference(SCREEN.get(1))).isEqualTo("it is checked");
        assertThat(sel("{\"id\": \"email\", \"focused\": false}").stateDifference(SCREEN.get(2))).isEqualTo("it is focused");
        assertThat(sel("{\"id\": \"tab_clock\", \"selected\": true}").stateDifference(SCREEN.get(4))).isEqualTo("it is not selected");
    }

    @Test
    void statesOrIndexAloneSelectNothing() {
        assertThat(Selector.fromParams(JsonNodeFactory.instance.objectNode().put("enabled", true))).isEmpty();
        assertThatThrownBy(() -> new Selector(null, null, null, 0, null, true, null, null, null))
                .hasMessage("a selector needs text, textContains, id or role");
    }

    @Test
    void theToolTableOffersEveryKeyInlineAndInMcpSchemas() {
        ToolDescriptor assertVisible = ToolDescriptors.of(Tool.ASSERT_VISIBLE);
        assertThat(assertVisible.inlineSelectorKeys()).containsExactlyElementsOf(Selector.KEYS);
        assertThat(ToolDescriptors.of(Tool.INPUT_TEXT).inlineSelectorKeys()).doesNotContain("text").contains("textContains", "enabled");
        ObjectNode schema = ToolDescriptors.inputSchema(assertVisible);
        assertThat(schema.path("properties").path("enabled").path("type").asText()).isEqualTo("boolean");
        assertThat(schema.path("properties").path("selector").path("anyOf").get(1).path("properties").fieldNames())
                .toIterable().containsExactlyElementsOf(Selector.KEYS);
    }
}
