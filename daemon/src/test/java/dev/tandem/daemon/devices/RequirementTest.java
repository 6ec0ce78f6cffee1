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

    static final String UDID = "8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10";
    static final DevicePool PHONES = new DevicePool(java.util.stream.Stream.concat(POOL.slots().stream(), java.util.stream.Stream.of(
            new DeviceSlot("android-emulator-5554", Platform.ANDROID, null, "android"),
            new DeviceSlot("android-192-168-1-23-5555", Platform.ANDROID, null, "android"),
            new DeviceSlot("pixel-lab", Platform.ANDROID, null, "lab"),
            new DeviceSlot("ios-8a5e4c6b-2d3f-4b7a-9e1c-0f2d4b6a8c10", Platform.IOS, null, "ios"))).toList());

    @Test
    void androidSerialsAndIosUdidsNameTheirDiscoveredDevices() {
        assertThat(Requirement.parse("A", "android", PHONES)).isEqualTo(new Requirement("A", Platform.ANDROID, null, null));
        assertThat(Requirement.parse("A", "android:emulator-5554", PHONES))
                .isEqualTo(new Requirement("A", Platform.ANDROID, "android-emulator-5554", null));
        assertThat(Requirement.parse("A", "android:192.168.1.23:5555", PHONES).deviceId()).as("a serial with ':' and '.'")
                .isEqualTo("android-192-168-1-23-5555");
        assertThat(Requirement.parse("A", "android:android-emulator-5554", PHONES).deviceId()).as("the id itself")
                .isEqualTo("android-emulator-5554");
        assertThat(Requirement.parse("A", "android:pixel-lab", PHONES).deviceId()).as("a configured id").isEqualTo("pixel-lab");
        assertThat(Requirement.parse("A", "ios", PHONES)).isEqualTo(new Requirement("A", Platform.IOS, null, null));
        assertThat(Requirement.parse("A", "ios:" + UDID, PHONES))
                .isEqualTo(new Requirement("A", Platform.IOS, "ios-8a5e4c6b-2d3f-4b7a-9e1c-0f2d4b6a8c10", null));
        assertThat(Requirement.parse("A", "ios:" + UDID.toLowerCase(java.util.Locale.ROOT), PHONES).deviceId())
                .isEqualTo("ios-8a5e4c6b-2d3f-4b7a-9e1c-0f2d4b6a8c10");
    }

    @Test
    void anUnknownSerialIsNoDeviceNeverAProfile() {
        assertThatThrownBy(() -> Requirement.parse("A", "android:emulator-5556", PHONES))
                .isInstanceOfSatisfying(dev.tandem.protocol.TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(dev.tandem.protocol.ErrorCode.USAGE);
                    assertThat(e.getMessage()).contains("no android device 'emulator-5556'",
                            "did you mean `android:android-emulator-5554`?",
                            "android devices are [android-emulator-5554, android-192-168-1-23-5555, pixel-lab]", "`tandem devices`");
                });
        assertThatThrownBy(() -> Requirement.parse("A", "ios:0000", PHONES)).hasMessageContaining("no ios device '0000'")
                .hasMessageContaining("[ios-8a5e4c6b-2d3f-4b7a-9e1c-0f2d4b6a8c10]");
        assertThatThrownBy(() -> Requirement.parse("A", "ios:emulator-5554", PHONES)).as("another platform's device")
                .hasMessageContaining("no ios device 'emulator-5554'");
        // a platform's own profiles (declared by its backend) still work
        assertThat(Requirement.parse("A", "android:tablet", PHONES, p -> java.util.List.of("tablet")).profile()).isEqualTo("tablet");
    }

    @Test
    void noPhonesAtAllSaysWhereToLook() {
        assertThatThrownBy(() -> Requirement.parse("A", "android:emulator-5554", POOL))
                .hasMessageContaining("no android devices: none is configured in devices.yaml or discovered (`tandem devices` says why)")
                .hasMessageContaining("use sim, sim:ID, web or web:PROFILE");
        assertThatThrownBy(() -> Requirement.parse("A", "ios", POOL)).hasMessageContaining("no ios devices");
        assertThatThrownBy(() -> Requirement.parse("A", "andriod", PHONES)).hasMessageContaining("unknown platform 'andriod'")
                .hasMessageContaining("did you mean `android`?");
        assertThatThrownBy(() -> Requirement.parse("A", "android-emulator-5554", PHONES))
                .hasMessageContaining("did you mean `android:android-emulator-5554`?");
    }

    @Test
    void simAndWebSpecsAreUnchangedBesidePhones() {
        assertThat(Requirement.parse("A", "sim:3", PHONES).deviceId()).isEqualTo("sim-3");
        assertThat(Requirement.parse("A", "web:pixel-7", PHONES)).isEqualTo(new Requirement("A", Platform.WEB, null, "pixel-7"));
        assertThatThrownBy(() -> Requirement.parse("A", "sim:99", PHONES)).hasMessageContaining("no sim device '99'");
    }
}
