package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.LaunchRequest;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSnapshotTest {
    @TempDir
    static Path dir;
    static TestPages pages;
    static WebBackend web;

    @BeforeAll
    static void open() throws Exception {
        Chromium.require();
        pages = new TestPages();
        web = WebFixture.open(dir.resolve("dev"), "pixel-7");
        web.device().launchApp(new LaunchRequest(null, pages.url("static.html"), false, null, null, Map.of()));
    }

    @AfterAll
    static void close() {
        if (web != null) web.close();
        if (pages != null) pages.close();
    }

    private static Optional<UiNode> byId(Snapshot s, String id) {
        return s.elements().stream().filter(n -> id.equals(n.id())).findFirst();
    }

    @Test
    void rolesIdsAndTextComeFromTagsAndAria() throws Exception {
        Snapshot s = settledSnapshot();
        assertThat(s.width()).isEqualTo(412);
        assertThat(s.height()).isEqualTo(915);
        assertThat(s.density()).isEqualTo(2.625);
        assertThat(s.screen()).isEqualTo("Static");
        assertThat(s.root().role()).isEqualTo("screen");
        assertThat(byId(s, "title").orElseThrow()).extracting(UiNode::role, UiNode::text).containsExactly("header", "Welcome");
        assertThat(byId(s, "intro").orElseThrow()).extracting(UiNode::role, UiNode::text).containsExactly("text", "Plain text here");
        assertThat(byId(s, "go").orElseThrow()).extracting(UiNode::role, UiNode::text, UiNode::enabled).containsExactly("button", "Go", true);
        assertThat(byId(s, "off").orElseThrow().enabled()).isFalse();
        UiNode close = byId(s, "close").orElseThrow();
        assertThat(close.text()).isEqualTo("\u2715");
        assertThat(byId(s, "card").orElseThrow().role()).isEqualTo("button");
        UiNode email = byId(s, "email").orElseThrow();
        assertThat(email).extracting(UiNode::role, UiNode::text, UiNode::hint).containsExactly("textfield", null, "Email");
        assertThat(byId(s, "name").orElseThrow().text()).isEqualTo("Ada");
        assertThat(byId(s, "pw").orElseThrow().text()).isEqualTo("\u2022".repeat(6));
        assertThat(byId(s, "remember").orElseThrow()).extracting(UiNode::role, UiNode::text, UiNode::checked)
                .containsExactly("checkbox", "Remember me", true);
        assertThat(byId(s, "wifi").orElseThrow()).extracting(UiNode::role, UiNode::checked).containsExactly("switch", false);
        assertThat(byId(s, "t1").orElseThrow()).extracting(UiNode::role, UiNode::checked).containsExactly("tab", true);
        assertThat(byId(s, "t2").orElseThrow().checked()).isFalse();
        // aria-selected is the element's selected state; a tab's checked follows it, as on the sim and Appium
        assertThat(byId(s, "t1").orElseThrow().selected()).isTrue();
        assertThat(byId(s, "t2").orElseThrow().selected()).isFalse();
        assertThat(byId(s, "go").orElseThrow().selected()).isFalse();
        assertThat(new dev.tandem.protocol.Selector(null, null, "tab", null, null, null, null, null, true).select(s.elements()))
                .extracting(UiNode::id).containsExactly("t1");
        UiNode list = byId(s, "items").orElseThrow();
        assertThat(list.role()).isEqualTo("list");
        assertThat(list.children()).extracting(UiNode::role, UiNode::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("listitem", "First"), org.assertj.core.groups.Tuple.tuple("listitem", "Second"));
        assertThat(byId(s, "logo").orElseThrow()).extracting(UiNode::role, UiNode::text).containsExactly("image", "Logo");
        assertThat(byId(s, "more").orElseThrow()).extracting(UiNode::role, UiNode::text).containsExactly("link", "Read more");
        // Not on screen: display none, visibility hidden, below the fold.
        assertThat(byId(s, "gone")).isEmpty();
        assertThat(byId(s, "invisible")).isEmpty();
        assertThat(byId(s, "below")).isEmpty();
        // The label of a checkbox is its text, not a separate element.
        assertThat(s.elements()).filteredOn(n -> "Remember me".equals(n.text())).hasSize(1);
    }

    @Test
    void refsAreNumberedInDocumentOrderAndBoundsAreCssPixels() throws Exception {
        Snapshot s = settledSnapshot();
        List<UiNode> els = s.elements().subList(1, s.elements().size());
        for (int i = 0; i < els.size(); i++) assertThat(els.get(i).ref()).isEqualTo("e" + (i + 1));
        UiNode go = byId(s, "go").orElseThrow();
        assertThat(go.bounds().x()).isEqualTo(8);
        assertThat(go.bounds().height()).isGreaterThanOrEqualTo(40);
        Object[] r = rect("go");
        assertThat(go.bounds().y()).isEqualTo(Math.round((Double) r[1]));
        assertThat(go.bounds().width()).isEqualTo((int) Math.round((Double) r[2]));
        for (UiNode n : els) {
            assertThat(n.bounds().x()).isGreaterThanOrEqualTo(0);
            assertThat(n.bounds().y() + n.bounds().height()).isLessThanOrEqualTo(915);
        }
    }

    @Test
    void hintMatchesBySelectorTextWhenTheFieldIsEmpty() {
        var sel = new dev.tandem.protocol.Selector("Email", null, null, null);
        assertThat(sel.select(web.device().snapshot().elements())).extracting(UiNode::id).containsExactly("email");
    }

    private static Object[] rect(String id) {
        var r = WebFixture.eval(web, "(() => { const r = document.getElementById('" + id + "').getBoundingClientRect(); return [r.x, r.y, r.width]; })()");
        return new Object[] {r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble()};
    }

    private static Snapshot settledSnapshot() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!web.device().isSettled() && System.nanoTime() < deadline) web.device().awaitUiChange(web.device().uiVersion(), deadline);
        return web.device().snapshot();
    }
}
