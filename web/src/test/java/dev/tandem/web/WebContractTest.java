package dev.tandem.web;

import dev.tandem.device.Device;
import dev.tandem.device.contract.DeviceContract;
import dev.tandem.device.contract.Difference;
import java.nio.file.Path;
import java.util.Map;

/**
 * The web backend runs the whole device contract on the built-in apps' web twins. One Chromium
 * serves the suite (a start costs about a second); each test gets it back on about:blank (the home
 * screen) with an empty tray, so every app it opens is a fresh page. The browser context is the
 * suite's (a new one costs ~0.4 s a launch here), except where a test asks for clearState.
 */
class WebContractTest extends DeviceContract {
    private WebBackend web;

    @Override
    protected Device freshDevice(Path workDir) {
        if (web == null) web = WebFixture.open(workDir, "pixel-7");
        WebDevice d = web.webDevice();
        d.pressButton(dev.tandem.protocol.Button.HOME);
        d.clearNotifications();
        return d;
    }

    /** The browser is the suite's: kept for the next test. */
    @Override
    protected void release(Device device) {}

    @Override
    protected void closeShared() {
        if (web != null) web.close();
    }

    @Override
    protected Map<Difference, String> differences() {
        return Map.of(
                Difference.HOME_DISCARDS_THE_APP, "home opens about:blank: a browser has no background apps, so the page and its state are gone",
                Difference.SCREENSHOT_IN_DEVICE_PIXELS, "Chromium captures the emulated screen at its device pixel ratio (the profile's density)");
    }
}
