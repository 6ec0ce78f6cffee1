package dev.tandem.web;

import dev.tandem.device.DeviceSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * A JVM that opens a web device and holds it until killed: the test for "Chromium never outlives
 * its runner" kills this process with SIGKILL and looks for Chromium afterwards.
 */
public final class HoldChromium {
    private HoldChromium() {}

    public static void main(String[] args) throws Exception {
        WebBackend b = (WebBackend) new WebBackendProvider().open(new DeviceSpec("held", "pixel-7", Path.of(args[0]), Map.of()));
        System.out.println("READY " + b.chromiumPid() + " " + b.profileDir());
        System.out.flush();
        System.in.read(); // until the parent closes our stdin, or kills us
        b.close();
    }
}
