package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppiumCapabilitiesTest {
    @Test
    void aSessionHasTheDevicesCapabilitiesAndTheDriverPortsButNotTheServersOwn() {
        Map<String, Object> device = Map.of("platformName", "Android", "appium:udid", "emulator-5554");
        Map<String, Object> caps = AppiumCapabilities.forSession(device, Map.of("server", 40_001, "appium:systemPort", 40_002));
        assertThat(caps).containsEntry("platformName", "Android").containsEntry("appium:udid", "emulator-5554")
                .containsEntry("appium:systemPort", 40_002).doesNotContainKey("server");
        assertThat(AppiumCapabilities.forSession(device, Map.of())).as("a Grid's node assigns its own ports").isEqualTo(device);
    }

    @Test
    void theNewSessionBodyIsW3cAlwaysMatch() {
        Map<String, Object> body = AppiumCapabilities.newSessionBody(Map.of("platformName", "iOS"));
        assertThat(body).isEqualTo(Map.of("capabilities", Map.of("alwaysMatch", Map.of("platformName", "iOS"))));
    }
}
