package dev.tandem.web;

import dev.tandem.device.Backend;
import dev.tandem.device.Device;
import java.nio.file.Path;

/**
 * A web device and the Chromium behind it; closing it kills Chromium and deletes its profile. A
 * remote browser (a Grid session, {@code chromium} null) is only disconnected: its owner closes it.
 */
public final class WebBackend implements Backend {
    private final ChromiumProcess chromium;
    private final WebDevice device;

    WebBackend(ChromiumProcess chromium, WebDevice device) {
        this.chromium = chromium;
        this.device = device;
    }

    @Override
    public Device device() {
        return device;
    }

    public WebDevice webDevice() {
        return device;
    }

    /** The browser process (leader of Chromium's process group). */
    public long chromiumPid() {
        return chromium.pid();
    }

    /** This device's private Chromium profile, deleted on close. */
    public Path profileDir() {
        return chromium.profileDir();
    }

    /** One snapshot and one settle check: loads the agent paths, JSON and the JIT before the first command. */
    @Override
    public void prewarm() {
        device.snapshot();
        device.isSettled();
    }

    @Override
    public void close() {
        try {
            device.close();
        } finally {
            if (chromium != null) chromium.close();
        }
    }
}
