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

    @Test
    void twoDaemonsRacingForOneDeviceTheLoserWaitsItsBound() throws Exception {
        try (Tandem a = new Tandem(); Tandem b = new Tandem()) {
            b.env("TANDEM_DEVICE_LOCK_DIR", a.work.resolve(".device-locks").toString());
            Path planA = a.write("holding.yaml", HOLDING.replace("30000", "3000"));
            Path planB = b.write("holding.yaml", HOLDING.replace("30000", "3000"));
            // warm both daemons on other devices, so the race is for sim-1 alone
            assertThat(a.run("run", a.write("q.yaml", QUICK).toString(), "--device", "sim:2").exit()).isZero();
            assertThat(b.run("run", b.write("q.yaml", QUICK).toString(), "--device", "sim:3").exit()).isZero();
            Process pa = a.start("run", planA.toString(), "--device", "sim:1", "--wait-timeout", "6");
            Process pb = b.start("run", planB.toString(), "--device", "sim:1", "--wait-timeout", "6");
            long t0 = System.nanoTime();
            var doneA = pa.onExit().thenApply(x -> System.nanoTime());
            var doneB = pb.onExit().thenApply(x -> System.nanoTime());
            Tandem.Result ra = Tandem.finish(pa, 60_000);
            Tandem.Result rb = Tandem.finish(pb, 60_000);
            boolean aWon = ra.exit() == 0;
            long ms = ((aWon ? doneB.get() : doneA.get()) - t0) / 1_000_000;
            Tandem.Result loser = aWon ? rb : ra;
            assertThat(aWon ? ra.exit() : rb.exit()).as("one daemon wins: " + ra.all() + rb.all()).isZero();
            // the winner keeps a warm runner (and so the device) after its run: the loser waits out its 6 s
            assertThat(loser.exit()).as(loser.all()).isEqualTo(3);
            assertThat(loser.all()).contains("DEVICE_UNAVAILABLE").contains("within 6000 ms").contains("another Tandem daemon");
            assertThat(ms).as("the loser waited its bound").isGreaterThanOrEqualTo(6_000);
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
