package dev.tandem.daemon.sources.appium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code adb devices -l} as adb prints it: the serial padded to 22 columns, the state, then key:value pairs. */
class AdbDevicesTest {
    /** An emulator, a USB phone, a phone over Wi-Fi, and adb starting its server first (those lines go to stderr or stdout by version). */
    static final String MIXED = """
            * daemon not running; starting now at tcp:5037
            * daemon started successfully
            List of devices attached
            emulator-5554          device product:sdk_gphone64_x86_64 model:sdk_gphone64_x86_64 device:emu64xa transport_id:1
            R58M123ABCD            device usb:1-1 product:beyond1ltexx model:SM_G973F device:beyond1 transport_id:3
            192.168.1.23:5555      device product:panther model:Pixel_7 device:panther transport_id:6

            """;

    static final String TROUBLE = """
            List of devices attached
            0A1B2C3D4E5F           unauthorized usb:1-1 transport_id:2
            emulator-5556          offline transport_id:4
            0123456789ABCDEF       no permissions (missing udev rules? user is in the plugdev group); see [http://developer.android.com/tools/device.html] usb:1-4 transport_id:5
            26151FDH2005TA         bootloader usb:2-1 transport_id:7
            HT7A1B2C3D4E           authorizing usb:1-2 transport_id:8
            """;

    @Test
    void readsEveryFieldOfAUsableDeviceAndSkipsTheServersStartUpLines() {
        AdbDevices.Listing l = AdbDevices.parse(MIXED);
        assertThat(l.listed()).isTrue();
        assertThat(l.other()).isEmpty();
        assertThat(l.entries()).containsExactly(
                new AdbDevices.Entry("emulator-5554", "device", "sdk_gphone64_x86_64", "sdk_gphone64_x86_64", "emu64xa", null, "1", true),
                new AdbDevices.Entry("R58M123ABCD", "device", "SM_G973F", "beyond1ltexx", "beyond1", "1-1", "3", false),
                new AdbDevices.Entry("192.168.1.23:5555", "device", "Pixel_7", "panther", "panther", null, "6", false));
        assertThat(l.entries()).allMatch(AdbDevices.Entry::usable).allSatisfy(e -> assertThat(e.note()).isEmpty());
    }

    @Test
    void devicesInOtherStatesAreNotUsableAndSayWhatToDo() {
        List<AdbDevices.Entry> e = AdbDevices.parse(TROUBLE).entries();
        assertThat(e).extracting(AdbDevices.Entry::serial, AdbDevices.Entry::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("0A1B2C3D4E5F", "unauthorized"),
                org.assertj.core.groups.Tuple.tuple("emulator-5556", "offline"),
                org.assertj.core.groups.Tuple.tuple("0123456789ABCDEF", "no permissions"),
                org.assertj.core.groups.Tuple.tuple("26151FDH2005TA", "bootloader"),
                org.assertj.core.groups.Tuple.tuple("HT7A1B2C3D4E", "authorizing"));
        assertThat(e).noneMatch(AdbDevices.Entry::usable);
        assertThat(e.get(0).note()).contains("android: 0A1B2C3D4E5F is unauthorized — accept the USB debugging prompt on the phone");
        assertThat(e.get(1).note()).contains("android: emulator-5556 is offline — reconnect it or restart adb: adb kill-server");
        assertThat(e.get(1).emulator()).isTrue();
        assertThat(e.get(2).note()).hasValueSatisfying(n -> assertThat(n).startsWith("android: 0123456789ABCDEF has no permissions — ")
                .contains("udev rule"));
        assertThat(e.get(2).usb()).as("the pairs after the free text").isEqualTo("1-4");
        assertThat(e.get(2).transportId()).isEqualTo("5");
        assertThat(e.get(3).note()).hasValueSatisfying(n -> assertThat(n).contains("adb -s 26151FDH2005TA reboot"));
        assertThat(e.get(4).note()).hasValueSatisfying(n -> assertThat(n).contains("still connecting"));
    }

    @Test
    void anUnknownStateIsKeptAndExplained() {
        AdbDevices.Entry e = AdbDevices.parse(AdbDevices.HEADER + "\nXYZ123                 host transport_id:9\n").entries().getFirst();
        assertThat(e.state()).isEqualTo("host");
        assertThat(e.note()).hasValueSatisfying(n -> assertThat(n).contains("only state 'device' can be driven"));
    }

    @Test
    void thePlainFormatWithTabsAndNoPairsReadsToo() {
        AdbDevices.Entry e = AdbDevices.parse("List of devices attached\nemulator-5554\tdevice\n\n").entries().getFirst();
        assertThat(e).isEqualTo(new AdbDevices.Entry("emulator-5554", "device", null, null, null, null, null, true));
    }

    @Test
    void windowsLineEndsAndUnknownWordsAreTolerated() {
        AdbDevices.Listing l = AdbDevices.parse("List of devices attached\r\nemulator-5554 device product:p model:m device:d transport_id:1 "
                + "extra\r\n");
        assertThat(l.entries()).singleElement().satisfies(e -> {
            assertThat(e.model()).isEqualTo("m");
            assertThat(e.transportId()).isEqualTo("1");
        });
    }

    @Test
    void emptyListHasTheHeaderAndNoDevices() {
        AdbDevices.Listing l = AdbDevices.parse("* daemon not running; starting now at tcp:5037\n* daemon started successfully\n"
                + "List of devices attached\n\n");
        assertThat(l.listed()).isTrue();
        assertThat(l.entries()).isEmpty();
    }

    @Test
    void outputWithoutTheHeaderIsNoListing() {
        AdbDevices.Listing l = AdbDevices.parse("adb: error: failed to check server version: cannot connect to daemon\n");
        assertThat(l.listed()).isFalse();
        assertThat(l.entries()).isEmpty();
        assertThat(l.other()).containsExactly("adb: error: failed to check server version: cannot connect to daemon");
        assertThat(AdbDevices.parse("").listed()).isFalse();
        assertThat(AdbDevices.parse("\u0000\u00ff garbage {").listed()).isFalse();
    }

    @Test
    void aLineThatIsNoDeviceAfterTheHeaderIsSetAside() {
        AdbDevices.Listing l = AdbDevices.parse("List of devices attached\nlonely\nemulator-5554 device\nfoo BAR!\n");
        assertThat(l.entries()).extracting(AdbDevices.Entry::serial).containsExactly("emulator-5554");
        assertThat(l.other()).containsExactly("lonely", "foo BAR!");
    }
}
