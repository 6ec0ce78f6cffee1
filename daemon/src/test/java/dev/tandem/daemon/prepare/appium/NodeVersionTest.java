package dev.tandem.daemon.prepare.appium;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeVersionTest {

    @Test
    void parsesWhatNodeVersionPrints() {
        assertThat(NodeVersion.parse("v20.20.2\n")).isEqualTo(new NodeVersion(20, 20, 2));
        assertThat(NodeVersion.parse("22.12.0")).isEqualTo(new NodeVersion(22, 12, 0));
        assertThat(NodeVersion.parse("v23.0.0-nightly20240101")).isEqualTo(new NodeVersion(23, 0, 0));
        assertThat(NodeVersion.parse("v20.20.2").majorMinor()).isEqualTo("20.20");
    }

    @Test
    void anythingElseIsNoVersion() {
        assertThat(NodeVersion.parse(null)).isNull();
        assertThat(NodeVersion.parse("")).isNull();
        assertThat(NodeVersion.parse("v20")).isNull();
        assertThat(NodeVersion.parse("command not found")).isNull();
        assertThat(NodeVersion.parse("v99999999999.0.0")).isNull();
    }

    @Test
    void appiumsEnginesRangeIsCheckedPerAlternative() {
        String engines = AppiumPins.NODE_ENGINES; // ^20.19.0 || ^22.12.0 || >=24.0.0
        assertThat(v("18.20.4").satisfies(engines)).isFalse();
        assertThat(v("20.18.9").satisfies(engines)).isFalse();
        assertThat(v("20.19.0").satisfies(engines)).isTrue();
        assertThat(v("20.20.2").satisfies(engines)).isTrue();
        assertThat(v("21.7.3").satisfies(engines)).as("^20 stops at 21").isFalse();
        assertThat(v("22.11.0").satisfies(engines)).isFalse();
        assertThat(v("22.12.0").satisfies(engines)).isTrue();
        assertThat(v("23.9.0").satisfies(engines)).isFalse();
        assertThat(v("24.0.0").satisfies(engines)).isTrue();
        assertThat(v("25.1.0").satisfies(engines)).isTrue();
    }

    @Test
    void anUnreadableRangeFailsClosed() {
        assertThat(v("24.0.0").satisfies("~24.0.0")).isFalse();
        assertThat(v("24.0.0").satisfies("")).isFalse();
    }

    private static NodeVersion v(String s) {
        return NodeVersion.parse(s);
    }
}
