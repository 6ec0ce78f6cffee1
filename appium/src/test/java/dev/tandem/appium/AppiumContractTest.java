package dev.tandem.appium;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Device;
import dev.tandem.device.PlatformRow;
import dev.tandem.device.contract.DeviceContract;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.io.File;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The device contract on AppiumDevice, over a real Appium 3.8.0 server with @appium/fake-driver
 * 6.2.4 (installed under {@code $TANDEM_TEST_APPIUM_HOME}, default {@code target/appium-home}; each
 * test skips with the install commands when it is not). One server for the suite, a new session
 * (a fresh device) per test, on {@code contract-screen.xml}.
 *
 * <p>The fake driver cannot be a phone: it runs the one app XML its session was created with, has
 * no {@code mobile:} commands, and logs pointer and key actions without applying them, so its
 * screen never changes. What it cannot do is declared, never skipped silently: the tools
 * {@link MobilePlatform#FAKE} lacks ({@link #unsupportedTools()}: the tests that ask
 * {@code requires(tool)} abort with the reason), and {@link #EXCLUDED}, every other contract test
 * that cannot pass here with why (reported as disabled with that text). What a still screen can
 * show, the fake's own screen pins in {@link FakeScreenContract}.
 */
@ExtendWith(AppiumContractTest.Excluded.class)
class AppiumContractTest extends DeviceContract implements FakeScreenContract {

    /** Why a contract test cannot pass on the fake driver. */
    sealed interface Why {
        /** It uses a tool appium-fake does not have ({@link MobilePlatform#tools()}). */
        record Lacks(Tool tool) implements Why {}

        /** It needs the app to react to an action; the fake driver only logs actions. */
        record Reacts(String reaction) implements Why {}

        /** It needs something Appium has on no platform. */
        record NoAppium(String what) implements Why {}

        default String text() {
            return switch (this) {
                case Lacks l -> l.tool().wireName() + " (not among appium-fake's tools: " + UNSUPPORTED.get(l.tool()) + ")";
                case Reacts r -> "the app reacting (" + r.reaction()
                        + "): the fake driver logs pointer and key actions without applying them, its screen never changes";
                case NoAppium n -> n.what();
            };
        }
    }

    /** Why each tool missing from {@code MobilePlatform.FAKE.tools()} is missing. */
    private static final Map<Tool, String> UNSUPPORTED = unsupported();

    private static Map<Tool, String> unsupported() {
        Map<Tool, String> why = new EnumMap<>(Map.of(
                Tool.LAUNCH_APP, "the fake driver runs only the app XML its session was created with and has no mobile: activateApp;"
                        + " the contract's built-in apps (com.example.login…) are not on it",
                Tool.STOP_APP, "the fake driver has no mobile: terminateApp",
                Tool.IME_ACTION, "the fake driver has no keyboard and no mobile: performEditorAction",
                Tool.PRESS_BUTTON, "the fake driver has no buttons and no mobile: pressKey",
                Tool.SYSTEM_TRAY, "the fake driver has no notification shade and no mobile: openNotifications"));
        Set<Tool> lacking = PlatformRow.runnerTools().stream()
                .filter(t -> t != Tool.PING && !MobilePlatform.FAKE.tools().contains(t)).collect(Collectors.toSet());
        // The table follows the platform's row: a tool the fake gains or loses fails here first.
        if (!why.keySet().equals(lacking)) {
            throw new IllegalStateException("UNSUPPORTED names " + why.keySet() + " but appium-fake lacks " + lacking);
        }
        return Map.copyOf(why);
    }

    private static final Why LAUNCH = new Why.Lacks(Tool.LAUNCH_APP);

    private static Why reacts(String reaction) {
        return new Why.Reacts(reaction);
    }

    /**
     * Contract tests that cannot pass on the fake driver and do not already abort on
     * {@code requires(tool)}: each with everything it needs that the fake lacks, first what stops it first.
     */
    static final Map<String, List<Why>> EXCLUDED = Map.ofEntries(
            // TreeContract
            entry("theSnapshotNamesTheForegroundAppItsScreenAndTheScreenSize", List.of(LAUNCH)),
            entry("elementsCarryTheirRoleIdTextHintAndState", List.of(LAUNCH)),
            entry("hiddenElementsAreNotInTheTreeUntilShown", List.of(LAUNCH, reacts("tapping Sign in shows the email error"))),
            entry("onlyElementsOnScreenAreInTheTree", List.of(LAUNCH)),
            entry("elementsAreInDocumentOrderTopToBottom", List.of(LAUNCH)),
            entry("refsAreUniqueWithinASnapshot", List.of(LAUNCH)),
            entry("selectorsMatchIdTextRoleAndIndex", List.of(LAUNCH)),
            entry("slashedValuesAreRegularExpressionsOverTheWholeValue", List.of(LAUNCH)),
            entry("textMatchesAnEmptyFieldsHintAndNotOnceItHoldsText", List.of(LAUNCH, reacts("typed text shows in the field"))),
            entry("aMissingElementFailsNamingWhereItLookedAndTheClosestOnScreen", List.of(LAUNCH)),
            entry("observeReturnsTheSnapshot", List.of(LAUNCH)),
            // TapContract
            entry("aTapFlipsACheckbox", List.of(LAUNCH, reacts("a tap checks the box"))),
            entry("aTapOnATextFieldFocusesIt", List.of(LAUNCH, reacts("a tap focuses the field"))),
            entry("aTapIsOneTap", List.of(LAUNCH, reacts("the counter posts to the chat service"))),
            entry("aDoubleTapIsTwoTaps", List.of(LAUNCH, reacts("the counter posts twice, the box flips back"))),
            entry("aLongPressIsNotATap", List.of(LAUNCH)),
            entry("aLongPressOnATextFieldFocusesIt", List.of(LAUNCH, reacts("a long press focuses the field"))),
            entry("tapOnTakesTheActionFromTheToolsParams", List.of(LAUNCH, reacts("a tap checks the box"))),
            entry("tapOnADisabledElementFailsAndDoesNothing", List.of(LAUNCH)),
            entry("tapOnAnElementOffScreenFailsWithElementNotFound", List.of(LAUNCH)),
            // TextContract
            entry("inputTextAppendsAtTheEndOfTheFocusedFieldsValue", List.of(LAUNCH, reacts("typed text shows in the field"))),
            entry("inputTextWithASelectorFocusesThatFieldAndAppendsAtItsEnd", List.of(LAUNCH, reacts("a tap focuses the field, typed text shows"))),
            entry("inputTextWithReplaceReplacesTheValue", List.of(LAUNCH, reacts("typed text shows in the field"))),
            entry("aSecretFieldShowsOneBulletPerCharacter", List.of(LAUNCH, reacts("typed text shows as bullets"))),
            entry("inputTextWithoutAFocusedFieldFails", List.of(LAUNCH, reacts("the focus shows in the page source; the fake"
                    + " driver's focus (its last element click) is not in its source, so Tandem cannot tell that nothing is focused"))),
            entry("clearTextEmptiesTheFocusedFieldSoItsHintShowsAgain", List.of(LAUNCH, reacts("typed text shows, then clears"))),
            entry("clearTextWithASelectorClearsThatField", List.of(LAUNCH, reacts("typed text shows, then clears"))),
            entry("clearTextWithoutAFocusedFieldFails", List.of(LAUNCH)),
            entry("inputTextTypesAnyTextVerbatim", List.of(LAUNCH, reacts("typed text shows in the field"))),
            // ImeContract
            entry("nextMovesTheFocusToTheNextField", List.of(LAUNCH, new Why.Lacks(Tool.IME_ACTION))),
            entry("theFieldsOwnActionRunsWhatTheAppBindsToIt", List.of(LAUNCH, new Why.Lacks(Tool.IME_ACTION))),
            entry("enterActsAsAnyFieldsOwnAction", List.of(LAUNCH, new Why.Lacks(Tool.IME_ACTION))),
            entry("anActionOtherThanTheFieldsOwnFailsNamingTheRightOne", List.of(LAUNCH, new Why.Lacks(Tool.IME_ACTION))),
            entry("anImeActionWithoutAFocusedFieldFails", List.of(LAUNCH, new Why.Lacks(Tool.IME_ACTION))),
            entry("anUnknownImeActionFailsWithBadParams", List.of(LAUNCH, new Why.Lacks(Tool.IME_ACTION))),
            entry("inputTextWithAnImeActionTypesThenActs", List.of(LAUNCH, new Why.Lacks(Tool.IME_ACTION))),
            // ButtonContract
            entry("backPopsTheScreenThenLeavesTheApp", List.of(LAUNCH, new Why.Lacks(Tool.PRESS_BUTTON))),
            entry("backFirstHidesTheKeyboardAndTheFieldKeepsTheFocus", List.of(LAUNCH, new Why.Lacks(Tool.PRESS_BUTTON))),
            entry("homeLeavesTheApp", List.of(LAUNCH, new Why.Lacks(Tool.PRESS_BUTTON))),
            entry("enterRunsTheFocusedFieldsAction", List.of(LAUNCH, new Why.Lacks(Tool.PRESS_BUTTON))),
            entry("enterWithNoFieldFocusedDoesNothing", List.of(LAUNCH, new Why.Lacks(Tool.PRESS_BUTTON))),
            entry("anUnknownButtonFailsWithBadParams", List.of(LAUNCH, new Why.Lacks(Tool.PRESS_BUTTON))),
            entry("backOnTheHomeScreenDoesNothing", List.of(LAUNCH, new Why.Lacks(Tool.PRESS_BUTTON))),
            // ScrollContract
            entry("swipingUpScrollsTheContentDown", List.of(LAUNCH, reacts("the list scrolls"))),
            entry("swipingDownScrollsBackTowardsTheTop", List.of(LAUNCH, reacts("the list scrolls"))),
            entry("swipingDownAtTheTopChangesNothing", List.of(LAUNCH)),
            entry("aSwipeWithinAScrollableScrollsIt", List.of(LAUNCH, reacts("the list scrolls"))),
            entry("scrollUntilVisibleBringsAnItemOnScreenAndItCanBeTapped", List.of(LAUNCH, reacts("the list scrolls"))),
            entry("scrollUntilVisibleFailsOnceTheContentStopsMoving", List.of(LAUNCH)),
            entry("aHorizontalSwipeOnAVerticalListChangesNothing", List.of(LAUNCH)),
            // ScreenshotContract
            entry("aScreenshotIsAPngOfTheScreensSize", List.of(LAUNCH)),
            entry("theScreenshotToolWritesThePngToTheArtifactsDir", List.of(LAUNCH)),
            // SettlingContract
            entry("theUiVersionMovesWithEveryChange", List.of(LAUNCH, reacts("a tap checks the box"))),
            entry("awaitUiChangeReturnsAtOnceWhenTheVersionAlreadyDiffers", List.of(LAUNCH, reacts("a tap checks the box"))),
            entry("awaitUiChangeReturnsByItsDeadlineWhenNothingChanges", List.of(LAUNCH)),
            entry("aStillScreenIsSettled", List.of(LAUNCH)),
            entry("concurrentSnapshotsDuringCommandsAreWholeTrees", List.of(LAUNCH)),
            // AppsContract
            entry("theBuiltInAppsAreInstalled", List.of(new Why.NoAppium("a list of installed apps: Appium has no portable one"
                    + " (AppiumDevice.installedApps() is empty on every platform), and the built-in apps are Tandem's, not on the fake"))),
            entry("launchOpensTheAppsInitialScreen", List.of(LAUNCH)),
            entry("launchingAnUnknownAppFailsListingTheInstalledOnes", List.of(LAUNCH)),
            entry("clearStateStartsTheAppFresh", List.of(LAUNCH)),
            entry("launchingTheAppInFrontAgainKeepsItsState", List.of(LAUNCH)),
            entry("launchingAgainAfterHomeResumesTheApp", List.of(LAUNCH, new Why.Lacks(Tool.PRESS_BUTTON))),
            entry("stopAppEndsTheAppAndItsState", List.of(LAUNCH, new Why.Lacks(Tool.STOP_APP))),
            entry("theLaunchToolCarriesTheRunsContext", List.of(LAUNCH, reacts("the counter posts to the chat service"))));

    /** Reports each test in {@link #EXCLUDED} as disabled with its reasons, before its device is opened. */
    static final class Excluded implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            List<Why> why = context.getTestMethod().map(m -> EXCLUDED.get(m.getName())).orElse(null);
            if (why == null) return ConditionEvaluationResult.enabled("runs on the fake driver");
            return ConditionEvaluationResult.disabled("the fake driver cannot pass this contract test: it needs "
                    + why.stream().map(Why::text).collect(Collectors.joining("; and ")));
        }
    }

    private Process appium;
    private WebDriverClient client;
    private Path log;
    private String notInstalled;
    private WebDriverSession session;

    @BeforeAll
    void startAppium() throws Exception {
        String configured = System.getenv("TANDEM_TEST_APPIUM_HOME");
        Path install = Path.of(configured != null ? configured : "target/appium-home").toAbsolutePath();
        Path bin = install.resolve("node_modules/.bin/appium");
        if (!Files.isExecutable(bin) || !Files.isDirectory(install.resolve("home/node_modules/@appium/fake-driver"))) {
            // Said per test (in freshDevice): surefire reports a class skipped in @BeforeAll as zero tests, silently.
            notInstalled = "Appium is not installed at " + install + "; install it with: npm install --prefix " + install
                    + " appium@3.8.0 && APPIUM_HOME=" + install + "/home " + bin
                    + " driver install --source=npm @appium/fake-driver@6.2.4 (or set TANDEM_TEST_APPIUM_HOME to an install)";
            return;
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // probe-then-bind: the backend assigns ports under the device lock; a test may race
        }
        log = Files.createTempFile("appium-contract-", ".log");
        ProcessBuilder pb = new ProcessBuilder(bin.toString(), "server", "--address", "127.0.0.1", "--port",
                String.valueOf(port), "--log-no-colors", "--log-level", "warn");
        pb.environment().put("APPIUM_HOME", install.resolve("home").toString());
        appium = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        client = new WebDriverClient(URI.create("http://127.0.0.1:" + port), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (client.get("/status", Duration.ofSeconds(2)).path("ready").asBoolean()) return;
            } catch (TandemException notYet) {
                if (!appium.isAlive() || System.nanoTime() - deadline > 0) {
                    throw new AssertionError("Appium did not become ready; its log:\n" + Files.readString(log), notYet);
                }
            }
            appium.waitFor(50, TimeUnit.MILLISECONDS); // wakes at once if it dies
        }
    }

    @Override
    protected Device freshDevice(Path workDir) throws Exception {
        Assumptions.assumeTrue(notInstalled == null, notInstalled);
        String app = new File(AppiumContractTest.class.getResource("contract-screen.xml").toURI()).getAbsolutePath();
        session = WebDriverSession.create(client, Map.of("platformName", "Fake",
                "appium:automationName", "Fake", "appium:deviceName", "Fake Contract", "appium:app", app));
        return new AppiumDevice("fake-contract", MobilePlatform.FAKE, session);
    }

    /** The fake driver's log of every {@code actions} request of the current test's session, oldest first. */
    @Override
    public JsonNode actionLog() {
        return client.post("/session/" + session.id() + "/se/log", Json.toTree(Map.of("type", "actions")), Duration.ofSeconds(10));
    }

    @Override
    protected void closeShared() {
        if (client != null) client.close();
        if (appium == null) return;
        appium.descendants().forEach(ProcessHandle::destroy);
        appium.destroy();
        try {
            if (!appium.waitFor(10, TimeUnit.SECONDS)) appium.destroyForcibly();
        } catch (InterruptedException e) {
            appium.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected Map<Tool, String> unsupportedTools() {
        return UNSUPPORTED;
    }

    @Test
    void theExclusionsNameContractTestsAndToolsTheFakeLacks() {
        // Pins: the table is not stale: each name is a contract test of DeviceContract, each tool one appium-fake lacks.
        Set<String> contractTests = Arrays.stream(DeviceContract.class.getInterfaces())
                .flatMap(i -> Arrays.stream(i.getMethods()))
                .filter(m -> m.isAnnotationPresent(Test.class)).map(Method::getName).collect(Collectors.toSet());
        assertThat(contractTests).containsAll(EXCLUDED.keySet());
        EXCLUDED.forEach((test, whys) -> {
            assertThat(whys).as(test).isNotEmpty();
            whys.forEach(w -> {
                if (w instanceof Why.Lacks l) assertThat(MobilePlatform.FAKE.tools()).as(test).doesNotContain(l.tool());
            });
        });
    }
}
