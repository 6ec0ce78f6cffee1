package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.CommandContext;
import dev.tandem.device.ToolExecutor;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import org.junit.jupiter.api.Test;

/** {@code launchApp}, {@code stopApp}, {@code installedApps}. */
public interface AppsContract extends Contract {

    @Test
    default void theBuiltInAppsAreInstalled() {
        // Pins: installedApps lists (at least) the built-in apps.
        assertThat(d().device().installedApps()).contains(LOGIN, LIST, CHAT, COUNTER, CLOCK);
    }

    @Test
    default void launchOpensTheAppsInitialScreen() throws Exception {
        // Pins: launchApp brings the app to the front on its initial screen.
        assertThat(d().launch(CHAT).screen()).isEqualTo("conversation");
        assertThat(d().launch(LOGIN).screen()).isEqualTo("login");
        assertThat(d().snapshot().app()).isEqualTo(LOGIN);
    }

    @Test
    default void launchingAnUnknownAppFailsListingTheInstalledOnes() throws Exception {
        // Pins: APP_NOT_INSTALLED for an unknown id, naming the installed apps.
        assertThat(d().fails(ErrorCode.APP_NOT_INSTALLED, () -> d().launch("com.example.nope")).getMessage()).contains(LOGIN);
        d().fails(ErrorCode.APP_NOT_INSTALLED, () -> d().device().stopApp("com.example.nope"));
    }

    @Test
    default void clearStateStartsTheAppFresh() throws Exception {
        // Pins: launchApp with clearState discards the app's state (typed text, screen).
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().launch(LOGIN, true);
        assertThat(d().need("email").text()).isNullOrEmpty();
    }

    @Test
    default void launchingTheAppInFrontAgainKeepsItsState() throws Exception {
        // Pins: launchApp without clearState of the app already in front changes nothing.
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().launch(LOGIN, false);
        assertThat(d().need("email").text()).isEqualTo("user@example.com");
    }

    @Test
    default void launchingAgainAfterHomeResumesTheApp() throws Exception {
        // Pins: after home, launchApp without clearState resumes the app with its state (fresh where HOME_DISCARDS_THE_APP).
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().button("home");
        d().launch(LOGIN, false);
        if (differs(Difference.HOME_DISCARDS_THE_APP)) assertThat(d().need("email").text()).isNullOrEmpty();
        else assertThat(d().need("email").text()).isEqualTo("user@example.com");
    }

    @Test
    default void stopAppEndsTheAppAndItsState() throws Exception {
        // Pins: stopApp of the app in front shows the home screen; its next launch starts it fresh.
        d().launch(LOGIN);
        d().run(Tool.INPUT_TEXT, "id", "email", "text", "user@example.com");
        d().run(Tool.STOP_APP, "appId", LOGIN);
        assertThat(d().snapshot().app()).isNull();
        d().launch(LOGIN, false);
        assertThat(d().need("email").text()).isNullOrEmpty();
    }

    @Test
    default void theLaunchToolCarriesTheRunsContext() throws Exception {
        // Pins: the launchApp tool passes context.room, user and services through: the app chats in that room as that user.
        var params = Json.object();
        params.put("appId", COUNTER).put("clearState", true);
        var ctx = params.putObject("context");
        ctx.put("room", d().room()).put("user", "tool-user");
        var services = ctx.putObject("services");
        d().launchServices().forEach(services::put);
        ToolExecutor.run(d().device(), Tool.LAUNCH_APP, params,
                CommandContext.withTimeout(ContractDriver.WAIT_MS, d().artifacts()));
        d().tap("send");
        assertThat(d().awaitChatMessages(1)).extracting(m -> m.from()).containsExactly("tool-user");
    }
}
