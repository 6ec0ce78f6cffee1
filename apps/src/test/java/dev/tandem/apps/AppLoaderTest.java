package dev.tandem.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLoaderTest {

    private static final String MINIMAL = """
            appId: com.example.min
            name: Min
            screens:
              - name: main
                title: Main
                elements:
                  - {id: hello, role: text, text: Hello}
            """;

    @Test
    void builtInAppsLoad() {
        AppCatalog c = AppCatalog.builtin();
        assertThat(c.appIds()).containsExactly("com.chat.app", "com.example.login", "com.google.android.deskclock",
                "com.example.list", "com.tandem.counter");
        assertThat(c.get("com.chat.app").usesChat()).isTrue();
        assertThat(c.get("com.tandem.counter").usesChat()).isTrue();
        assertThat(c.get("com.example.login").usesChat()).isFalse();
    }

    @Test
    void defaultsAreFilledIn() {
        AppDefinition def = AppLoader.parse(MINIMAL, "min.yaml");
        assertThat(def.initialScreen()).isEqualTo("main");
        ElementDef e = def.screens().getFirst().elements().getFirst();
        assertThat(e.enabled()).isTrue();
        assertThat(e.visible()).isTrue();
        assertThat(e.height()).isEqualTo(Role.TEXT.defaultHeight());
        assertThat(e.checked()).isNull();
        ElementDef field = AppCatalog.builtin().get("com.chat.app").screens().getFirst().elements().get(2);
        assertThat(field.role()).isEqualTo(Role.TEXTFIELD);
        assertThat(field.imeAction()).isEqualTo(ImeAction.SEND);
        assertThat(field.dock()).isEqualTo("bottom");
    }

    @Test
    void repeatExpandsItemsWithTheirIndex() {
        AppDefinition list = AppCatalog.builtin().get("com.example.list");
        ElementDef items = list.screens().getFirst().elements().get(1);
        assertThat(items.children()).hasSize(200);
        ElementDef i150 = items.children().get(149);
        assertThat(i150.id()).isEqualTo("item_150");
        assertThat(i150.text()).isEqualTo("Item 150");
        assertThat(i150.onTap()).containsExactly(new Action.SetText("selected", "Selected Item 150"));
    }

    @Test
    void jsonFormLoadsBackToAnEqualDefinition() {
        for (AppDefinition def : AppCatalog.builtin().apps()) {
            String json = Json.pretty(AppJson.toMap(def));
            assertThat(AppLoader.parse(json, def.appId() + ".json")).isEqualTo(def);
        }
    }

    @Test
    void jsonFormWritesActionsAsInYaml() {
        var json = AppJson.toJson(AppCatalog.builtin().get("com.example.login"));
        var signIn = json.at("/screens/0/elements/6");
        assertThat(signIn.get("id").asText()).isEqualTo("sign_in");
        assertThat(signIn.at("/onTap/0/require/error/text").asText()).isEqualTo("Enter a valid email address");
        assertThat(signIn.at("/onTap/3/navigate").asText()).isEqualTo("home");
        assertThat(json.at("/screens/0/elements/3/secret").asBoolean()).isTrue();
    }

    @Test
    void unknownKeyNamesFileAndPathWithASuggestion() {
        String yaml = MINIMAL.replace("{id: hello, role: text, text: Hello}", "{id: hello, role: text, txet: Hello}");
        assertThatThrownBy(() -> AppLoader.parse(yaml, "apps/min.yaml"))
                .isInstanceOf(AppDefinitionException.class)
                .hasMessageContaining("apps/min.yaml: screens[0].elements[0].txet: unknown key 'txet' (did you mean 'text'?)")
                .satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.VALIDATION));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = """
                appId: com.example.bad
                name: Bad
                initialScreen: nowhere
                screens:
                  - name: main
                    elements:
                      - {id: a, role: buton}
                      - {id: a, role: text}
                      - {id: b, role: button, onTap: [{navigate: hoem}, {toggle: a}, {appendMessage: a}, {frobnicate: x}]}
                      - {id: c, role: text, checked: true, height: -1}
                      - {id: d, role: button, onTap: [{setText: {target: a, text: "${field:zzz} ${message.text} ${what}"}}]}
                      - {id: e, role: textfield, imeAction: sned}
                      - {id: f, role: button, onTap: [{require: {field: e, pattern: "(("}}, {sendMessage: {from: e, text: x}}]}
                  - name: home
                """;
        assertThatThrownBy(() -> AppLoader.parse(yaml, "bad.yaml"))
                .isInstanceOf(AppDefinitionException.class)
                .satisfies(e -> assertThat(((AppDefinitionException) e).problems()).containsExactlyInAnyOrder(
                        "bad.yaml: screens[0].elements[0].role: unknown role 'buton' (did you mean 'button'?); use one of text, header, button, textfield, checkbox, switch, tab, image, listitem, list, group",
                        "bad.yaml: screens[0].elements[2].onTap[2].appendMessage: appendMessage adds a received message, so it belongs in the app's onMessage list",
                        "bad.yaml: screens[0].elements[2].onTap[3].frobnicate: unknown action 'frobnicate'; actions are navigate, back, setText, toggle, select, show, hide, require, clear, sendMessage, appendMessage, notify",
                        "bad.yaml: screens[0].elements[3].checked: only checkbox, switch and tab elements have 'checked'",
                        "bad.yaml: screens[0].elements[3].height: must be between 1 and 2000, found -1",
                        "bad.yaml: screens[0].elements[5].imeAction: unknown imeAction 'sned' (did you mean 'send'?); use one of done, go, next, search, send",
                        "bad.yaml: screens[0].elements[6].onTap[1].sendMessage: give exactly one of 'from' (a textfield id whose text is sent) or 'text' (a literal message)"));
    }

    @Test
    void crossReferencesAreChecked() {
        String yaml = """
                appId: com.example.bad
                name: Bad
                initialScreen: nowhere
                screens:
                  - name: main
                    elements:
                      - {id: a, role: text}
                      - {id: a, role: text}
                      - {id: b, role: button, onTap: [{navigate: hoem}, {toggle: a}]}
                      - {id: d, role: button, onTap: [{setText: {target: a, text: "${field:zzz} ${message.text} ${what}"}}]}
                      - {id: e, role: textfield}
                      - {id: f, role: button, onTap: [{require: {field: e, pattern: "(("}}]}
                  - name: home
                """;
        assertThatThrownBy(() -> AppLoader.parse(yaml, "bad.yaml"))
                .satisfies(e -> assertThat(((AppDefinitionException) e).problems()).containsExactlyInAnyOrder(
                        "bad.yaml: screens[0].elements[1].id: the id 'a' is used twice; element ids must be unique within an app",
                        "bad.yaml: initialScreen: no screen is named 'nowhere'; screens are main, home",
                        "bad.yaml: screens[0].elements[2].onTap[0].navigate: no screen is named 'hoem' (did you mean 'home'?); screens are main, home",
                        "bad.yaml: screens[0].elements[2].onTap[1].toggle: 'a' is a text; this action needs an element that is a checkbox, switch or tab",
                        "bad.yaml: screens[0].elements[3].onTap[0].setText.text: ${field:zzz} names no element of this app (no element has id 'zzz')",
                        "bad.yaml: screens[0].elements[3].onTap[0].setText.text: ${message.text} is only defined in onMessage actions",
                        "bad.yaml: screens[0].elements[3].onTap[0].setText.text: unknown template ${what}; use ${field:ID}, ${user}, ${message.from}, ${message.text} or ${i}",
                        "bad.yaml: screens[0].elements[5].onTap[0].require.pattern: not a valid regular expression: Unclosed group"));
    }

    @Test
    void screenFocusMustNameATextfieldOfThatScreen() {
        String yaml = MINIMAL.replace("title: Main", "title: Main\n    focus: hello");
        assertThatThrownBy(() -> AppLoader.parse(yaml, "f.yaml"))
                .hasMessage("f.yaml: screens[0].focus: 'hello' is not a textfield of screen 'main'; focus names the textfield that gets the keyboard when the screen opens");
        assertThat(AppCatalog.builtin().get("com.chat.app").screens().getFirst().focus()).isEqualTo("compose");
    }

    @Test
    void badYamlAndWrongShapesAreClearErrors() {
        assertThatThrownBy(() -> AppLoader.parse("appId: [unclosed", "x.yaml"))
                .hasMessageStartingWith("x.yaml: not valid YAML:");
        assertThatThrownBy(() -> AppLoader.parse("- just a list", "x.yaml"))
                .hasMessage("x.yaml: an app definition is a mapping with appId, name, screens; found a list");
        assertThatThrownBy(() -> AppLoader.parse("appId: a\nname: b\n", "x.yaml"))
                .hasMessage("x.yaml: screens: missing required key 'screens' (a list of screens)");
        assertThatThrownBy(() -> AppLoader.parse("appId: a\nappId: b\nname: c\nscreens: [{name: s}]", "x.yaml"))
                .hasMessageContaining("x.yaml: not valid YAML:").hasMessageContaining("appId");
    }

    @Test
    void aliasBombIsRejectedNotExpanded() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev);
            for (int i = 0; i < 9; i++) yaml.append(", *").append(prev);
            yaml.append("]\n");
        }
        assertThatThrownBy(() -> AppLoader.parse(yaml.toString(), "bomb.yaml"))
                .isInstanceOf(AppDefinitionException.class)
                .hasMessageContaining("bomb.yaml: not valid YAML:");
    }

    @Test
    void userFilesAddAndReplaceApps(@TempDir Path dir) throws IOException {
        Path min = Files.writeString(dir.resolve("min.yaml"), MINIMAL);
        Path chat = Files.writeString(dir.resolve("chat.yaml"), MINIMAL.replace("com.example.min", "com.chat.app"));
        AppCatalog c = AppCatalog.builtin().withFiles(List.of(min, chat));
        assertThat(c.appIds()).contains("com.example.min", "com.chat.app");
        assertThat(c.get("com.chat.app").name()).isEqualTo("Min");
        assertThat(AppCatalog.builtin().get("com.chat.app").name()).isEqualTo("Chat");

        Path again = Files.writeString(dir.resolve("again.yaml"), MINIMAL);
        assertThatThrownBy(() -> AppCatalog.builtin().withFiles(List.of(min, again, dir.resolve("missing.yaml"))))
                .isInstanceOf(AppDefinitionException.class)
                .satisfies(e -> assertThat(((AppDefinitionException) e).problems()).containsExactly(
                        again + ": appId: 'com.example.min' is also defined by " + min + "; give each app its own appId",
                        dir.resolve("missing.yaml") + ": no such file; check the path of the app definition"));
    }

    @Test
    void unknownAppListsInstalledOnes() {
        assertThatThrownBy(() -> AppCatalog.builtin().get("com.chat.ap"))
                .isInstanceOf(TandemException.class)
                .hasMessage("No app 'com.chat.ap' is installed (did you mean 'com.chat.app'?). Installed: com.chat.app, "
                        + "com.example.login, com.google.android.deskclock, com.example.list, com.tandem.counter.")
                .satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.APP_NOT_INSTALLED));
    }

    @Test
    void bareBackAndTemplatesExpand() {
        String yaml = MINIMAL.replace("{id: hello, role: text, text: Hello}",
                "{id: hello, role: button, text: Hello, onTap: [back, {setText: {target: hello, text: \"Hi ${user}\"}}]}");
        AppDefinition def = AppLoader.parse(yaml, "m.yaml");
        assertThat(def.screens().getFirst().elements().getFirst().onTap())
                .containsExactly(new Action.Back(), new Action.SetText("hello", "Hi ${user}"));
        assertThat(Templates.expand("Hi ${user}, ${field:x}!", n -> n.equals("user") ? "A" : null)).isEqualTo("Hi A, ${field:x}!");
    }
}
