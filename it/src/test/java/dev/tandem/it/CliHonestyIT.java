package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the CLI says around a run: interrupted runs, a daemon running with other settings. */
class CliHonestyIT {
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem();
    }

    @AfterAll
    static void stop() throws Exception {
        tandem.close();
    }

    @Test
    void ctrlCSaysWhatHappensAndFreesTheDevice() throws Exception {
        Path plan = tandem.write("long.yaml", "steps:\n  - tool: launchApp\n    appId: com.example.login\n"
                + "  - tool: wait\n    ms: 60000\n    timeout: 70000\n");
        Process p = tandem.startInterruptible("run", plan.toString(), "--device", "sim:sim-3");
        var out = p.inputReader(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        boolean started = false;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            if (line.contains("launchApp")) {
                started = true;
                break;
            }
        }
        assertThat(started).as("the run reached its first step").isTrue();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the CLI exits on Ctrl-C").isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(err).contains("interrupted").contains("frees its devices");
        // and the device is free for the next run at once
        Tandem.Result next = tandem.run("run", tandem.example("login.yaml").toString(), "--device", "sim:sim-3", "--wait-timeout", "10");
        assertThat(next.exit()).as(next.all()).isZero();
    }

    @Test
    void aDaemonStartedWithOtherSettingsSaysWhichAndHowToRestart() throws Exception {
        Tandem.Result first = tandem.run("daemon", "start");
        assertThat(first.exit()).as(first.all()).isZero();
        tandem.env("TANDEM_SIM_LATENCY", "realistic");
        try {
            Tandem.Result r = tandem.run("devices");
            assertThat(r.err()).contains("TANDEM_SIM_LATENCY=instant (this shell: realistic)").contains("tandem daemon stop");
        } finally {
            tandem.env("TANDEM_SIM_LATENCY", "instant");
        }
        Tandem.Result same = tandem.run("devices");
        assertThat(same.err()).doesNotContain("keeps the settings");
        assertThat(Files.exists(tandem.home.resolve("daemon.json"))).isTrue();
    }
}
