package dev.tandem.daemon.devices;

import dev.tandem.protocol.Platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequirementTest {
    static final DevicePool POOL = DevicePool.fromEnv(Map.of());

    @Test
    void specsMapToPlatformDeviceOrProfile() {
        assertThat(Requirement.parse("A", "sim", POOL)).isEqualTo(new Requirement("A", Platform.SIM, null, null));
        assertThat(Requirement.parse("A", "sim:3", POOL)).isEqualTo(new Requirement("A", Platform.SIM, "sim-3", null));
        assertThat(Requirement.parse("A", "sim:sim-3", POOL)).isEqualTo(new Requirement("A", Platform.SIM, "sim-3", null));
        assertThat(Requirement.parse("A", "web:pixel-7", POOL)).isEqualTo(new Requirement("A", Platform.WEB, null, "pixel-7"));
        assertThat(Requirement.parse("A", "web:web-2", POOL)).isEqualTo(new Requirement("A", Platform.WEB, "web-2", null));
    }

    @Test
    void badSpecsSayWhatExists() {
        assertThatThrownBy(() -> Requirement.parse("A", "android", POOL)).hasMessageContaining("use sim, sim:ID, web or web:PROFILE");
        assertThatThrownBy(() -> Requirement.parse("A", "sim:99", POOL)).hasMessageContaining("sim-1");
    }
}
