package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Two processes that want one device: one waits (or fails at once when asked not to); never both drive it. */
class SharedDeviceIT {

    @Test
    void secondProcessWaitsOrFailsWithDeviceUnavailable() throws Exception {
        try (Tandem tandem = new Tandem()) {
            // The holder holds until this test lets it go (Ctrl-C), not for a fixed time: a timed hold
            // ended, under load, before the --no-wait CLI's JVM had even started, and that run got the device.
            Path holding = tandem.write("holding.yaml", Plans.HELD_UNTIL_INTERRUPTED);
            Path quick = tandem.write("quick.yaml", Plans.QUICK);
            assertThat(tandem.run("run", quick.toString(), "--device", "sim:1", "-o", "warmup").exit()).isZero();

            Process first = tandem.startInterruptible("run", holding.toString(), "--device", "sim:1", "-o", "first");
            var firstOut = readAsync(first.getInputStream());
            var firstErr = readAsync(first.getErrorStream());
            awaitBusy(tandem, "sim-1");

            Tandem.Result refused = tandem.run("run", quick.toString(), "--device", "sim:1", "--no-wait", "-o", "refused");
            assertThat(refused.exit()).as(refused.all()).isEqualTo(3);
            assertThat(refused.all()).contains("DEVICE_UNAVAILABLE").contains("sim-1").contains("pid " + first.pid());

            Tandem.Result snapshot = tandem.run("snapshot", "--device", "sim-1");
            assertThat(snapshot.exit()).as("a look while a run holds the device: " + snapshot.all()).isZero();
            assertThat(snapshot.out()).contains("com.example.login");

            Process waiting = tandem.start("run", quick.toString(), "--device", "sim:1", "-o", "waited");
            WaiterOutput waitingOut = new WaiterOutput(waiting);
            assertThat(waitingOut.awaitLine("waiting for", 120_000)).as("the second run says it waits: " + waitingOut.text()).isTrue();
            assertThat(first.isAlive()).as("the holder still holds").isTrue();

            new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the holder exits on Ctrl-C").isTrue();
            assertThat(first.exitValue()).as(firstOut.join() + firstErr.join()).isEqualTo(130);
            assertThat(firstErr.join()).contains("interrupted").contains("frees its devices");

            Tandem.Result waited = waitingOut.finish(120_000);
            assertThat(waited.exit()).as(waited.all()).isZero();

            JsonNode a = results(tandem.work.resolve("first"));
            JsonNode b = results(tandem.work.resolve("waited"));
            long aEnd = lastEnd(a, tandem);
            long bStart = firstStart(b, tandem);
            assertThat(bStart).as("the waiting run starts after the holder ends").isGreaterThanOrEqualTo(aEnd);
        }
    }

    /** A CLI's stdout read line by line as it comes, so a test can await one line and still get all of it. */
    private static final class WaiterOutput {
        private final Process p;
        private final StringBuffer out = new StringBuffer();
        private final CompletableFuture<String> err;
        private final Thread reader;

        WaiterOutput(Process p) {
            this.p = p;
            this.err = readAsync(p.getErrorStream());
            this.reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = p.inputReader(StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (out) {
                            out.append(line).append('\n');
                            out.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the process is gone: what was read stays
                }
            });
        }

        boolean awaitLine(String needle, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            synchronized (out) {
                while (out.indexOf(needle) < 0) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || (!p.isAlive() && !reader.isAlive())) return out.indexOf(needle) >= 0;
                    out.wait(Math.min(left, 1_000)); // woken by each line; the bound notices a dead process
                }
                return true;
            }
        }

        String text() {
            return out + err.getNow("");
        }

        Tandem.Result finish(long timeoutMs) throws InterruptedException {
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the waiting CLI did not finish within " + timeoutMs + " ms: " + text());
            }
            reader.join(10_000);
            return new Tandem.Result(p.exitValue(), out.toString(), err.join());
        }
    }

    private static CompletableFuture<String> readAsync(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, Thread::startVirtualThread);
    }

    private static void awaitBusy(Tandem tandem, String device) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Tandem.Result r = tandem.run("devices", "--json");
            for (JsonNode d : Json.tree(r.out().getBytes())) {
                if (d.path("id").asText().equals(device) && d.path("state").asText().equals("busy")) return;
            }
        }
        throw new AssertionError(device + " never became busy");
    }

    /**
     * The run's results.json. An interrupted run's is written by the daemon after its CLI is gone,
     * so it is awaited (bounded) rather than read once.
     */
    private static JsonNode results(Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Stream<Path> dirs = Files.list(out)) {
                var file = dirs.map(d -> d.resolve("results.json")).filter(Files::isRegularFile).findFirst();
                if (file.isPresent()) {
                    try {
                        return Json.tree(Files.readAllBytes(file.get()));
                    } catch (RuntimeException halfWritten) {
                        // read again below
                    }
                }
            } catch (NoSuchFileException notYet) {
                // the output dir is made when the run ends
            }
            if (System.nanoTime() - deadline > 0) throw new AssertionError("no results.json under " + out + " within 60 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // a file appearing notifies nothing
        }
    }

    /** Wall-clock end of the run's last command, from the device's journal (shared clock across processes). */
    private static long lastEnd(JsonNode run, Tandem tandem) throws Exception {
        return journalTimes(run, tandem).max().orElseThrow();
    }

    private static long firstStart(JsonNode run, Tandem tandem) throws Exception {
        return journalTimes(run, tandem).min().orElseThrow();
    }

    private static java.util.stream.LongStream journalTimes(JsonNode run, Tandem tandem) throws Exception {
        String runId = run.path("runId").asText();
        Path journal = tandem.home.resolve("journal").resolve("sim-1");
        java.util.List<Long> times = new java.util.ArrayList<>();
        try (Stream<Path> boots = Files.list(journal)) {
            for (Path boot : boots.toList()) {
                for (String line : Files.readAllLines(boot)) {
                    JsonNode l = Json.tree(line.getBytes());
                    if (l.path("id").asText().startsWith(runId + "-")) times.add(l.path("t").asLong());
                }
            }
        }
        return times.stream().mapToLong(Long::longValue);
    }
}
