package dev.tandem.appium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Direction;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.contract.Contract;
import dev.tandem.device.contract.ContractDriver;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What the device contract pins that a still screen can show, on the fake driver's own screen
 * ({@code contract-screen.xml}: the login app's first screen and the top of a list) instead of a
 * launched built-in app: the tree, the selectors, tapOn's refusals, settling, screenshots, and the
 * refusal of what the fake lacks. Where the contract checks the app's reaction, these check what
 * reached the driver (its action log).
 */
interface FakeScreenContract extends Contract {
    byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The fake driver's log of the current session's {@code actions} requests, oldest first. */
    JsonNode actionLog();

    /** The first pointer move of the n-th actions request: where a tap or swipe began. */
    private JsonNode firstMove(int n) {
        return actionLog().get(n).at("/0/actions/0");
    }

    @Test
    default void theFakesSourceIsTheTreeWithRolesIdsTextsHintsAndState() {
        // Pins (TreeContract's element pin, on the fake's screen): role, id, text, hint, enabled, checked, focused.
        assertThat(d().snapshot().app()).isNull();
        assertThat(d().need("heading")).extracting(UiNode::role, UiNode::text).containsExactly("text", "Welcome back");
        UiNode email = d().need("email");
        assertThat(email).extracting(UiNode::role, UiNode::hint, UiNode::enabled, UiNode::focused)
                .containsExactly("textfield", "Email", true, false);
        assertThat(email.text()).isNullOrEmpty();
        assertThat(d().need("remember")).extracting(UiNode::role, UiNode::text, UiNode::checked)
                .containsExactly("checkbox", "Remember me", false);
        assertThat(d().need("sign_in")).extracting(UiNode::role, UiNode::text, UiNode::enabled, UiNode::checked)
                .containsExactly("button", "Sign in", true, null);
        assertThat(d().need("forgot")).extracting(UiNode::text, UiNode::enabled).containsExactly("Forgot password?", false);
        assertThat(d().need("item_1")).extracting(UiNode::role, UiNode::text).containsExactly("listitem", "Item 1");
    }

    @Test
    default void hiddenAndOffScreenElementsAreAbsentAndTheRestInDocumentOrderWithUniqueRefs() {
        // Pins: visible="false" and off-screen elements are not in the tree; what is lies on screen, top to bottom, one ref each.
        Snapshot s = d().snapshot();
        assertThat(s.width()).isEqualTo(400);
        assertThat(s.height()).isEqualTo(852);
        assertThat(d().byId("email_error")).isEmpty();
        assertThat(d().byId("item_5")).isPresent();
        assertThat(d().byId("item_6")).isEmpty();
        Bounds screen = new Bounds(0, 0, s.width(), s.height());
        for (UiNode n : s.elements()) assertThat(n.bounds().intersects(screen)).as(n.describe()).isTrue();
        List<String> ids = s.elements().stream().map(UiNode::id).filter(Objects::nonNull)
                .filter(id -> List.of("heading", "email", "password", "remember", "sign_in").contains(id)).toList();
        assertThat(ids).containsExactly("heading", "email", "password", "remember", "sign_in");
        assertThat(s.elements().stream().map(UiNode::ref).filter(Objects::nonNull).toList()).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    default void selectorsRegexesAndAMissingElementOnTheFakesScreen() throws Exception {
        // Pins (TreeContract's selector pins): id/text exact, role narrows, index, /regex/ over the whole value, the miss message.
        assertThat(d().run(Tool.ASSERT_VISIBLE, "id", "sign_in").path("element").asText()).isEqualTo("button \"Sign in\" #sign_in");
        assertThat(d().run(Tool.ASSERT_VISIBLE, "text", "Remember me", "role", "checkbox").path("element").asText()).contains("#remember");
        assertThat(d().run(Tool.ASSERT_VISIBLE, "role", "textfield", "index", 1).path("element").asText()).contains("#password");
        assertThat(d().run(Tool.ASSERT_VISIBLE, "text", "Email").path("element").asText()).contains("#email"); // an empty field's hint
        assertThat(d().run(Tool.ASSERT_VISIBLE, "text", "/Welcome.*/").path("element").asText()).contains("#heading");
        d().run(Tool.ASSERT_NOT_VISIBLE, "text", "Welcome", "timeout", 300);
        d().run(Tool.ASSERT_NOT_VISIBLE, "text", "/Welcome/", "timeout", 300);
        assertThat(d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().run(Tool.ASSERT_VISIBLE, "text", "Sign inn", "timeout", 300))
                .getMessage()).contains("\"Sign in\"");
        d().fails(ErrorCode.ASSERTION_FAILED, () -> d().run(Tool.ASSERT_NOT_VISIBLE, "id", "sign_in", "timeout", 300));
        assertThat(d().run(Tool.OBSERVE).toString()).contains("\"sign_in\"");
    }

    @Test
    default void tapOnIsOnePointerActionAtTheElementsCentre() throws Exception {
        // Pins: tap, doubleTap and longPress each reach the driver as one actions request starting at the element's centre.
        UiNode signIn = d().need("sign_in");
        assertThat(d().run(Tool.TAP_ON, "id", "sign_in").path("element").asText()).contains("#sign_in");
        d().run(Tool.TAP_ON, "id", "sign_in", "action", "doubleTap");
        d().run(Tool.TAP_ON, "id", "sign_in", "action", "longPress");
        assertThat(actionLog()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(firstMove(i).path("x").asInt()).isEqualTo(signIn.bounds().centerX());
            assertThat(firstMove(i).path("y").asInt()).isEqualTo(signIn.bounds().centerY());
        }
        assertThat(actionLog().get(1).at("/0/actions").findValuesAsText("type").stream().filter("pointerDown"::equals)).hasSize(2);
        d().fails(ErrorCode.BAD_PARAMS, () -> d().run(Tool.TAP_ON, "id", "sign_in", "action", "tripleTap"));
    }

    @Test
    default void tapOnADisabledOrOffScreenElementFailsAndSendsNothing() throws Exception {
        // Pins (TapContract's refusals): ELEMENT_DISABLED for a disabled element, ELEMENT_NOT_FOUND off screen; no action reaches the driver.
        assertThat(d().fails(ErrorCode.ELEMENT_DISABLED, () -> d().run(Tool.TAP_ON, "id", "forgot", "timeout", 300)).getMessage())
                .contains("disabled");
        d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().run(Tool.TAP_ON, "text", "Item 6", "timeout", 300));
        assertThat(actionLog()).isEmpty();
    }

    @Test
    default void inputTextTapsTheFieldThenTypesEveryCodePointVerbatim() throws Exception {
        // Pins: inputText with a selector is a tap at the field's centre, then one key action per code point, as typed.
        String text = "Gr\u00fc\u00dfe, \ud83d\ude00 \"q\" & <b>";
        UiNode email = d().need("email");
        d().run(Tool.INPUT_TEXT, "id", "email", "text", text);
        assertThat(actionLog()).hasSize(2);
        assertThat(firstMove(0).path("x").asInt()).isEqualTo(email.bounds().centerX());
        JsonNode keys = actionLog().get(1).at("/0/actions");
        StringBuilder typed = new StringBuilder();
        for (JsonNode k : keys) if ("keyDown".equals(k.path("type").asText())) typed.append(k.path("value").asText());
        assertThat(typed.toString()).isEqualTo(text);
    }

    @Test
    default void clearTextWithoutAFocusedFieldFailsWithElementNotFound() {
        // Pins (TextContract): clearText with no field focused is ELEMENT_NOT_FOUND, and sends nothing.
        d().fails(ErrorCode.ELEMENT_NOT_FOUND, () -> d().device().clearText());
        assertThat(actionLog()).isEmpty();
    }

    @Test
    default void scrollUntilVisibleOnAStillScreenFailsSayingTheEndIsReached() throws Exception {
        // Pins (ScrollContract): when swipes no longer change the screen, scrollUntilVisible fails with ELEMENT_NOT_FOUND, end reached.
        assertThat(d().fails(ErrorCode.ELEMENT_NOT_FOUND,
                () -> d().run(Tool.SCROLL_UNTIL_VISIBLE, "text", "Item 99", "direction", "up")).getMessage()).contains("end reached");
        assertThat(actionLog()).isNotEmpty();
        d().device().swipe(Direction.UP, d().need("items"));
        JsonNode start = actionLog().get(actionLog().size() - 1).at("/0/actions/0");
        assertThat(start.path("x").asInt()).isEqualTo(d().need("items").bounds().centerX());
    }

    @Test
    default void aStillScreenSettlesAndAwaitUiChangeEndsByItsDeadline() throws Exception {
        // Pins (SettlingContract): settled after an action on a still screen; the version stays; awaitUiChange ends by its deadline.
        assertThat(d().settle()).isTrue();
        long version = d().device().uiVersion();
        d().tap("sign_in");
        assertThat(d().settle()).isTrue();
        assertThat(d().device().isSettled()).isTrue();
        assertThat(d().device().uiVersion()).isEqualTo(version);
        long start = System.nanoTime();
        long deadline = start + 300 * 1_000_000L;
        int wakes = 0;
        while (d().device().uiVersion() == version && System.nanoTime() - deadline < 0) {
            d().device().awaitUiChange(version, deadline);
            wakes++;
        }
        assertThat((System.nanoTime() - start) / 1_000_000L).isLessThan(300 + ContractDriver.WAIT_MS / 2);
        assertThat(wakes).isPositive();
    }

    @Test
    default void snapshotsFromAnotherThreadDuringTapsAreWholeTrees() throws Exception {
        // Pins (SettlingContract): concurrent snapshot() while commands run; every read is a whole, valid tree.
        var errors = new ConcurrentLinkedQueue<Throwable>();
        var stop = new AtomicBoolean();
        Thread observer = Thread.ofVirtual().start(() -> {
            while (!stop.get()) {
                try {
                    if (d().device().snapshot().elements().isEmpty()) errors.add(new AssertionError("empty tree"));
                } catch (Throwable t) {
                    errors.add(t);
                }
            }
        });
        try {
            for (int i = 0; i < 4; i++) d().tap("remember");
        } finally {
            stop.set(true);
            observer.join(ContractDriver.WAIT_MS);
        }
        assertThat(errors).isEmpty();
        assertThat(actionLog()).hasSize(4);
    }

    @Test
    default void aScreenshotIsAPngOfTheScreensSizeAndTheToolWritesIt() throws Exception {
        // Pins (ScreenshotContract): a PNG of the snapshot's size (the fake serves one fixed image, which this screen matches).
        Snapshot s = d().snapshot();
        byte[] png = d().device().screenshotPng();
        assertThat(png).startsWith(PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(s.width());
        assertThat(image.getHeight()).isEqualTo(s.height());
        Path path = Path.of(d().run(Tool.SCREENSHOT, "name", "fake").path("path").asText());
        assertThat(path.getFileName().toString()).isEqualTo("fake.png");
        assertThat(path.toAbsolutePath().startsWith(d().artifacts().toAbsolutePath())).isTrue();
        assertThat(Files.readAllBytes(path)).startsWith(PNG);
    }

    @Test
    default void whatTheFakeLacksFailsSayingSo() {
        // Pins: the tools appium-fake does not list fail with BAD_PARAMS naming why, and nothing reaches the driver's action log.
        assertThat(d().fails(ErrorCode.BAD_PARAMS, () -> d().device().pressButton(Button.BACK)).getMessage()).contains("no buttons");
        assertThat(d().fails(ErrorCode.BAD_PARAMS, () -> d().device().imeAction(ImeAction.GO)).getMessage()).contains("no keyboard");
        d().fails(ErrorCode.BAD_PARAMS, () -> d().device().openTray());
        assertThat(d().fails(ErrorCode.BAD_PARAMS, () -> d().device().launchApp(new LaunchRequest(LOGIN, null, false, null, null, Map.of())))
                .getMessage()).contains("mobile: activateApp");
        assertThat(actionLog()).isEmpty();
    }
}
