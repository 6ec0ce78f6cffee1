package dev.tandem.web;

import dev.tandem.device.DeviceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Times a cold web device start in a fresh JVM, phase by phase (run by hand). */
public final class StartProbe {
    private StartProbe() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("tandem-web-start");
        WebBackend web = (WebBackend) new WebBackendProvider().open(new DeviceSpec("start", "pixel-7", dir, Map.of()));
        long t1 = System.nanoTime();
        web.prewarm();
        long t2 = System.nanoTime();
        web.device().snapshot();
        long t3 = System.nanoTime();
        System.out.printf("open %.0f ms, prewarm (first snapshot + settle) %.0f ms, second snapshot %.1f ms, JVM uptime at ready %d ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        web.close();
    }
}
