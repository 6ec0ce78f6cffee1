package dev.tandem.daemon.prepare.appium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AppiumPinsTest {

    @Test
    void theIssuesPinsAndOneExactVersionPerDriver() {
        assertThat(AppiumPins.appiumSpec()).isEqualTo("appium@3.8.0");
        assertThat(AppiumPins.driver("Fake").orElseThrow().spec()).isEqualTo("@appium/fake-driver@6.2.4");
        assertThat(AppiumPins.driver("UiAutomator2").orElseThrow().npmPackage()).isEqualTo("appium-uiautomator2-driver");
        assertThat(AppiumPins.driver("XCUITest").orElseThrow().npmPackage()).isEqualTo("appium-xcuitest-driver");
        // exact versions only: a range would make the same key mean different installs over time
        assertThat(AppiumPins.DRIVERS).allSatisfy(d -> assertThat(d.version()).matches("\\d+\\.\\d+\\.\\d+"));
        assertThat(AppiumPins.APPIUM_VERSION).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(AppiumPins.DRIVERS).extracting(d -> d.automationName().toLowerCase()).doesNotHaveDuplicates();
        assertThat(AppiumPins.DEFAULT_DRIVERS).containsExactly("Fake");
    }

    @Test
    void automationNamesMatchAsAppiumMatchesThem() {
        assertThat(AppiumPins.driver("uiautomator2").orElseThrow().automationName()).isEqualTo("UiAutomator2");
        assertThat(AppiumPins.drivers(Set.of("xcuitest", "Fake")).keySet()).containsExactly("Fake", "XCUITest");
    }

    @Test
    void anUnknownAutomationNameNamesTheKnownOnes() {
        assertThatThrownBy(() -> AppiumPins.drivers(Set.of("Espresso", "Fake")))
                .hasMessageContaining("Espresso").hasMessageContaining("UiAutomator2").hasMessageNotContaining("Fake,Espresso");
    }

    @Test
    void specsSplitIntoPackageAndVersion() {
        assertThat(AppiumManifest.packageOf("@appium/fake-driver@6.2.4")).isEqualTo("@appium/fake-driver");
        assertThat(AppiumManifest.versionOf("@appium/fake-driver@6.2.4")).isEqualTo("6.2.4");
        assertThat(AppiumManifest.packageOf("appium@3.8.0")).isEqualTo("appium");
    }
}
