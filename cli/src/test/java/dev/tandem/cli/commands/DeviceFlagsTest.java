package dev.tandem.cli.commands;

import dev.tandem.cli.Main;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceFlagsTest {
    static void usage(List<String> values, String... parts) {
        assertThatThrownBy(() -> DeviceFlags.parse(values)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
            for (String p : parts) assertThat(e.getMessage()).contains(p);
        });
    }

    @Test
    void labelsAndBareSpecs() {
        assertThat(DeviceFlags.parse(List.of("A=sim:sim-1", "B=web:desktop"))).containsExactly(
                Map.entry("A", "sim:sim-1"), Map.entry("B", "web:desktop"));
        assertThat(DeviceFlags.parse(List.of("web:pixel-7"))).containsExactly(Map.entry("default", "web:pixel-7"));
    }

    @Test
    void aRepeatedLabelIsAUsageError() {
        usage(List.of("A=sim:sim-1", "A=sim:sim-2"), "given twice for label A", "'sim:sim-1' and 'sim:sim-2'");
    }

    @Test
    void aLabelWithoutSpecSuggestsTheLabelForm() {
        usage(List.of("A"), "`--device A=sim`");
        usage(List.of("A="), "the SPEC after '=' is missing");
    }

    @Test
    void aBareDeviceIdSuggestsThePlatformForm() {
        usage(List.of("sim-1"), "did you mean `--device sim:sim-1`");
    }

    @Test
    void cliRejectsThemWithExitTwoBeforeAnyDaemon(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path plan = java.nio.file.Files.writeString(dir.resolve("p.yaml"), "steps:\n  - {tool: launchApp, appId: com.example.login}\n");
        var err = new java.io.ByteArrayOutputStream();
        Context ctx = new Context(Map.of("TANDEM_HOME", dir.resolve("home").toString()), new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), false);
        assertThat(Main.run(new String[] {"run", plan.toString(), "--device", "A=sim", "--device", "A=web"}, ctx)).isEqualTo(2);
        assertThat(err.toString()).contains("USAGE").contains("given twice");
        assertThat(dir.resolve("home").resolve("daemon.json")).doesNotExist();
    }
}
