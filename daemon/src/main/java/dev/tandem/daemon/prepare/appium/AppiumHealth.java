package dev.tandem.daemon.prepare.appium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The health check of an Appium install: {@code appium driver list --installed --json} names
 * each driver at its version, installed inside the install's own {@code APPIUM_HOME} (Appium
 * records absolute install paths); then a server started from it on 127.0.0.1 answers
 * {@code GET /status} with {@code value.ready} and logged no driver it could not load. The server
 * is stopped with its whole process tree, bounded.
 */
final class AppiumHealth {
    static final long SERVER_READY_MS = 60_000;
    static final long STOP_GRACE_MS = 10_000;
    /**
     * Runs the server and ends it when this JVM's end of the stdin pipe closes, which the OS does
     * when the prepare dies in any way (kill -9 included): no orphaned server. The shell exits with
     * the server, so a server that dies is seen at once. (A background job of a non-interactive shell
     * reads /dev/null, hence the pipe kept as fd 3.)
     */
    static final String WATCHDOG = "exec 3<&0; \"$@\" & child=$!; (cat <&3 >/dev/null; kill $child 2>/dev/null) & wait $child";
    private final AppiumInstall install;
    private final Path log;

    AppiumHealth(AppiumInstall install, Path log) {
        this.install = install;
        this.log = log;
    }

    /** Null when healthy, else why not. */
    String problem(long deadlineNanos) {
        String listed = driversProblem(deadlineNanos);
        return listed != null ? listed : serverProblem(deadlineNanos);
    }

    private String driversProblem(long deadlineNanos) {
        ChildProcesses.Outcome o;
        try {
            o = ChildProcesses.run(List.of(install.appiumBin().toString(), "driver", "list", "--installed", "--json"),
                    NpmAppiumOps.env(install.appiumHome()), log, deadlineNanos, false);
        } catch (IOException e) {
            return "`appium driver list` could not start (" + e.getMessage() + ")";
        }
        if (o.exit() != 0) return "`appium driver list --installed --json` exited " + o.exit() + " (see " + log + ")";
        JsonNode list;
        try {
            list = Json.tree(o.output().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return "`appium driver list --installed --json` printed no JSON: " + ChildProcesses.tail(o.output());
        }
        return driversProblem(list, install);
    }

    /** Why {@code list} (the driver list's JSON) does not show every driver of {@code install}, or null. */
    static String driversProblem(JsonNode list, AppiumInstall install) {
        if (list == null || !list.isObject()) return "`appium driver list --installed --json` printed no JSON object";
        Path home;
        try {
            home = install.appiumHome().toRealPath();
        } catch (IOException e) {
            return install.appiumHome() + " is missing";
        }
        for (Map.Entry<String, String> want : install.drivers().entrySet()) {
            JsonNode found = null;
            for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
                JsonNode d = it.next();
                if (d.path("automationName").asText().equalsIgnoreCase(want.getKey())) found = d;
            }
            if (found == null) return "Appium lists no installed driver for automationName " + want.getKey();
            if (!found.path("version").asText().equals(want.getValue())) {
                return "Appium lists " + want.getKey() + " at version " + found.path("version").asText() + ", pinned " + want.getValue();
            }
            String at = found.path("installPath").asText("");
            boolean inside;
            try {
                inside = !at.isEmpty() && Path.of(at).toRealPath().startsWith(home);
            } catch (IOException e) {
                inside = false;
            }
            if (!inside) return "Appium's " + want.getKey() + " driver is installed at " + at + ", not inside " + home;
        }
        return null;
    }

    private String serverProblem(long deadlineNanos) {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // probe-then-bind: a lost race is a failed check, rebuilt once, never a wrong device
        } catch (IOException e) {
            return "no free port on 127.0.0.1 (" + e.getMessage() + ")";
        }
        Path serverLog = log.resolveSibling("prepare-appium-server.log");
        Process p;
        try {
            Files.createDirectories(serverLog.getParent());
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", WATCHDOG, "appium-health", install.appiumBin().toString(), "server",
                    "--address", "127.0.0.1", "--port", String.valueOf(port), "--log-no-colors")
                    .redirectErrorStream(true).redirectOutput(serverLog.toFile());
            pb.environment().putAll(NpmAppiumOps.env(install.appiumHome()));
            p = pb.start();
        } catch (IOException e) {
            return "the Appium server could not start (" + e.getMessage() + ")";
        }
        Thread hook = ChildProcesses.killOnExit(p);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            long ready = Math.min(deadlineNanos, System.nanoTime() + SERVER_READY_MS * 1_000_000);
            URI status = URI.create("http://127.0.0.1:" + port + "/status");
            while (true) {
                String notReady = status(http, status);
                if (notReady == null) break;
                if (!p.isAlive()) return "the Appium server exited (" + p.exitValue() + ") before it was ready; its log: " + serverLog;
                if (System.nanoTime() - ready >= 0) {
                    return "the Appium server was not ready within " + SERVER_READY_MS / 1000 + " s (" + notReady + "); its log: " + serverLog;
                }
                p.waitFor(100, TimeUnit.MILLISECONDS); // wakes early if it dies
            }
            String text = Files.readString(serverLog, StandardCharsets.UTF_8);
            for (String line : text.lines().toList()) {
                if (line.contains("Could not load driver")) return "the Appium server " + line.strip() + " (log: " + serverLog + ")";
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted during the health check";
        } catch (IOException e) {
            return "cannot read the server log " + serverLog + " (" + e.getMessage() + ")";
        } finally {
            ChildProcesses.killTree(p.toHandle(), STOP_GRACE_MS);
            closeQuietly(p); // ends the watchdog too
            ChildProcesses.unhook(hook);
        }
    }

    private static void closeQuietly(Process p) {
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed: the watchdog has ended
        }
    }

    /** Null when {@code /status} says ready; else what it said. */
    private static String status(HttpClient http, URI status) throws InterruptedException {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) return "/status answered " + r.statusCode();
            JsonNode body = Json.tree(r.body());
            return body != null && body.path("value").path("ready").asBoolean(false) ? null : "/status: not ready";
        } catch (IOException | RuntimeException e) {
            return "/status: " + e.getClass().getSimpleName();
        }
    }
}
