package dev.tandem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's process on raw stdio: stdout carries protocol lines only, and stdin's end releases the lease and exits 0. */
class StdioLifecycleTest {
    @TempDir
    Path work;

    @Test
    void stdinEndReleasesTheLeaseAndExitsZeroWithNothingButProtocolOnStdout() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FakeServerMain.class.getName(), work.toString())
                .redirectError(work.resolve("stderr").toFile()).start();
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            var init = Json.tree(out.readLine().getBytes(StandardCharsets.UTF_8));
            assertThat(init.path("result").path("serverInfo").path("name").asText()).isEqualTo("tandem");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"acquire\",\"arguments\":{\"count\":2}}}");
            var acquired = Json.tree(out.readLine().getBytes(StandardCharsets.UTF_8));
            assertThat(acquired.path("id").asInt()).isEqualTo(2);
            assertThat(acquired.path("result").path("isError").asBoolean()).isFalse();
            in.close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the server exits after stdin ends").isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(Files.readString(work.resolve("closed"))).isEqualTo("sim-1,sim-2");
            assertThat(out.readLine()).isNull();
        } finally {
            p.destroyForcibly();
        }
    }

    private static void send(OutputStream in, String line) throws Exception {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
