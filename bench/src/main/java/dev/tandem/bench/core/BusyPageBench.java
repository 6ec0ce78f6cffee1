package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps on a page that never settles (issue 10.2): a counter updated every 10 ms, by setInterval
 * (the page) or by a self-rescheduling setTimeout (a short timer always pending). One plan
 * of assertVisible / assertNotVisible / tapOn steps on web:pixel-7, run twice (the first warms
 * up); the figures are the per-tool medians of the second run's step durations in results.json
 * and the plan's wall time. {@code -Dtandem.root=DIR} measures another checkout (a "before" build).
 */
public final class BusyPageBench {
    private static final String PAGE = """
            <!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Busy</title></head><body>
            <p id="ticker">0</p><button id="later" onclick="setTimeout(() => add('Done later'), 300)">Later</button>
            <p id="present">Present</p><div id="out"></div>
            <script>
              let n = 0;
              const tick = () => { document.getElementById('ticker').textContent = String(++n); };
              if (location.search.includes('timer')) (function again() { tick(); setTimeout(again, 10); })();
              else setInterval(tick, 10);
              function add(t) { const p = document.createElement('p'); p.textContent = t; document.getElementById('out').append(p); }
            </script></body></html>
            """;

    private BusyPageBench() {}

    public static void run() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ex -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/busy.html";
        try (Cli cli = new Cli("instant")) {
            Stats.row("page", "assertVisible (present) p50", "assertNotVisible (absent) p50", "tapOn p50",
                    "6 steps, sum of durations", "notes");
            Stats.row("---", "---", "---", "---", "---", "---");
            for (String variant : new String[] {"", "?timer"}) {
                Path plan = cli.write("busy.yaml", plan(base + variant));
                cli.run("run", plan.toString(), "--device", "web:pixel-7", "-o", "warm");
                cli.run("run", plan.toString(), "--device", "web:pixel-7", "-o", "busy");
                JsonNode res = cli.lastResults("busy");
                Map<String, List<Double>> byTool = new LinkedHashMap<>();
                long sum = 0;
                int noted = 0;
                for (JsonNode s : res.path("steps")) {
                    if (s.path("tool").asText().equals("launchApp")) continue;
                    byTool.computeIfAbsent(s.path("tool").asText(), k -> new ArrayList<>()).add((double) s.path("durationMs").asLong());
                    sum += s.path("durationMs").asLong();
                    if (s.path("notes").size() > 0) noted++;
                }
                Stats.row(variant.isEmpty() ? "setInterval 10 ms" : "setTimeout 10 ms loop",
                        p50(byTool.get("assertVisible")), p50(byTool.get("assertNotVisible")), p50(byTool.get("tapOn")),
                        Stats.ms(sum) + " (" + res.path("status").asText() + ")", noted + " noted 'screen never settled'");
            }
        } finally {
            server.stop(0);
        }
    }

    /** Six steps after the launch: four assertions, a tap, the assertion of what the tap caused. */
    private static String plan(String url) {
        return "name: busy\nsteps:\n"
                + "  - {tool: launchApp, url: \"" + url + "\", clearState: true}\n"
                + "  - {tool: assertVisible, text: Present}\n"
                + "  - {tool: assertVisible, text: Later}\n"
                + "  - {tool: assertNotVisible, text: Nowhere}\n"
                + "  - {tool: assertNotVisible, text: Elsewhere}\n"
                + "  - {tool: tapOn, text: Later}\n"
                + "  - {tool: assertVisible, text: Done later}\n";
    }

    private static String p50(List<Double> values) {
        return values == null ? "—" : Stats.ms(Stats.percentile(Stats.sorted(values), 50));
    }
}
