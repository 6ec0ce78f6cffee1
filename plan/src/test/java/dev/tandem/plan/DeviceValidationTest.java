package dev.tandem.plan;

import static dev.tandem.plan.Loads.briefs;
import static dev.tandem.plan.Loads.single;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Device declarations and the device features of steps, sections and barriers. */
class DeviceValidationTest {

    @Test
    void stepWithoutDeviceInMultiDevicePlan() {
        Diagnostic d = single("""
                devices: [A, B]
                steps:
                - tool: wait
                  ms: 5
                """);
        assertThat(Loads.brief(d)).isEqualTo("3:3 the step has no 'device', but the plan declares 'devices'");
        assertThat(d.hint()).isEqualTo("add device: LABEL (declared: A, B), at the step's top level or under params");
    }

    @Test
    void undeclaredDeviceWithSuggestion() {
        Diagnostic d = single("""
                devices: [alice, bob]
                steps:
                - {tool: wait, ms: 5, device: alcie}
                """);
        assertThat(Loads.brief(d)).isEqualTo("3:31 device 'alcie' is not declared");
        assertThat(d.hint()).isEqualTo(
                "did you mean 'alice'? declared devices: alice, bob; add 'alcie' to 'devices' if it is another device");
    }

    @Test
    void undeclaredDeviceInsideParamsWithoutSuggestion() {
        Diagnostic d = single("""
                devices: [A, B]
                steps:
                - tool: wait
                  params:
                    ms: 5
                    device: C
                """);
        assertThat(Loads.brief(d)).isEqualTo("6:13 device 'C' is not declared");
        assertThat(d.hint()).startsWith("declared devices: A, B;");
    }

    @Test
    void duplicateAndEmptyLabels() {
        assertThat(briefs("""
                devices: ["A", "B", "A", {label: ""}, {label: B, platform: web}]
                steps:
                - {tool: wait, ms: 5, device: A}
                """)).containsExactly(
                "1:21 device 'A' is declared twice (first at line 1, column 11)",
                "1:34 a device label is empty",
                "1:47 device 'B' is declared twice (first at line 1, column 16)");
    }

    @Test
    void emptyDevicesList() {
        Diagnostic d = single("""
                devices: []
                steps:
                - {tool: wait, ms: 5}
                """);
        assertThat(Loads.brief(d)).isEqualTo("1:10 'devices' is empty");
        assertThat(d.hint()).isEqualTo("list at least one device label, or remove 'devices' for a single-device plan");
    }

    @Test
    void deviceEntryKeys() {
        assertThat(briefs("""
                devices:
                - {label: A, platfrom: web}
                - {platform: iso}
                - label: [x]
                steps:
                - {tool: wait, ms: 5, device: A}
                """)).containsExactly(
                "2:14 unknown key 'platfrom' in a device entry",
                "3:3 a device entry needs 'label'",
                "3:14 'platform' must be one of sim, web, android, ios, found 'iso'",
                "4:10 'label' must be a string, found a list");
    }

    @Test
    void deviceMappingsCarryPlatformAndProfile() {
        Plan plan = Loads.ok("""
                devices: [{label: A, platform: web, profile: pixel-7}, {label: B, platform: sim}, C]
                steps:
                - {tool: wait, ms: 5, device: C}
                """);
        assertThat(plan.devices()).containsExactly(
                new DeviceDecl("A", "web", "pixel-7", new SourcePos("p.yaml", 1, 19)),
                new DeviceDecl("B", "sim", null, new SourcePos("p.yaml", 1, 64)),
                new DeviceDecl("C", null, null, new SourcePos("p.yaml", 1, 83)));
    }

    @Test
    void deviceFeaturesNeedDeclaredDevices() {
        assertThat(briefs("""
                steps:
                - tool: wait
                  device: A
                  ms: 5
                - tool: criticalSection
                  lock: l
                  steps:
                  - {tool: wait, ms: 1}
                - tool: barrier
                """)).containsExactly(
                "3:3 'device' is set, but the plan declares no 'devices'",
                "5:3 criticalSection needs a plan that declares 'devices'",
                "9:3 barrier needs a plan that declares 'devices'");
    }

    @Test
    void brokenDevicesKeyDoesNotBlameEverySteps() {
        assertThat(briefs("""
                devices: A
                steps:
                - {tool: wait, ms: 5, device: A}
                - {tool: barrier}
                """)).containsExactly(
                "1:10 'devices' must be a list of device labels or {label, platform, profile} mappings, found the string 'A'");
    }

    @Test
    void deviceCountMustMatchTheSectionsDevices() {
        Diagnostic d = single("""
                devices: [A, B, C]
                steps:
                - tool: criticalSection
                  params:
                    lock: room
                    deviceCount: 3
                    steps:
                    - {tool: tapOn, device: A, text: Send}
                    - {tool: assertVisible, device: B, text: Hi}
                    - {tool: assertVisible, device: A, text: Hi}
                """);
        assertThat(Loads.brief(d)).isEqualTo("6:18 deviceCount is 3, but the section's steps name 2 devices: A, B");
        assertThat(d.hint()).isEqualTo("set deviceCount: 2, or give the section steps on the devices it should hold");
    }

    @Test
    void syncBlocksCannotNest() {
        assertThat(briefs("""
                devices: [A, B]
                steps:
                - tool: criticalSection
                  lock: room
                  steps:
                  - {tool: tapOn, device: A, text: Send}
                  - tool: criticalSection
                    lock: inner
                    steps: [{tool: wait, ms: 1, device: B}]
                  - {tool: barrier}
                """)).containsExactly(
                "7:5 a criticalSection cannot contain a criticalSection",
                "10:5 a criticalSection cannot contain a barrier");
    }

    @Test
    void syncBlocksTakeNoDeviceAndAreNotOptional() {
        assertThat(briefs("""
                devices: [A, B]
                steps:
                - tool: barrier
                  device: A
                  optional: true
                - tool: criticalSection
                  params: {lock: l, device: B, optional: false, steps: [{tool: wait, ms: 1, device: A}]}
                """)).containsExactly(
                "4:3 barrier takes no 'device'",
                "5:3 barrier cannot be optional",
                "7:21 criticalSection takes no 'device'",
                "7:32 criticalSection cannot be optional");
    }

    @Test
    void barrierDevicesMustBeDeclaredAndListedOnce() {
        assertThat(briefs("""
                devices: [A, B]
                steps:
                - tool: barrier
                  devices: [A, C, A]
                - tool: barrier
                  devices: []
                - tool: barrier
                  devices: A
                """)).containsExactly(
                "4:16 device 'C' is not declared",
                "4:19 barrier lists device 'A' twice",
                "6:12 'devices' is empty",
                "8:12 'devices' must be a list of device labels, found the string 'A'");
    }

    @Test
    void sectionNeedsLockAndSteps() {
        assertThat(briefs("""
                devices: [A]
                steps:
                - tool: criticalSection
                - tool: criticalSection
                  lock: l
                  steps: []
                - tool: criticalSection
                  lock: l
                  steps: {tool: wait}
                """)).containsExactly(
                "3:3 criticalSection needs 'lock'",
                "3:3 criticalSection needs 'steps'",
                "6:10 'steps' is empty",
                "9:10 'steps' must be a list of steps, found a mapping");
    }
}
