package dev.tandem.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.device.Backend;
import dev.tandem.device.BackendProvider;
import dev.tandem.device.DeviceSpec;
import dev.tandem.device.LaunchRequest;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimBackendProviderTest {
    @TempDir
    Path dir;

    @Test
    void foundThroughServiceLoader() {
        assertThat(BackendProvider.find("sim")).get().isInstanceOf(SimBackendProvider.class);
    }

    @Test
    void specPicksProfileAndExtraApps() throws Exception {
        Path app = Files.writeString(dir.resolve("hello.yaml"), """
                appId: com.example.hello
                name: Hello
                screens:
                  - name: main
                    title: Hello
                    elements:
                      - {id: greeting, role: text, text: Hello there}
                """);
        Path other = Files.writeString(dir.resolve("bye.yaml"), """
                appId: com.example.bye
                name: Bye
                screens: [{name: main, elements: [{role: text, text: Bye}]}]
                """);
        DeviceSpec spec = new DeviceSpec("sim-7", "realistic", dir, Map.of("apps", app + File.pathSeparator + other));
        try (Backend b = new SimBackendProvider().open(spec)) {
            SimDevice d = (SimDevice) b.device();
            assertThat(d.config().profile()).isEqualTo(LatencyProfile.REALISTIC);
            assertThat(d.installedApps()).contains("com.chat.app", "com.example.hello", "com.example.bye");
            assertThat(d.snapshot().device()).isEqualTo("sim-7");
        }
    }

    @Test
    void defaultsToInstantAndRejectsUnknownProfiles() {
        try (Backend b = new SimBackendProvider().open(new DeviceSpec("sim-1", null, dir, Map.of()))) {
            assertThat(((SimDevice) b.device()).config().profile()).isEqualTo(LatencyProfile.INSTANT);
        }
        assertThatThrownBy(() -> new SimBackendProvider().open(new DeviceSpec("sim-1", "fast", dir, Map.of())))
                .isInstanceOf(TandemException.class)
                .hasMessage("Unknown sim profile 'fast'; use one of instant, realistic, slow-animations.")
                .satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.USAGE));
    }

    @Test
    void badAppFileIsAValidationError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "appId: x\nname: y\nscreens: [{name: s, elements: [{role: buton}]}]\n");
        assertThatThrownBy(() -> new SimBackendProvider().open(new DeviceSpec("sim-1", null, dir, Map.of("apps", bad.toString()))))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(bad + ": screens[0].elements[0].role: unknown role 'buton' (did you mean 'button'?)")
                .satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.VALIDATION));
    }

    @Test
    void prewarmLeavesTheDeviceUntouched() {
        try (Backend b = new SimBackendProvider().open(new DeviceSpec("sim-1", "instant", dir, Map.of()))) {
            b.device().launchApp(new LaunchRequest("com.example.list", null, false, null, null, Map.of()));
            long v = b.device().uiVersion();
            b.prewarm();
            assertThat(b.device().uiVersion()).isEqualTo(v);
            assertThat(b.device().snapshot().app()).isEqualTo("com.example.list");
        }
    }
}
