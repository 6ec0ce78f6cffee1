package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.cli.commands.Context;
import dev.tandem.protocol.state.DaemonSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --devices FILE} reaches the daemon as its start-up setting, so "the daemon keeps its settings" covers it. */
class DevicesFlagTest {
    @Test
    void theFlagBecomesTheDaemonsSettingWithAnAbsolutePath() {
        Main.Devices d = Main.Devices.take(new String[] {"devices", "--devices", "lab.yaml", "--json"});
        assertThat(d.args()).containsExactly("devices", "--json");
        String abs = Path.of("lab.yaml").toAbsolutePath().normalize().toString();
        assertThat(d.file()).isEqualTo(abs);
        Context ctx = d.apply(new Context(Map.of("TANDEM_HOME", "/tmp/h"), System.out, System.err, false));
        assertThat(ctx.env()).containsEntry("TANDEM_DEVICES_FILE", abs).containsEntry("TANDEM_HOME", "/tmp/h");
        assertThat(DaemonSettings.differences(Map.of(), DaemonSettings.of(ctx.env())))
                .containsExactly("TANDEM_DEVICES_FILE=(unset) (this shell: " + abs + ")");
        assertThat(Main.Devices.take(new String[] {"run", "--devices=/x/d.yaml", "p.yaml"}).file()).isEqualTo("/x/d.yaml");
    }

    @Test
    void withoutTheFlagNothingChangesAndAMissingFileIsAUsageError() {
        Main.Devices d = Main.Devices.take(new String[] {"run", "p.yaml", "--device", "sim"});
        assertThat(d.args()).containsExactly("run", "p.yaml", "--device", "sim");
        Context ctx = new Context(Map.of(), System.out, System.err, false);
        assertThat(d.apply(ctx)).isSameAs(ctx);
        assertThatThrownBy(() -> Main.Devices.take(new String[] {"devices", "--devices"})).hasMessageContaining("--devices needs a FILE");
    }
}
