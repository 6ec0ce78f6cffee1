package dev.tandem.daemon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.plan.Diagnostic;
import dev.tandem.protocol.Platform;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridEntriesTest {
    @Test
    void aGridEntryNamesItsUrlStereotypesCapAndProfiles() {
        DevicesFile.Loaded l = DevicesFile.parse("""
                sources:
                  - {type: sim, count: 1}
                  - type: grid
                    name: lab
                    url: http://grid.example:4444/
                    slots: 6
                    stereotypes: [{browserName: chrome}, {platformName: Android, appium:automationName: UiAutomator2}]
                    profiles: [pixel-7, iphone-15]
                  - {type: grid, name: local, url: "http://127.0.0.1:4444"}
                """, "devices.yaml", Map.of());
        assertThat(l.problems()).isEmpty();
        assertThat(l.grids()).containsExactly(
                new GridEntries.Source("lab", URI.create("http://grid.example:4444"), List.of(Map.of("browserName", "chrome"),
                        Map.of("platformName", "Android", "appium:automationName", "UiAutomator2")), 6, List.of("pixel-7", "iphone-15")),
                new GridEntries.Source("local", URI.create("http://127.0.0.1:4444"), List.of(GridEntries.CHROME), null, List.of("pixel-7")));
        assertThat(GridEntries.platformOf(l.grids().get(0).stereotypes().get(1))).isEqualTo(Platform.ANDROID);
        assertThat(GridEntries.platformOf(GridEntries.CHROME)).isEqualTo(Platform.WEB);
    }

    @Test
    void everyBadGridEntryIsReportedWithItsPosition() {
        DevicesFile.Loaded l = DevicesFile.parse("""
                sources:
                  - {type: grid, url: "ftp://x", slots: 0}
                  - {type: grid, name: b, url: "http://h:4444", stereotypes: [{browserName: firefox}, {automationName: x}], count: 2}
                """, "devices.yaml", Map.of());
        assertThat(l.problems().stream().map(Diagnostic::toString).toList()).containsExactly(
                "devices.yaml:2:23: 'url' must be the http(s) URL of a Selenium Grid, found the string 'ftp://x' "
                        + "(e.g. `url: http://127.0.0.1:4444` (the hub or router, without /wd/hub or a query))",
                "devices.yaml:2:41: 'slots' must be a whole number from 1 to 256, found the integer 0 "
                        + "(e.g. `slots: 4`, or drop it to use every matching slot)",
                "devices.yaml:3:77: Tandem drives Chrome and Chromium on a Grid (over CDP), not 'firefox' (use `browserName: chrome`)",
                "devices.yaml:3:87: a stereotype needs a 'browserName' (web over CDP) or a 'platformName' (Appium) "
                        + "(e.g. `{browserName: chrome}` or `{platformName: Android}`)",
                "devices.yaml:3:109: unknown key 'count' in a grid source (the keys are type, name, url, stereotypes, slots, profiles)");
    }

    @Test
    void aSpecAfterASourceNameIsBoundToThatSource() {
        DevicePool pool = new DevicePool(List.of(new DeviceSlot("web-1", Platform.WEB, "pixel-7", "web"),
                new DeviceSlot("grid-web-1", Platform.WEB, "pixel-7", "grid"), new DeviceSlot("grid-android-1", Platform.ANDROID, null, "grid")));
        Requirement web = Requirement.parse("A", "grid:web:iphone-15", pool, p -> List.of("pixel-7", "iphone-15"));
        assertThat(web).isEqualTo(new Requirement("A", Platform.WEB, null, "iphone-15", "grid"));
        assertThat(web.accepts(pool.slots().get(0))).as("a local web device is not the Grid's").isFalse();
        assertThat(web.accepts(pool.slots().get(1))).isTrue();
        assertThat(Requirement.parse("B", "grid:android", pool, p -> List.of()))
                .isEqualTo(new Requirement("B", Platform.ANDROID, null, null, "grid"));
        assertThat(Requirement.parse("C", "web", pool, p -> List.of()).accepts(pool.slots().get(1))).as("plain web: any web device").isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Requirement.parse("D", "grid", pool, p -> List.of()))
                .hasMessageContaining("source grid offers [web, android] devices; name one, e.g. `grid:web`");
    }
}
