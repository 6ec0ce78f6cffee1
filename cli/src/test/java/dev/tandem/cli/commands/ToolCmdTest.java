package dev.tandem.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.Commands;
import dev.tandem.cli.Main;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ParamSpec;
import dev.tandem.protocol.ToolDescriptor;
import dev.tandem.protocol.ToolDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot commands are the tool table's rows with a command: their options are the rows' params. */
class ToolCmdTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Context ctx = new Context(Map.of("TANDEM_HOME", dir.resolve("home").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return Main.run(args, ctx);
    }

    @Test
    void everyRowWithACommandIsACommandWithItsParamsAsOptions() {
        for (ToolDescriptor d : ToolDescriptors.all()) {
            if (d.exposure().command() == null) {
                assertThat(Commands.find(d.tool().wireName())).isEmpty();
                continue;
            }
            Command c = Commands.find(d.exposure().command()).orElseThrow();
            assertThat(c.summary()).isEqualTo(d.summary());
            Options o = c.options();
            assertThat(o.hasLongOption("device")).isTrue();
            assertThat(o.hasLongOption("json")).isTrue();
            if (d.tool() == Tool.SCREENSHOT) {
                assertThat(o.hasLongOption("out")).isTrue();
                continue;
            }
            for (ParamSpec p : d.params().values()) {
                if (p.type() == ParamSpec.Type.SELECTOR) continue;
                assertThat(o.hasLongOption(ToolCmd.option(p.name()))).as(d.tool() + " --" + ToolCmd.option(p.name())).isTrue();
            }
            assertThat(o.hasLongOption("ref")).isEqualTo(d.takesSelector());
        }
        assertThat(Commands.find("tap")).isPresent();
        assertThat(Commands.find("launch").orElseThrow().options().hasLongOption("clear-state")).isTrue();
    }

    @Test
    void helpShowsTheParamsDocs() {
        assertThat(run("tap", "--help")).isZero();
        assertThat(out.toString()).contains("--device").contains("--ref").contains("@REF|#ID|TEXT").contains("doubleTap")
                .contains("Picks the n-th");
        out.reset();
        assertThat(run("type", "--help")).isZero();
        assertThat(out.toString()).contains("--device D TEXT").contains("--ime-action");
    }

    @Test
    void usageErrorsNeedNoDaemon() {
        assertThat(run("tap", "@e3")).isEqualTo(2);
        assertThat(err.toString()).contains("tap needs --device D");
        err.reset();
        assertThat(run("press", "--device", "sim-1", "back", "extra")).isEqualTo(2);
        assertThat(err.toString()).contains("unexpected argument 'extra'");
        err.reset();
        assertThat(run("launch", "--device", "sim-1", "--context", "[1]", "chat")).isEqualTo(2);
        assertThat(err.toString()).contains("--context takes a JSON object");
    }

    @Test
    void camelCaseParamsBecomeKebabCaseOptions() {
        assertThat(ToolCmd.option("clearState")).isEqualTo("clear-state");
        assertThat(ToolCmd.option("imeAction")).isEqualTo("ime-action");
        assertThat(ToolCmd.option("text")).isEqualTo("text");
    }
}
