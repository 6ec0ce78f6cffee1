package dev.tandem.daemon.sources.appium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code xcrun simctl list -j devices} as Xcode 15/16 print it: simulators by runtime, every platform. */
class SimctlDevicesTest {
    static final String XCODE_16 = """
            {
              "devices" : {
                "com.apple.CoreSimulator.SimRuntime.watchOS-10-5" : [
                  {
                    "lastBootedAt" : "2024-06-10T09:12:40Z",
                    "dataPath" : "/Users/dev/Library/Developer/CoreSimulator/Devices/1C7D5B0E-6F5B-4E1B-9D0C-2B8A3F1E9A11/data",
                    "dataPathSize" : 18337792,
                    "logPath" : "/Users/dev/Library/Logs/CoreSimulator/1C7D5B0E-6F5B-4E1B-9D0C-2B8A3F1E9A11",
                    "udid" : "1C7D5B0E-6F5B-4E1B-9D0C-2B8A3F1E9A11",
                    "isAvailable" : true,
                    "deviceTypeIdentifier" : "com.apple.CoreSimulator.SimDeviceType.Apple-Watch-Series-9-45mm",
                    "state" : "Booted",
                    "name" : "Apple Watch Series 9 (45mm)"
                  }
                ],
                "com.apple.CoreSimulator.SimRuntime.iOS-17-5" : [
                  {
                    "dataPath" : "/Users/dev/Library/Developer/CoreSimulator/Devices/8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10/data",
                    "dataPathSize" : 464547840,
                    "logPath" : "/Users/dev/Library/Logs/CoreSimulator/8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10",
                    "udid" : "8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10",
                    "isAvailable" : true,
                    "deviceTypeIdentifier" : "com.apple.CoreSimulator.SimDeviceType.iPhone-15",
                    "state" : "Booted",
                    "name" : "iPhone 15"
                  },
                  {
                    "udid" : "D3B2A1F0-9E8D-4C7B-A6F5-E4D3C2B1A098",
                    "isAvailable" : true,
                    "deviceTypeIdentifier" : "com.apple.CoreSimulator.SimDeviceType.iPhone-15-Pro",
                    "state" : "Shutdown",
                    "name" : "iPhone 15 Pro"
                  },
                  {
                    "udid" : "0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0",
                    "isAvailable" : false,
                    "availabilityError" : "runtime profile not found using \\"System\\" match policy",
                    "deviceTypeIdentifier" : "com.apple.CoreSimulator.SimDeviceType.iPhone-SE-3rd-generation",
                    "state" : "Shutdown",
                    "name" : "iPhone SE (3rd generation)"
                  }
                ],
                "com.apple.CoreSimulator.SimRuntime.iOS-18-0" : [
                  {
                    "udid" : "F1E2D3C4-B5A6-4978-8695-A4B3C2D1E0F9",
                    "isAvailable" : true,
                    "deviceTypeIdentifier" : "com.apple.CoreSimulator.SimDeviceType.iPad-Air-11-inch-M2",
                    "state" : "Booted",
                    "name" : "iPad Air 11-inch (M2)"
                  }
                ],
                "com.apple.CoreSimulator.SimRuntime.tvOS-17-5" : [
                  {
                    "udid" : "AA11BB22-CC33-DD44-EE55-FF6677889900",
                    "isAvailable" : true,
                    "deviceTypeIdentifier" : "com.apple.CoreSimulator.SimDeviceType.Apple-TV-4K-3rd-generation-4K",
                    "state" : "Booted",
                    "name" : "Apple TV 4K (3rd generation)"
                  }
                ],
                "com.apple.CoreSimulator.SimRuntime.xrOS-1-2" : [
                  {
                    "udid" : "12345678-90AB-CDEF-1234-567890ABCDEF",
                    "isAvailable" : true,
                    "deviceTypeIdentifier" : "com.apple.CoreSimulator.SimDeviceType.Apple-Vision-Pro",
                    "state" : "Booted",
                    "name" : "Apple Vision Pro"
                  }
                ],
                "com.apple.CoreSimulator.SimRuntime.iOS-16-4" : [ ]
              }
            }
            """;

