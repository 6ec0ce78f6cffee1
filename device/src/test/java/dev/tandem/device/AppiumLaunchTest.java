package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppiumLaunchTest {
    @Test
    void survivesTheTripThroughRunnerOptions() {
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("platformName", "Android");
        caps.put("appium:udid", "emulator-5554");
        caps.put("appium:systemPort", 8201);
        caps.put("appium:otherApps", List.of("/a b/x.apk", "y.apk"));
        caps.put("appium:nested", Map.of("quote", "it's \"quoted\" = yes"));
        AppiumLaunch launch = new AppiumLaunch(caps, null, Path.of("/c/appium/k/node_modules/.bin/appium"), Path.of("/c/appium/k/home"),
                Path.of("/locks"), Map.of("server", 40_001, "appium:systemPort", 40_002));
        AppiumLaunch back = AppiumLaunch.fromOptions(launch.toOptions());
        assertThat(back).isEqualTo(launch);
        AppiumLaunch external = new AppiumLaunch(caps, URI.create("http://10.0.0.5:4723"), null, null, Path.of("/locks"), Map.of());
        assertThat(AppiumLaunch.fromOptions(external.toOptions())).isEqualTo(external);
        AppiumLaunch attached = new AppiumLaunch(caps, URI.create("http://grid:4444"), null, null, Path.of("/locks"), Map.of(),
                new AppiumLaunch.Attached("5e55", Map.of("pixelRatio", 2.5, "platformName", "Android")));
        assertThat(AppiumLaunch.fromOptions(attached.toOptions())).isEqualTo(attached);
        assertThat(AppiumLaunch.fromOptions(external.toOptions()).attached()).as("a runner of its own session").isNull();
    }

    @Test
    void anAttachedSessionNeedsItsServer() {
        assertThatThrownBy(() -> new AppiumLaunch(Map.of(), null, null, null, null, Map.of(), new AppiumLaunch.Attached("s", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server");
    }

    @Test
    void noOptionsIsARunnerWithoutADeviceAndGarbageIsRefused() {
        assertThat(AppiumLaunch.fromOptions(Map.of()).capabilities()).isEmpty();
        assertThatThrownBy(() -> AppiumLaunch.fromOptions(Map.of("appium.capabilities", "{not json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unreadable Appium launch options");
    }
}
