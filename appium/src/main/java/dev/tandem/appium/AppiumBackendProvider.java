package dev.tandem.appium;

import dev.tandem.device.Backend;
import dev.tandem.device.BackendProvider;
import dev.tandem.device.DeviceSpec;
import dev.tandem.device.PlatformRow;
import java.util.List;
import java.util.Map;

/**
 * The Appium platforms' entry points ({@code android}, {@code ios}, {@code appium-fake}), one
 * registration each in {@code META-INF/services}: the same backend with its platform's row.
 */
public abstract sealed class AppiumBackendProvider implements BackendProvider {
    private final MobilePlatform mobile;
    /**
     * A runner is ready once its Appium server answers (bounded at {@link AppiumServer#START_TIMEOUT})
     * and its session is open: Node's start-up takes ~1.7 s of CPU per server, so 8 starting at once
     * on 2 cores take tens of seconds; a real driver's first session (installing UiAutomator2's
     * server, building WebDriverAgent) takes minutes.
     */
    static final long START_TIMEOUT_MS = AppiumServer.START_TIMEOUT.toMillis() + WebDriverSession.CREATE_TIMEOUT.toMillis() + 30_000;

    AppiumBackendProvider(MobilePlatform mobile) {
        this.mobile = mobile;
    }

    @Override
    public String platform() {
        return mobile.platform().name();
    }

    /**
     * A phone's apps, screens and typed text live on the phone, not in the runner: a new runner
     * finds them as they were. The fake driver's state lives in the server the runner owns.
     */
    @Override
    public boolean deviceStateSurvivesRunnerRestart() {
        return mobile != MobilePlatform.FAKE;
    }

    /** Node and the prepared server ({@code tandem prepare --platform appium}); the tools its driver can do. */
    @Override
    public PlatformRow row() {
        return PlatformRow.jvmRunner(mobile.platform(), List.of("tandem-appium-"), List.of("node"),
                List.of(PlatformRow.cmd("ping", Map.of()))).withTools(mobile.tools()).withStartTimeout(START_TIMEOUT_MS);
    }

    @Override
    public Backend open(DeviceSpec spec) {
        return AppiumBackend.open(mobile, spec);
    }

    public static final class Android extends AppiumBackendProvider {
        public Android() {
            super(MobilePlatform.ANDROID);
        }
    }

    public static final class Ios extends AppiumBackendProvider {
        public Ios() {
            super(MobilePlatform.IOS);
        }
    }

    public static final class Fake extends AppiumBackendProvider {
        public Fake() {
            super(MobilePlatform.FAKE);
        }
    }
}
