package dev.tandem.daemon.sources.appium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Platform;
import org.junit.jupiter.api.Test;

class DiscoveredTest {
    @Test
    void idsAreValidDeviceIdsAndFileNames() {
        assertThat(Discovered.idOf(Platform.ANDROID, "emulator-5554")).isEqualTo("android-emulator-5554");
        assertThat(Discovered.idOf(Platform.ANDROID, "R58M123ABCD")).isEqualTo("android-r58m123abcd");
        assertThat(Discovered.idOf(Platform.ANDROID, "192.168.1.23:5555")).isEqualTo("android-192-168-1-23-5555");
        assertThat(Discovered.idOf(Platform.ANDROID, "adb-26151FDH2005TA-vWgJpq._adb-tls-connect._tcp"))
                .isEqualTo("android-adb-26151fdh2005ta-vwgjpq-adb-tls-connect-tcp");
        assertThat(Discovered.idOf(Platform.IOS, "8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10"))
                .isEqualTo("ios-8a5e4c6b-2d3f-4b7a-9e1c-0f2d4b6a8c10");
        assertThat(Discovered.sanitize("../..")).isEqualTo("unnamed");
        assertThat(Discovered.sanitize("-A__b-")).isEqualTo("a-b");
    }

    @Test
    void androidCapabilitiesNameTheSerialAndModel() {
        Discovered d = Discovered.android(new AdbDevices.Entry("emulator-5554", "device", "sdk_gphone64_x86_64", "sdk_gphone64_x86_64",
                "emu64xa", null, "1", true));
        assertThat(d.id()).isEqualTo("android-emulator-5554");
        assertThat(d.platform()).isEqualTo(Platform.ANDROID);
        assertThat(d.udid()).isEqualTo("emulator-5554");
        assertThat(d.name()).isEqualTo("sdk_gphone64_x86_64");
        assertThat(d.capabilities()).containsExactly(
                java.util.Map.entry("platformName", "Android"),
                java.util.Map.entry("appium:automationName", "UiAutomator2"),
                java.util.Map.entry("appium:udid", "emulator-5554"),
                java.util.Map.entry("appium:deviceName", "sdk_gphone64_x86_64"));
        Discovered noModel = Discovered.android(new AdbDevices.Entry("R58M123ABCD", "device", null, null, null, null, null, false));
        assertThat(noModel.capabilities()).containsEntry("appium:deviceName", "R58M123ABCD");
    }

    @Test
    void iosCapabilitiesNameTheUdidNameAndVersion() {
        Discovered d = Discovered.ios(new SimctlDevices.Simulator("8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10", "iPhone 15", "Booted", "17.5",
                "com.apple.CoreSimulator.SimRuntime.iOS-17-5", null));
        assertThat(d.id()).isEqualTo("ios-8a5e4c6b-2d3f-4b7a-9e1c-0f2d4b6a8c10");
        assertThat(d.udid()).as("as simctl prints it: Appium wants it so").isEqualTo("8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10");
        assertThat(d.capabilities()).containsExactly(
                java.util.Map.entry("platformName", "iOS"),
                java.util.Map.entry("appium:automationName", "XCUITest"),
                java.util.Map.entry("appium:udid", "8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10"),
                java.util.Map.entry("appium:deviceName", "iPhone 15"),
                java.util.Map.entry("appium:platformVersion", "17.5"));
    }
}
