package dev.tandem.daemon.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.plan.Diagnostic;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevicesFileTest {
    @TempDir
    Path home;

    static List<String> ids(DevicePool pool) {
        return pool.slots().stream().map(d -> d.id() + "/" + d.platform() + "/" + d.profile() + "/" + d.source()).toList();
    }

    static List<String> errors(String yaml) {
        DevicesFile.Loaded l = DevicesFile.parse(yaml, "devices.yaml", Map.of());
        assertThat(l.pools()).as("a file with errors declares nothing").isEmpty();
        return l.problems().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void noFileMeansTodaysPoolsExactly() {
        DevicePool pool = DevicesFile.load(Map.of(), home).pool();
        assertThat(pool.slots()).hasSize(12);
        assertThat(ids(pool)).startsWith("sim-1/sim/realistic/sim").contains("sim-8/sim/realistic/sim", "web-1/web/pixel-7/web")
                .endsWith("web-4/web/pixel-7/web");
        assertThat(pool.problems()).isEmpty();
        assertThat(DevicePool.fromEnv(Map.of()).slots()).isEqualTo(pool.slots());
    }

    @Test
    void theEnvironmentStaysAShortcut() {
        var env = Map.of("TANDEM_SIM_DEVICES", "2", "TANDEM_WEB_DEVICES", "1", "TANDEM_SIM_LATENCY", "instant");
        assertThat(ids(DevicesFile.load(env, home).pool()))
                .containsExactly("sim-1/sim/instant/sim", "sim-2/sim/instant/sim", "web-1/web/pixel-7/web");
        assertThat(DevicePool.fromEnv(Map.of("TANDEM_SIM_DEVICES", "x")).ofPlatform(Platform.SIM)).as("unreadable: the default").hasSize(8);
    }

    @Test
    void theDefaultFileIsReadFromTheStateDirAndDeclaresTheSources() throws IOException {
        Files.writeString(home.resolve("devices.yaml"), """
                sources:
                  - {type: sim, count: 2, latency: instant}
                  - {type: sim, name: slow-sims, count: 1, latency: slow-animations}
                  - type: web
                    count: 3
                    profiles: [pixel-7, iphone-15]
                """);
        DevicePool pool = DevicesFile.load(Map.of(), home).pool();
        assertThat(ids(pool)).containsExactly("sim-1/sim/instant/sim", "sim-2/sim/instant/sim", "sim-3/sim/slow-animations/slow-sims",
                "web-1/web/pixel-7/web", "web-2/web/iphone-15/web", "web-3/web/pixel-7/web");
        // the environment overrides the first pool of its platform, and the later ones are renumbered
        assertThat(ids(DevicesFile.load(Map.of("TANDEM_SIM_DEVICES", "1"), home).pool()))
                .startsWith("sim-1/sim/instant/sim", "sim-2/sim/slow-animations/slow-sims");
    }

    @Test
    void aFileNamedByTheSettingWinsAndMustExist() throws IOException {
        Path mine = Files.writeString(home.resolve("mine.yaml"), "sources: [{type: web, count: 1}]\n");
        assertThat(ids(DevicesFile.load(Map.of(DevicesFile.ENV, mine.toString()), home).pool())).containsExactly("web-1/web/pixel-7/web");
        DevicePool missing = DevicesFile.load(Map.of(DevicesFile.ENV, home.resolve("typo.yaml").toString()), home).pool();
        assertThat(missing.slots()).isEmpty();
        assertThatThrownBy(missing::check).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.getMessage()).contains("typo.yaml:1:1: the devices file does not exist").contains("`tandem daemon stop`");
        });
    }

    @Test
    void anEmptyFileIsTheDefaultsAndAnEmptyListIsNoDevices() {
        assertThat(DevicesFile.parse("# nothing yet\n", "devices.yaml", Map.of()).pool().slots()).hasSize(12);
        assertThat(DevicesFile.parse("sources: []\n", "devices.yaml", Map.of()).pool().slots()).isEmpty();
    }

    @Test
    void everyBadEntryIsReportedWithItsPosition() {
        assertThat(errors("""
                sources:
                  - {type: sim, cont: 3}
                  - {type: wbe}
                  - {type: appium, url: "http://127.0.0.1:4723"}
                  - {type: grid}
                  - {type: sim, count: -1, latency: fast}
                  - {type: web, profiles: [pixle-7]}
                  - {count: 2}
                  - web
                devicez: 1
                """)).containsExactly(
                "devices.yaml:2:17: unknown key 'cont' in a sim source (did you mean 'count'? the keys are type, name, count, latency)",
                "devices.yaml:3:12: unknown source type 'wbe' (did you mean 'web'? the types are sim, web, appium, grid)",
                "devices.yaml:4:5: an appium source needs a 'devices' list (add `devices:` with entries like "
                        + "`- {capabilities: {platformName: Android, appium:udid: emulator-5554}}`, or `discover: true`)",
                "devices.yaml:4:20: unknown key 'url' in an appium source (the keys are type, name, server, devices, discover)",
                "devices.yaml:5:5: a grid source needs the 'url' of the Grid (add e.g. `url: http://127.0.0.1:4444`)",
                "devices.yaml:6:6: two sources are named 'sim' (give this one its own `name:` (a second sim source needs one))",
                "devices.yaml:6:24: 'count' must be a whole number from 0 to 256, found the integer -1 (e.g. `count: 4`)",
                "devices.yaml:6:37: unknown sim latency 'fast' (use one of instant, realistic, slow-animations)",
                "devices.yaml:7:28: unknown web profile 'pixle-7' (did you mean 'pixel-7'? the profiles are "
                        + String.join(", ", dev.tandem.device.BackendProvider.find("web").orElseThrow().profiles()) + ")",
                "devices.yaml:8:5: a source needs a 'type' (add `type:` with one of sim, web, appium, grid)",
                "devices.yaml:9:5: a source is a mapping with a 'type', found the string 'web' (write it as `{type: sim, count: 8}`)",
                "devices.yaml:10:1: unknown key 'devicez' in a devices file (the keys are sources)");
    }

    @Test
    void twoSourcesOfOneNameAndAFileWithoutSourcesAreErrors() {
        assertThat(errors("sources:\n  - {type: sim}\n  - {type: sim, count: 1}\n"))
                .containsExactly("devices.yaml:3:6: two sources are named 'sim' (give this one its own `name:` (a second sim source needs one))");
        assertThat(errors("sources: {type: sim}\n")).singleElement().asString().startsWith("devices.yaml:1:10: 'sources' must be a list");
        assertThat(errors("[1, 2]\n")).singleElement().asString().startsWith("devices.yaml:1:1: a devices file is a mapping");
        assertThat(errors("sources: [\n")).singleElement().asString().startsWith("devices.yaml:");
    }

    @Test
    void aBadFileLeavesNoDevicesAndEveryRequestSaysWhy() {
        DevicePool pool = DevicesFile.parse("sources: [{type: sim, count: x}]\n", "/etc/tandem/devices.yaml", Map.of()).pool();
        assertThat(pool.slots()).isEmpty();
        assertThatThrownBy(() -> Requirement.parse("A", "sim", pool)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.getMessage()).startsWith("the devices file /etc/tandem/devices.yaml has 1 error, so this daemon offers no devices:\n"
                    + "  /etc/tandem/devices.yaml:1:30: 'count' must be a whole number");
        });
    }

    @Test
    void appiumDevicesGetTheirPlatformIdsAndAbsoluteAppPathsFromTheirCapabilities() {
        DevicesFile.Loaded l = DevicesFile.parse("""
                sources:
                  - type: appium
                    devices:
                      - capabilities: {platformName: Android, appium:udid: emulator-5554}
                      - {id: my-iphone, capabilities: {platformName: iOS, appium:udid: 00008110-ABC, appium:wdaLocalPort: 8101}}
                      - capabilities: {platformName: Fake, appium:app: apps/shop.xml}
                  - {type: appium, name: lab, server: "http://127.0.0.1:4723", devices: [{capabilities: {platformName: android}}]}
                """, "/work/dev/devices.yaml", Map.of());
        assertThat(l.problems()).isEmpty();
        assertThat(l.pool().slots()).extracting(d -> d.id() + " " + d.platform() + " " + d.source()).containsExactly(
                "android-emulator-5554 android appium", "my-iphone ios appium", "appium-fake-1 appium-fake appium", "android-1 android lab");
        var fake = l.appium().getFirst().devices().get(2);
        assertThat(fake.capabilities()).containsEntry("appium:app", "/work/dev/apps/shop.xml").containsEntry("appium:automationName", "Fake");
        assertThat(l.appium().get(1).server()).hasToString("http://127.0.0.1:4723");
        assertThat(l.automationNames()).containsExactly("Fake", "UiAutomator2", "XCUITest");
        assertThat(l.appium().getFirst().devices().get(1).capabilities()).containsEntry("appium:wdaLocalPort", 8101L);
    }

    @Test
    void badAppiumDevicesAreReportedWithTheirPositions() {
        assertThat(errors("""
                sources:
                  - type: appium
                    server: ftp://x
                    devices:
                      - {capabilities: {platformName: Andriod}}
                      - {id: A B, capabilities: {platformName: iOS}}
                      - {capabilities: {platformName: Android, appium:systemPort: 80}}
                      - {capabilities: {platformName: Android, appium:systemPort: 8201}}
                      - {id: p, capabilities: {platformName: Android, appium:systemPort: 8201}}
                      - {id: p, capabilities: {platformName: Android}, udid: 1}
                      - {}
                """)).containsExactly(
                "devices.yaml:3:13: 'server' must be the http URL of an Appium server, found the string 'ftp://x' "
                        + "(e.g. `server: http://127.0.0.1:4723`, or drop it and Tandem starts a server per device)",
                "devices.yaml:5:39: unknown platformName 'Andriod' (did you mean 'Android'? use one of Android, iOS, Fake)",
                "devices.yaml:6:14: a device id is lower-case letters, digits, '.', '_' and '-', found the string 'A B' (e.g. `id: pixel-7`)",
                "devices.yaml:7:67: 'appium:systemPort' must be a port from 1024 to 65535, found the integer 80 "
                        + "(give a free port, or drop it and Tandem assigns one)",
                "devices.yaml:9:74: port 8201 is given to two devices (appium:systemPort) "
                        + "(give each device its own port, or drop it and Tandem assigns one)",
                "devices.yaml:10:14: two devices have the id 'p' (give this one its own `id:`)",
                "devices.yaml:10:56: unknown key 'udid' in an appium device (the keys are id, capabilities)",
                "devices.yaml:11:9: an appium device needs a 'capabilities' mapping (add `capabilities: {platformName: Android, appium:udid: emulator-5554}`)");
    }
}
