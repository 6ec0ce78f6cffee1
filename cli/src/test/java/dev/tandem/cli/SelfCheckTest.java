package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.commands.Context;
import dev.tandem.cli.selfcheck.SampleEvents;
import dev.tandem.protocol.api.RunEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden command the launcher trains its class-data archive on. */
class SelfCheckTest {
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
    void theSamplesHoldEveryEventType() {
        // a new event type must reach the samples, or a warm run would load its classes from jars again
        Set<Class<?>> permitted = Set.of(RunEvent.class.getPermittedSubclasses());
        assertThat(SampleEvents.types(SampleEvents.all("/out"))).containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void everySampleEndsWithExitCarryingItsExitCode() {
        for (SampleEvents.Sample s : SampleEvents.all("/out")) {
            List<RunEvent> events = s.events();
            assertThat(events.getLast()).as(s.name()).isEqualTo(new RunEvent.Exit(s.exitCode()));
        }
    }

    @Test
    void passesAndLeavesTheUsersStateDirUntouched() throws Exception {
        Path plan = Files.writeString(dir.resolve("good.yaml"), "steps:\n  - tool: launchApp\n    appId: com.example.login\n");
        assertThat(run("self-check", plan.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("self-check: ok").contains(RunEvent.class.getPermittedSubclasses().length + " event types");
        assertThat(dir.resolve("home")).doesNotExist();
    }

    @Test
    void failsWhenAGivenPlanIsInvalid() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "steps:\n  - tool: tapOn\n    txt: hi\n");
        assertThat(run("self-check", bad.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("INTERNAL").contains("validate --json").contains("exited 2, not 0");
    }

    @Test
    void isNotInTheHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).doesNotContain("self-check");
    }
}
