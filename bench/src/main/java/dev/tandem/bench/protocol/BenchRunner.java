package dev.tandem.bench.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sim runner process started for a benchmark with an explicit journal durability (the daemon's
 * launcher always uses the default), driven over the raw runner protocol: one POST per command,
 * exactly the round trip {@code RunnerClient} makes when nothing fails.
 */
final class BenchRunner implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    final String durability;
    final String bootId;
    final LoopbackHttpClient client;
    private final Process process;

    BenchRunner(Path home, String device, String durability) throws IOException {
        this.durability = durability;
        String token = Long.toHexString(System.nanoTime());
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(PlatformProfile.of("sim").jvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.tandem.runner.RunnerMain",
                "--device", device, "--platform", "sim", "--home", home.toString(), "--durability", durability));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(home.resolve(device + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("TANDEM_RUNNER_TOKEN", token);
        process = pb.start();
        String line;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = in.readLine();
        }
        if (line == null || !line.startsWith("TANDEM_RUNNER_READY ")) {
            process.destroyForcibly();
            throw new IOException("runner " + device + " did not start: " + line + " (see " + home.resolve(device + ".log") + ")");
        }
        JsonNode ready = Json.tree(line.substring("TANDEM_RUNNER_READY ".length()).getBytes(StandardCharsets.UTF_8));
        bootId = ready.path("bootId").asText();
        client = new LoopbackHttpClient(ready.path("port").asInt(), token);
    }

    /** One command, one round trip; fails loudly unless it completes. */
    CommandRecord run(String kind, ObjectNode params) throws IOException {
        String id = "bench-" + IDS.incrementAndGet();
        HttpResponse r = client.send("POST", "/v1/commands",
                Json.bytes(new CommandEnvelope(id, bootId, kind, params, 10_000)), 20_000);
        CommandRecord rec = Json.read(r.body(), CommandRecord.class);
        if (rec.state() != CommandState.COMPLETED) throw new IOException(kind + " did not complete: " + r.bodyText());
        return rec;
    }

    /** The preflight other tools make before a command (benchmark only: Tandem never does this). */
    void uptime() throws IOException {
        HttpResponse r = client.send("GET", "/v1/uptime", null, 5_000);
        if (!r.ok()) throw new IOException("uptime failed: " + r.status());
    }

    @Override
    public void close() {
        try {
            client.send("POST", "/v1/shutdown", new byte[0], 2_000);
        } catch (IOException ignored) {
            // killed below
        }
        client.close();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
