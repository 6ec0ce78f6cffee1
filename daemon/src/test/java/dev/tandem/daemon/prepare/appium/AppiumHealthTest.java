package dev.tandem.daemon.prepare.appium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading `appium driver list --installed --json` (its real shape, trimmed) against the pins. */
class AppiumHealthTest {
    @TempDir
    Path dir;

    private String problem(String version, String installPath) throws IOException {
        Files.createDirectories(dir.resolve("home/node_modules/@appium/fake-driver"));
        AppiumInstall install = AppiumInstall.at(dir, "k", "3.8.0", Map.of("Fake", "6.2.4"));
        String list = "{\"fake\":{\"pkgName\":\"@appium/fake-driver\",\"version\":\"" + version + "\",\"installType\":\"npm\","
                + "\"installPath\":\"" + installPath + "\",\"automationName\":\"Fake\",\"platformNames\":[\"Fake\"],\"installed\":true}}";
        return AppiumHealth.driversProblem(Json.tree(list.getBytes()), install);
    }

    @Test
    void aDriverAtItsPinInsideTheHomeIsHealthy() throws IOException {
        assertThat(problem("6.2.4", dir.resolve("home/node_modules/@appium/fake-driver").toString())).isNull();
    }

    @Test
    void anotherVersionIsNamed() throws IOException {
        assertThat(problem("6.2.3", dir.resolve("home/node_modules/@appium/fake-driver").toString()))
                .contains("version 6.2.3").contains("pinned 6.2.4");
    }

    @Test
    void anInstallPathOutsideTheHomeIsBad() throws IOException {
        // what a renamed install says before Appium re-reads its home: the scratch dir's path
        Path scratch = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-scratch").resolve("home/node_modules/@appium/fake-driver"));
        assertThat(problem("6.2.4", scratch.toString())).contains("not inside");
        assertThat(problem("6.2.4", "/nonexistent/fake-driver")).contains("not inside");
    }

    @Test
    void aMissingDriverIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("home"));
        AppiumInstall install = AppiumInstall.at(dir, "k", "3.8.0", Map.of("UiAutomator2", "8.7.0"));
        assertThat(AppiumHealth.driversProblem(Json.tree("{}".getBytes()), install)).contains("no installed driver for automationName UiAutomator2");
        assertThat(AppiumHealth.driversProblem(Json.tree("[]".getBytes()), install)).contains("no JSON object");
    }
}
