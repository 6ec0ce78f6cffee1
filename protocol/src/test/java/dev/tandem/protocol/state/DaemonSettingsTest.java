package dev.tandem.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonSettingsTest {
    @Test
    void keepsOnlyTheStartUpSettings() {
        assertThat(DaemonSettings.of(Map.of("TANDEM_SIM_LATENCY", "instant", "PATH", "/bin", "TANDEM_HOME", "/h")))
                .containsExactly(Map.entry("TANDEM_SIM_LATENCY", "instant"));
    }

    @Test
    void namesEachDifferingValueWithBothSides() {
        var daemon = Map.of("TANDEM_SIM_LATENCY", "realistic", "TANDEM_WEB_DEVICES", "2");
        var shell = Map.of("TANDEM_SIM_LATENCY", "instant", "TANDEM_SIM_DEVICES", "3", "TANDEM_WEB_DEVICES", "2");
        assertThat(DaemonSettings.differences(daemon, shell)).containsExactly(
                "TANDEM_SIM_LATENCY=realistic (this shell: instant)",
                "TANDEM_SIM_DEVICES=(unset) (this shell: 3)");
    }

    @Test
    void agreeingSettingsSayNothing() {
        var env = Map.of("TANDEM_SIM_LATENCY", "instant");
        assertThat(DaemonSettings.differences(env, env)).isEmpty();
    }
}
