package dev.tandem.appium;

import static dev.tandem.appium.Fixtures.byId;
import static dev.tandem.appium.Fixtures.byRole;
import static dev.tandem.appium.Fixtures.read;
import static dev.tandem.appium.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PageSourceParserTest {

    @Nested
    class Android {
        @Test
        void loginScreenReadsAsAUserSeesIt() {
            UiNode root = PageSourceParser.parse(read("android-login.xml"));
            assertThat(root.role()).isEqualTo("screen");
            assertThat(root.bounds()).isEqualTo(new Bounds(0, 0, 1080, 2340));

            UiNode email = byId(root, "email");
            assertThat(email.role()).isEqualTo("textfield");
            assertThat(email.text()).as("an empty EditText reports its hint as text").isNull();
            assertThat(email.hint()).isEqualTo("Email");
            assertThat(email.bounds()).isEqualTo(new Bounds(63, 700, 954, 147));
            assertThat(byId(root, "password").hint()).isEqualTo("Password");

            UiNode remember = byId(root, "remember");
            assertThat(remember.role()).isEqualTo("checkbox");
            assertThat(remember.checked()).isTrue();

            UiNode submit = byId(root, "submit");
            assertThat(submit.role()).isEqualTo("button");
            assertThat(submit.text()).isEqualTo("SIGN IN");
            assertThat(submit.enabled()).isFalse();
            assertThat(submit.checked()).isNull();

            assertThat(byId(root, "logo").role()).isEqualTo("image");
            assertThat(byId(root, "logo").hint()).isEqualTo("Shop logo");
            assertThat(byId(root, "forgot").role()).as("a clickable TextView is still a text").isEqualTo("text");
            assertThat(texts(root)).contains("Sign in").doesNotContain("Debug build 1.4.2");
            assertThat(root.flatten()).extracting(UiNode::ref).startsWith(null, "e1", "e2", "e3");
            // Selectors written for sim/web read the same tree.
            assertThat(root.flatten().stream().filter(new Selector("Email", null, null, null)::matches))
                    .extracting(UiNode::id).containsExactly("email");
        }

        @Test
        void scrolledListHasOnlyTheRowsOnScreenEachReadAsItsTexts() {
            UiNode root = PageSourceParser.parse(read("android-list-scrolled.xml"));
            UiNode list = byId(root, "conversations");
            assertThat(list.role()).isEqualTo("list");
            assertThat(list.children()).extracting(UiNode::role).containsOnly("listitem");
            assertThat(list.children()).extracting(UiNode::text)
                    .containsExactly("Carol", "Dave\nSee you at 6", "Erin\nPhoto", "Frank");
            assertThat(texts(root)).noneMatch(t -> t.contains("Grace"));
            UiNode dave = list.children().get(1);
            assertThat(dave.id()).isEqualTo("row");
            assertThat(dave.children()).extracting(UiNode::role, UiNode::id, UiNode::hint)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("button", "archive", "Archive"));
            UiNode frank = list.children().get(3);
            assertThat(frank.bounds()).as("clipped to the screen").isEqualTo(new Bounds(0, 2250, 1080, 90));
        }

        @Test
        void notificationShadeShowsBothNotificationsTitledWithTheirBodies() {
            UiNode root = PageSourceParser.parse(read("android-notification-shade.xml"));
            UiNode shade = byId(root, "system:shade");
            assertThat(shade.role()).isEqualTo("group");
            var notifications = byRole(root, "notification");
            assertThat(notifications).extracting(UiNode::text).containsExactly("Alice", "Order shipped");
            assertThat(notifications).allMatch(n -> "system:notification".equals(n.id()));
            assertThat(notifications.get(0).children()).filteredOn(c -> "system:notification_text".equals(c.id()))
                    .extracting(UiNode::text).containsExactly("Lunch at noon?");
            assertThat(notifications.get(1).children()).extracting(UiNode::text).contains("Arrives Thursday", "Shop");
            assertThat(byId(root, "dismiss_text").text()).isEqualTo("Clear all");
        }

        @Test
        void keyboardUpIsOneKeyboardWithItsActionKeyAndTheFieldKeepsFocus() {
            UiNode root = PageSourceParser.parse(read("android-keyboard.xml"));
            UiNode compose = byId(root, "compose");
            assertThat(compose.focused()).isTrue();
            assertThat(compose.text()).isEqualTo("Hello the");
            assertThat(compose.hint()).isEqualTo("Message");
            UiNode keyboard = byId(root, "system:keyboard");
            assertThat(keyboard.role()).isEqualTo("keyboard");
            assertThat(keyboard.bounds()).isEqualTo(new Bounds(0, 1450, 1080, 890));
            assertThat(keyboard.children()).extracting(UiNode::id, UiNode::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("system:ime_action", "Send"));
            assertThat(root.flatten()).noneMatch(n -> "q".equals(n.hint()) || "q".equals(n.text()));
        }
    }

    @Nested
    class Ios {
        @Test
        void loginScreenReadsAsAUserSeesIt() {
            UiNode root = PageSourceParser.parse(read("ios-login.xml"));
            assertThat(root.bounds()).isEqualTo(new Bounds(0, 0, 390, 844));
            UiNode email = byId(root, "email");
            assertThat(email.role()).isEqualTo("textfield");
            assertThat(email.text()).isEqualTo("ada@example.com");
            assertThat(email.hint()).isEqualTo("Email");
            UiNode password = byId(root, "password");
            assertThat(password.text()).as("a field showing its placeholder is empty").isNull();
            assertThat(password.hint()).isEqualTo("Password");
            UiNode remember = byId(root, "remember");
            assertThat(remember.role()).isEqualTo("switch");
            assertThat(remember.checked()).isFalse();
            assertThat(remember.text()).isEqualTo("Remember me");
            UiNode submit = byId(root, "submit");
            assertThat(submit.role()).isEqualTo("button");
            assertThat(submit.text()).isEqualTo("Sign in");
            assertThat(submit.children()).as("a button's label is part of it").isEmpty();
            assertThat(submit.bounds()).isEqualTo(new Bounds(24, 440, 342, 50));
            UiNode forgot = byRole(root, "button").stream().filter(b -> "Forgot password?".equals(b.text())).findFirst().orElseThrow();
            assertThat(forgot.id()).as("name equal to the label is no identifier").isNull();
            assertThat(byId(root, "logo").role()).isEqualTo("image");
            assertThat(texts(root)).doesNotContain("Offline");
        }

        @Test
        void scrolledListHasOnlyTheVisibleCells() {
            UiNode root = PageSourceParser.parse(read("ios-list-scrolled.xml"));
            UiNode list = byId(root, "conversations");
            assertThat(list.role()).isEqualTo("list");
            assertThat(list.children()).extracting(UiNode::id).containsExactly("row_dave", "row_erin", "row_frank");
            assertThat(list.children()).extracting(UiNode::text).containsExactly("Dave\nSee you at 6", "Erin\nPhoto", "Frank");
            assertThat(list.children().get(0).children()).extracting(UiNode::id).containsExactly("archive");
            assertThat(list.children().get(2).bounds()).isEqualTo(new Bounds(0, 800, 390, 44));
        }

        @Test
        void keyboardUpIsOneKeyboardWithItsReturnKey() {
            UiNode root = PageSourceParser.parse(read("ios-keyboard.xml"));
            UiNode keyboard = byId(root, "system:keyboard");
            assertThat(keyboard.bounds()).isEqualTo(new Bounds(0, 508, 390, 336));
            assertThat(keyboard.children()).extracting(UiNode::id, UiNode::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("system:ime_action", "Send"));
            assertThat(byId(root, "compose").text()).isEqualTo("Hello the");
            assertThat(byId(root, "send").role()).isEqualTo("button");
        }
    }

    /** Element state (selected, checked, enabled, focused) reads the same on every backend: a current tab is selected and checked. */
    @Nested
    class States {
        private static final String ANDROID_TABS = """
                <hierarchy width="1080" height="2340">
                  <android.widget.LinearLayout class="android.widget.LinearLayout" package="com.example" bounds="[0,0][1080,2340]" displayed="true">
                    <android.view.View class="com.google.android.material.tabs.TabLayout$TabView" package="com.example" resource-id="com.example:id/tab_home" content-desc="Home" checkable="false" checked="false" enabled="true" focused="false" selected="true" clickable="true" bounds="[0,2200][540,2340]" displayed="true"/>
                    <android.view.View class="com.google.android.material.tabs.TabLayout$TabView" package="com.example" resource-id="com.example:id/tab_chat" content-desc="Chat" checkable="false" checked="false" enabled="true" focused="false" selected="false" clickable="true" bounds="[540,2200][1080,2340]" displayed="true"/>
                    <android.widget.EditText class="android.widget.EditText" package="com.example" resource-id="com.example:id/search" text="" hint="Search" checkable="false" checked="false" enabled="true" focused="true" selected="false" bounds="[0,200][1080,350]" displayed="true"/>
                  </android.widget.LinearLayout>
                </hierarchy>
                """;
        private static final String IOS_TABS = """
                <XCUIElementTypeApplication type="XCUIElementTypeApplication" name="Shop" label="Shop" enabled="true" visible="true" x="0" y="0" width="390" height="844">
                  <XCUIElementTypeTabBar type="XCUIElementTypeTabBar" enabled="true" visible="true" x="0" y="761" width="390" height="83">
                    <XCUIElementTypeButton type="XCUIElementTypeButton" name="tab_home" label="Home" enabled="true" visible="true" selected="true" x="0" y="761" width="195" height="49"/>
                    <XCUIElementTypeButton type="XCUIElementTypeButton" name="tab_chat" label="Chat" enabled="false" visible="true" selected="false" x="195" y="761" width="195" height="49"/>
                  </XCUIElementTypeTabBar>
                </XCUIElementTypeApplication>
                """;

        @Test
        void androidTabsAreSelectedAndCheckedByTheDriversSelectedFlag() {
            UiNode root = PageSourceParser.parse(ANDROID_TABS);
            UiNode home = byId(root, "tab_home");
            assertThat(home).extracting(UiNode::role, UiNode::selected, UiNode::checked).containsExactly("tab", true, true);
            assertThat(byId(root, "tab_chat")).extracting(UiNode::selected, UiNode::checked).containsExactly(false, false);
            assertThat(byId(root, "search")).extracting(UiNode::focused, UiNode::selected, UiNode::checked).containsExactly(true, false, null);
            assertThat(root.flatten().stream().filter(new Selector(null, null, "tab", null, null, null, null, null, true)::matches))
                    .extracting(UiNode::id).containsExactly("tab_home");
        }

        @Test
        void iosReadsSelectedAndEnabled() {
            UiNode root = PageSourceParser.parse(IOS_TABS);
            assertThat(byId(root, "tab_home").selected()).isTrue();
            assertThat(byId(root, "tab_chat")).extracting(UiNode::selected, UiNode::enabled).containsExactly(false, false);
        }
    }

    @Nested
    class FakeDriver {
        @Test
        void theFakeDriversSourceIsItsAppXmlWrappedInAppiumAut() {
            // What @appium/fake-driver 6.2.4 returns for GET /source: the app file, <app> wrapped in <AppiumAUT>.
            String source = read("fake-app.xml").replace("<app ", "<AppiumAUT><app ").replace("</app>", "</app></AppiumAUT>");
            UiNode root = PageSourceParser.parse(source);
            assertThat(root.bounds()).isEqualTo(new Bounds(0, 0, 390, 844));
            assertThat(byId(root, "submit").text()).isEqualTo("Sign in");
            assertThat(byId(root, "submit").bounds()).isEqualTo(new Bounds(24, 320, 342, 50));
            assertThat(byId(root, "email").role()).isEqualTo("textfield");
            assertThat(byId(root, "email").hint()).isEqualTo("Email");
            assertThat(byId(root, "remember").checked()).isTrue();
            assertThat(root.flatten()).noneMatch(n -> "help".equals(n.id()) || "order-4".equals(n.id()));
            assertThat(byId(root, "order-3").bounds()).as("clipped").isEqualTo(new Bounds(0, 800, 390, 44));
        }
    }

    @Nested
    class Hostile {
        @Test
        void externalEntitiesAreRefusedNotRead() {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE h [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<hierarchy width=\"10\" height=\"10\"><android.widget.TextView class=\"android.widget.TextView\" text=\"&x;\" bounds=\"[0,0][5,5]\"/></hierarchy>";
            assertThatThrownBy(() -> PageSourceParser.parse(xxe)).isInstanceOf(TandemException.class)
                    .hasMessageContaining("not well-formed").hasMessageNotContaining("root:");
        }

        @Test
        void entityExpansionBombsFailFast() {
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY a \"aaaaaaaaaa\">");
            for (int i = 1; i < 10; i++) sb.append("<!ENTITY a").append(i).append(" \"&a").append(i == 1 ? "" : i - 1).append(";&a").append(i == 1 ? "" : i - 1).append(";&a").append(i == 1 ? "" : i - 1).append(";\">");
            sb.append("]><hierarchy width=\"1\" height=\"1\">&a9;</hierarchy>");
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> PageSourceParser.parse(sb.toString())).isInstanceOf(TandemException.class);
            assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
        }

        @Test
        void anUnknownFormatNamesTheDriversThatWork() {
            assertThatThrownBy(() -> PageSourceParser.parse("<html/>")).isInstanceOf(TandemException.class)
                    .hasMessageContaining("UiAutomator2").hasMessageContaining("automationName");
        }
    }
}
