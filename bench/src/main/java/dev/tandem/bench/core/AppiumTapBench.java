package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tapOn} on an Appium fake-driver device through a whole Tandem plan (the CLI, a warm daemon
 * and runner) against the same tap as a plain W3C client writes it (find the element, click it) on
 * the same Appium server, interleaved round by round so both see the same machine load.
 *
 * <p>Tandem's figure is the plan's span over its taps: from the first tapOn's start to the last's
 * end in results.json, divided by the taps — every step's command round trip (daemon → runner →
 * Appium: page source, pointer action, the settle read) and the engine's time between steps, one
 * sample per run, not quantised by results.json's whole milliseconds. The per-step
 * {@code durationMs} is printed beside it. The raw client's figure is the same span over its batch.
 *
 * <p>Needs a prepared Appium (3.8.0 + @appium/fake-driver) in Tandem's cache: {@code TANDEM_CACHE_DIR}
 * if set, else the bench's own cache ({@code tandem prepare --platform appium} fills it).
 */
public final class AppiumTapBench {
    private static final int TAPS = 100;
    private static final int ROUNDS = 15;

    private AppiumTapBench() {}

    public static void run() throws Exception {
        try (Cli cli = AppiumFakes.cli()) {
            Path devices = AppiumFakes.devicesFile(cli, 1);
            StringBuilder plan = new StringBuilder("name: appium taps\nsteps:\n");
            for (int i = 0; i < TAPS; i++) plan.append("  - tool: tapOn\n    id: submit\n");
            Path taps = cli.write("taps.yaml", plan.toString());
            String[] run = {"run", taps.toString(), "--devices", devices.toString()}; // its one device: fake-1
            cli.ok(concat(run, "-o", "warm")); // daemon, runner, Appium server and session up; JIT warm
            int port = Json.tree(Files.readAllBytes(cli.home.resolve("runners/fake-1.json"))).path("ports").path("server").asInt();
            Map<String, Object> rawCaps = Map.of("platformName", "Fake", "appium:automationName", "Fake",
                    "appium:deviceName", "Raw client", "appium:app", cli.work.resolve("shop-app.xml").toString());
            try (Raw raw = new Raw("http://127.0.0.1:" + port, rawCaps, "id", "submit");
                    Raw sock = new Raw("http://127.0.0.1:" + port, rawCaps, "id", "submit", true)) {
                for (int i = 0; i < 2 * TAPS; i++) {
                    raw.tap(); // the raw clients' warm-up
                    sock.tap();
                }
                List<Double> sockSpan = new ArrayList<>(), sockCall = new ArrayList<>();
                List<Double> tandemSpan = new ArrayList<>(), tandemStep = new ArrayList<>(), tandemWall = new ArrayList<>();
                List<Double> rawSpan = new ArrayList<>(), rawCall = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    boolean rawFirst = r % 2 == 1; // alternate who goes first, so neither always follows the other's GC
                    if (rawFirst) {
                        rawBatch(raw, rawSpan, rawCall);
                        rawBatch(sock, sockSpan, sockCall);
                    }
                    Cli.Result res = cli.ok(concat(run, "-o", "taps"));
                    tandemWall.add(res.wallMs() / TAPS);
                    JsonNode results = cli.lastResults("taps");
                    if (!results.path("devices").toString().contains("\"fake-1\"")) throw new IllegalStateException("not run on fake-1: " + results.path("devices"));
                    JsonNode steps = results.path("steps");
                    long first = Long.MAX_VALUE, last = 0;
                    int n = 0;
                    for (JsonNode s : steps) {
                        if (!s.path("tool").asText().equals("tapOn")) continue;
                        if (!s.path("status").asText().equals("passed")) throw new IllegalStateException("a tapOn did not pass: " + s);
                        first = Math.min(first, s.path("startMs").asLong());
                        last = Math.max(last, s.path("startMs").asLong() + s.path("durationMs").asLong());
                        tandemStep.add((double) s.path("durationMs").asLong());
                        n++;
                    }
                    if (n != TAPS) throw new IllegalStateException("expected " + TAPS + " tapOn steps, results.json has " + n);
                    tandemSpan.add((double) (last - first) / TAPS);
                    if (!rawFirst) {
                        rawBatch(sock, sockSpan, sockCall);
                        rawBatch(raw, rawSpan, rawCall);
                    }
                }
                double[] ts = Stats.sorted(tandemSpan), st = Stats.sorted(tandemStep), tw = Stats.sorted(tandemWall);
                double[] rs = Stats.sorted(rawSpan), rc = Stats.sorted(rawCall), ss = Stats.sorted(sockSpan);
                Stats.row("metric (fake driver, " + TAPS + " taps a run, " + ROUNDS + " rounds interleaved)", "p50", "p95", "n");
                Stats.row("---", "---", "---", "---");
                Stats.row("Tandem `tapOn` in a plan: plan span / taps", Stats.ms(Stats.percentile(ts, 50)), Stats.ms(Stats.percentile(ts, 95)),
                        ts.length + " runs");
                Stats.row("Tandem `tapOn` step `durationMs` (results.json, whole ms)", Stats.ms(Stats.percentile(st, 50)),
                        Stats.ms(Stats.percentile(st, 95)), st.length + " steps");
                Stats.row("Tandem run wall (CLI start included) / taps", Stats.ms(Stats.percentile(tw, 50)), Stats.ms(Stats.percentile(tw, 95)),
                        tw.length + " runs");
                Stats.row("raw W3C find + click (java.net.http): batch span / taps", Stats.ms(Stats.percentile(rs, 50)), Stats.ms(Stats.percentile(rs, 95)),
                        rs.length + " batches");
                Stats.row("raw W3C find + click over a blocking keep-alive socket: batch span / taps", Stats.ms(Stats.percentile(ss, 50)),
                        Stats.ms(Stats.percentile(ss, 95)), ss.length + " batches");
                Stats.row("raw W3C find + click: one tap", Stats.ms(Stats.percentile(rc, 50)), Stats.ms(Stats.percentile(rc, 95)),
                        rc.length + " taps");
                long[] perTap = requests(cli.home.resolve("devices/fake-1/appium.log"));
                int allTaps = (ROUNDS + 1) * TAPS; // the warm-up run's too: the log holds them
                Stats.row("Appium requests per Tandem `tapOn` (the server's log): page source / pointer actions",
                        Stats.num((double) perTap[0] / allTaps) + " / " + Stats.num((double) perTap[1] / allTaps), "", allTaps + " taps");
                Stats.row("**ratio Tandem / raw java.net.http (plan span / batch span)**", "**" + Stats.num(Stats.percentile(ts, 50) / Stats.percentile(rs, 50)) + "×**",
                        Stats.num(Stats.percentile(ts, 95) / Stats.percentile(rs, 95)) + "×", "target ≤ 1.2× p50");
                Stats.row("ratio Tandem / raw over the socket client (plan span / batch span)",
                        Stats.num(Stats.percentile(ts, 50) / Stats.percentile(ss, 50)) + "×",
                        Stats.num(Stats.percentile(ts, 95) / Stats.percentile(ss, 95)) + "×", "");
                Stats.row("ratio Tandem step `durationMs` / raw one tap (no engine gap between steps; whole ms)",
                        Stats.num(Stats.percentile(st, 50) / Stats.percentile(rc, 50)) + "×",
                        Stats.num(Stats.percentile(st, 95) / Stats.percentile(rc, 95)) + "×", "");
            }
        }
    }

    /** GET source and POST actions requests in an Appium server log (the raw client sends neither). */
    private static long[] requests(Path log) throws Exception {
        long sources = 0, actions = 0;
        if (!Files.exists(log)) return new long[] {-1, -1};
        try (var lines = Files.lines(log)) {
            for (String l : (Iterable<String>) lines::iterator) {
                if (!l.contains("[HTTP] --> ")) continue;
                if (l.contains("--> GET /session/") && l.contains("/source ")) sources++;
                else if (l.contains("--> POST /session/") && l.contains("/actions ")) actions++;
            }
        }
        return new long[] {sources, actions};
    }

    private static void rawBatch(Raw raw, List<Double> span, List<Double> calls) throws Exception {
        rawBatch(raw, TAPS, span, calls);
    }

    static void rawBatch(Raw raw, int taps, List<Double> span, List<Double> calls) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < taps; i++) {
            long s = System.nanoTime();
            raw.tap();
            calls.add((System.nanoTime() - s) / 1e6);
        }
        span.add((System.nanoTime() - t0) / 1e6 / taps);
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A plain W3C client with its own session on a WebDriver endpoint (the runner's Appium server,
     * or a Selenium Grid), tapping one element found by {@code using}/{@code value}: over
     * java.net.http (keep-alive), as a Java user writes it, or over the same blocking keep-alive
     * socket client Tandem's runner uses for the server it owns ({@code socket}: the lowest-cost
     * client, so the ratio against it is what Tandem's pipeline alone adds).
     */
    static final class Raw implements AutoCloseable {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final dev.tandem.protocol.http.LoopbackHttpClient sock;
        private final String base;
        private final String session;
        private final String using;
        private final String value;

        Raw(String base, Map<String, Object> capabilities, String using, String value) throws Exception {
            this(base, capabilities, using, value, false);
        }

        Raw(String base, Map<String, Object> capabilities, String using, String value, boolean socket) throws Exception {
            this.base = base;
            this.using = using;
            this.value = value;
            this.sock = socket ? new dev.tandem.protocol.http.LoopbackHttpClient(URI.create(base).getPort(), null) : null;
            session = post("/session", Json.toTree(Map.of("capabilities", Map.of("alwaysMatch", capabilities)))).path("sessionId").asText();
        }

        /** Opens a page (a browser session). */
        void navigate(String url) throws Exception {
            post("/session/" + session + "/url", Json.toTree(Map.of("url", url)));
        }

        /** Find the element, then click it: the two requests a W3C client sends for a tap. */
        void tap() throws Exception {
            JsonNode el = post("/session/" + session + "/element", Json.toTree(Map.of("using", using, "value", value)));
            post("/session/" + session + "/element/" + el.elements().next().asText() + "/click", Json.object());
        }

        private JsonNode post(String path, JsonNode body) throws Exception {
            int status;
            byte[] answer;
            if (sock != null) {
                dev.tandem.protocol.http.HttpResponse res = sock.send("POST", path, Json.bytes(body), 60_000);
                status = res.status();
                answer = res.body();
            } else {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
                HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                status = res.statusCode();
                answer = res.body();
            }
            if (status != 200) throw new IllegalStateException("POST " + path + " → HTTP " + status + ": " + new String(answer));
            return Json.tree(answer).path("value");
        }

        @Override
        public void close() throws Exception {
            if (sock != null) {
                sock.send("DELETE", "/session/" + session, null, 60_000);
                sock.close();
            } else {
                http.send(HttpRequest.newBuilder(URI.create(base + "/session/" + session)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
            http.close();
        }
    }
}
