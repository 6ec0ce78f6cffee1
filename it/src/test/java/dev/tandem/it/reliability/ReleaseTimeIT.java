package dev.tandem.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Bounds and release times are kept: a killed CLI's devices are free at once. */
class ReleaseTimeIT {
    static final String QUICK = """
            name: quick
            steps:
              - tool: launchApp
                appId: com.example.login
            """;
    static final String HOLDING = """
            name: holding
            steps:
              - tool: launchApp
                appId: com.example.login
              - tool: wait
                ms: 30000
            """;

    @Test
    void aKilledCliReleasesItsDeviceBeforeTheNextCliAsks() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path quick = tandem.write("quick.yaml", QUICK);
            Path holding = tandem.write("holding.yaml", HOLDING);
            assertThat(tandem.run("run", quick.toString(), "--device", "sim:1").exit()).isZero();
            for (int i = 0; i < 3; i++) {
                Process cli = tandem.start("run", holding.toString(), "--device", "sim:1");
                awaitRunMarker(tandem);
                cli.destroyForcibly();
                cli.onExit().get(10, TimeUnit.SECONDS);
                // the next CLI's JVM start is all the time the daemon gets (the issue saw 2.5 s)
                Tandem.Result next = tandem.run("run", quick.toString(), "--device", "sim:1", "--no-wait");
                assertThat(next.exit()).as("try " + i + ": " + next.all()).isZero();
            }
        }
    }

    static void awaitRunMarker(Tandem tandem) throws Exception {
        Path runs = tandem.home.resolve("runs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(runs)) {
                try (Stream<Path> s = Files.list(runs)) {
                    if (s.anyMatch(p -> p.toString().endsWith(".json"))) return;
                }
            }
            Thread.sleep(20); // polling another process's state file; no event to wait on
        }
        throw new AssertionError("the run never started");
    }
}