    @Test
    void keepsTheAvailableSimulatorsOfIosRuntimesWithTheirVersionAndState() throws Exception {
        List<SimctlDevices.Simulator> sims = SimctlDevices.parse(XCODE_16);
        assertThat(sims).containsExactly(
                new SimctlDevices.Simulator("8A5E4C6B-2D3F-4B7A-9E1C-0F2D4B6A8C10", "iPhone 15", "Booted", "17.5",
                        "com.apple.CoreSimulator.SimRuntime.iOS-17-5", "com.apple.CoreSimulator.SimDeviceType.iPhone-15"),
                new SimctlDevices.Simulator("D3B2A1F0-9E8D-4C7B-A6F5-E4D3C2B1A098", "iPhone 15 Pro", "Shutdown", "17.5",
                        "com.apple.CoreSimulator.SimRuntime.iOS-17-5", "com.apple.CoreSimulator.SimDeviceType.iPhone-15-Pro"),
                new SimctlDevices.Simulator("F1E2D3C4-B5A6-4978-8695-A4B3C2D1E0F9", "iPad Air 11-inch (M2)", "Booted", "18.0",
                        "com.apple.CoreSimulator.SimRuntime.iOS-18-0", "com.apple.CoreSimulator.SimDeviceType.iPad-Air-11-inch-M2"));
        assertThat(sims).extracting(SimctlDevices.Simulator::booted).containsExactly(true, false, true);
    }

    @Test
    void runtimeKeysOfEveryKnownShape() {
        assertThat(SimctlDevices.iosVersion("com.apple.CoreSimulator.SimRuntime.iOS-17-5")).isEqualTo("17.5");
        assertThat(SimctlDevices.iosVersion("com.apple.CoreSimulator.SimRuntime.iOS-18")).isEqualTo("18");
        assertThat(SimctlDevices.iosVersion("com.apple.CoreSimulator.SimRuntime.iOS-16-4-1")).isEqualTo("16.4.1");
        assertThat(SimctlDevices.iosVersion("iOS 12.1")).as("Xcode 10's keys").isEqualTo("12.1");
        assertThat(SimctlDevices.iosVersion("com.apple.CoreSimulator.SimRuntime.watchOS-10-5")).isNull();
        assertThat(SimctlDevices.iosVersion("com.apple.CoreSimulator.SimRuntime.tvOS-17-5")).isNull();
        assertThat(SimctlDevices.iosVersion("com.apple.CoreSimulator.SimRuntime.xrOS-1-2")).isNull();
        assertThat(SimctlDevices.iosVersion("watchOS 5.1")).isNull();
    }

    @Test
    void noSimulatorsAtAllIsAnEmptyList() throws Exception {
        assertThat(SimctlDevices.parse("{\"devices\": {}}")).isEmpty();
    }

    @Test
    void entriesMissingFieldsOrOfTheWrongShapeAreSkipped() throws Exception {
        assertThat(SimctlDevices.parse("""
                {"devices": {"com.apple.CoreSimulator.SimRuntime.iOS-17-5": [
                  {"udid": "A", "isAvailable": true},
                  {"name": "no udid", "isAvailable": true, "state": "Booted"},
                  {"udid": "B", "name": "iPhone 15", "isAvailable": "yes", "state": "Booted"},
                  {"udid": "C", "name": "iPhone 15", "isAvailable": true}
                ], "com.apple.CoreSimulator.SimRuntime.iOS-18-0": {"not": "a list"}}}
                """)).singleElement().satisfies(s -> {
                    assertThat(s.udid()).isEqualTo("C");
                    assertThat(s.state()).isEqualTo("Unknown");
                    assertThat(s.booted()).isFalse();
                });
    }

    @Test
    void whatIsNotTheListIsUnreadable() {
        assertThatThrownBy(() -> SimctlDevices.parse("xcrun: error: unable to find utility \"simctl\", not a developer tool or in PATH"))
                .isInstanceOf(SimctlDevices.Unreadable.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> SimctlDevices.parse("{\"devices\": {\"com.apple.CoreSimulator.SimRuntime.iOS-17-5\": [")).isInstanceOf(
                SimctlDevices.Unreadable.class);
        assertThatThrownBy(() -> SimctlDevices.parse("{\"runtimes\": []}")).isInstanceOf(SimctlDevices.Unreadable.class)
                .hasMessage("no \"devices\" object");
        assertThatThrownBy(() -> SimctlDevices.parse("")).isInstanceOf(SimctlDevices.Unreadable.class);
        assertThatThrownBy(() -> SimctlDevices.parse("[1, 2]")).isInstanceOf(SimctlDevices.Unreadable.class);
    }
}
