package dev.tandem.it.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.report.ReportHtml;
import dev.tandem.daemon.report.RunReportData;
import dev.tandem.daemon.report.SyntheticRun;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import dev.tandem.web.HeadlessPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * report.html as a person sees it: real runs and a real suite through the CLI and daemon, each
 * page opened from file:// in Tandem's own headless Chromium and asked what it shows. One daemon
 * and one browser for the class.
 */
class ReportIT {
    static Tandem tandem;
    static HeadlessPage page;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem().env("TANDEM_SIM_DEVICES", "3");
        page = HeadlessPage.start(tandem.work.resolve("report-chromium"), 1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (page != null) page.close();
        if (tandem != null) tandem.close();
    }

    private static void open(Path html) throws InterruptedException {
        page.open(html.toUri(), "document.body.dataset.rendered === 'true'", 20_000);
    }

    private static JsonNode js(String expression) {
        return page.eval(expression);
    }

    /** The one run directory under {@code out} (a run writes OUTPUT/<run-id>/). */
    private static Path onlyDir(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(1);
            return dirs.getFirst();
        }
    }

    @Test
    void aMultiDeviceRunShowsLanesSectionBandsTheFailureAndItsScreen() throws Exception {
        Path plan = tandem.write("late-reader.yaml", """
                name: late reader
                devices: ["A", "B", "C"]
                steps:
                - {tool: launchApp, device: A, appId: com.chat.app}
                - {tool: launchApp, device: B, appId: com.chat.app}
                - {tool: launchApp, device: C, appId: com.chat.app}
                - tool: criticalSection
                  params:
                    lock: chat-room
                    steps:
                    - {tool: inputText, params: {device: A, text: "Hello"}}
                    - {tool: imeAction, params: {device: A, action: send}}
                    - {tool: systemTray, params: {device: B, action: find, notification: {body: "Hello"}}, awaitTimeout: 5000}
                - {tool: barrier, label: all caught up}
                - {tool: assertVisible, device: C, selector: {text: "Inbox 2"}, timeout: 500, label: Check inbox}
                """);
        Path out = tandem.work.resolve("out-run");
        Tandem.Result r = tandem.run("run", plan.toString(), "-o", out.toString(), "--screenshots", "every-step");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        Path dir = onlyDir(out);
        assertThat(r.out()).contains(dir.getFileName().resolve("report.html").toString());
        open(dir.resolve("report.html"));

        // a lane per device, in declaration order, and a bar for every step results.json lists
        assertThat(js("[...document.querySelectorAll('.lane')].map(l => l.dataset.device).join()").asText()).isEqualTo("A,B,C");
        JsonNode results = Json.tree(Files.readAllBytes(dir.resolve("results.json")));
        assertThat(js("document.querySelectorAll('.bar').length").asInt()).isEqualTo(results.path("steps").size());

        // the section is drawn on A's and B's lanes at the same place, not on C's; the barrier on all three
        assertThat(js("document.querySelector('.sync[data-kind=criticalSection]').dataset.devices").asText()).isEqualTo("A,B");
        assertThat(js("[...document.querySelectorAll('.band.section')].map(b => b.dataset.device).join()").asText()).isEqualTo("A,B");
        assertThat(js("(() => { const [a, b] = [...document.querySelectorAll('.band.section')].map(e => e.getBoundingClientRect());"
                + " return a.left === b.left && a.width === b.width && a.width > 0 && b.top > a.top; })()").asBoolean()).isTrue();
        assertThat(js("[...document.querySelectorAll('.band.barrier')].map(b => b.dataset.device).join()").asText()).isEqualTo("A,B,C");

        // the first real failure: its bar outlined on C's lane, its message, closest matches and screen
        assertThat(js("document.querySelector('.bar.root').closest('.lane').dataset.device").asText()).isEqualTo("C");
        assertThat(js("document.querySelectorAll('.bar.root').length").asInt()).isEqualTo(1);
        String failure = js("document.getElementById('failure').innerText").asText();
        assertThat(failure).contains("ELEMENT_NOT_FOUND").contains("Inbox 2").contains("Closest matches");
        assertThat(js("(async () => { const i = document.getElementById('failshot'); await i.decode(); return i.naturalWidth; })()").asInt())
                .isPositive();

        // every-step screenshots: a passed step's bar opens its screen in the detail panel
        assertThat(js("document.querySelectorAll('.bar.shot[data-status=passed]').length").asInt()).isPositive();
        assertThat(js("(async () => { document.querySelector('.bar.shot[data-status=passed]').dispatchEvent(new MouseEvent('click', {bubbles: true}));"
                + " const i = document.querySelector('#detail img'); await i.decode(); return i.naturalWidth; })()").asInt()).isPositive();

        // the step table filters by device and by status
        assertThat(js("(() => { const s = document.getElementById('fDevice'); s.value = 'C'; s.dispatchEvent(new Event('change'));"
                + " return [...document.querySelectorAll('#steps tbody tr')].filter(r => r.style.display !== 'none').map(r => r.dataset.device)"
                + ".every(d => d === 'C'); })()").asBoolean()).isTrue();
        assertThat(js("(() => { document.getElementById('fDevice').value = ''; const s = document.getElementById('fStatus'); s.value = 'failed';"
                + " s.dispatchEvent(new Event('change')); return [...document.querySelectorAll('#steps tbody tr')].filter(r => r.style.display !== 'none').length; })()")
                .asInt()).isEqualTo(1);
        // per-device summaries
        assertThat(js("[...document.querySelectorAll('#devices tr[data-device]')].map(r => r.dataset.device).join()").asText()).isEqualTo("A,B,C");

        // tandem report draws the same page again from results.json
        Files.delete(dir.resolve("report.html"));
        Tandem.Result again = tandem.run("report", dir.toString());
        assertThat(again.exit()).as(again.all()).isZero();
        open(dir.resolve("report.html"));
        assertThat(js("document.querySelectorAll('.bar.root').length").asInt()).isEqualTo(1);
        Tandem.Result nothing = tandem.run("report", tandem.work.toString());
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.all()).contains("no results.json");

        // --screenshots off: the same failure, no screen taken; a mode that does not exist is refused before anything runs
        Path quiet = tandem.work.resolve("out-quiet");
        Tandem.Result off = tandem.run("run", plan.toString(), "-o", quiet.toString(), "--screenshots", "off");
        assertThat(off.exit()).as(off.all()).isEqualTo(1);
        Path offDir = onlyDir(quiet);
        assertThat(offDir.resolve("screenshots")).doesNotExist();
        assertThat(Json.tree(Files.readAllBytes(offDir.resolve("results.json"))).path("rootCause").path("failure").has("screenshot")).isFalse();
        Tandem.Result bad = tandem.run("run", plan.toString(), "-o", quiet.toString(), "--screenshots", "sometimes");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.all()).contains("--screenshots must be off|on-failure|every-step, not 'sometimes'");
    }

    @Test
    void aSuiteMarksAPlanThatPassedOnARerunAsFlakyEverywhere() throws Exception {
        // a fresh list fails the check; the rerun finds the list where the first attempt scrolled it
        Files.createDirectories(tandem.work.resolve("plans"));
        Path flaky = tandem.write("plans/flaky.yaml", """
                name: flaky scroll
                steps:
                - {tool: launchApp, appId: com.example.list}
                - {tool: swipe, direction: up}
                - {tool: assertVisible, selector: {text: "Item 30"}, timeout: 300}
                """);
        tandem.write("plans/steady.yaml", """
                steps:
                - {tool: launchApp, appId: com.example.login, clearState: true}
                """);
        Path out = tandem.work.resolve("out-suite");
        // pinned to one device, so the rerun meets the state the first attempt left
        Tandem.Result r = tandem.run("test", flaky.getParent().toString(), "--retries", "2", "--device", "sim:sim-1",
                "-o", out.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("flaky: passed on attempt 2").contains("2 of 2 plans passed (1 flaky)");
        Path suite = onlyDir(out);
        JsonNode results = Json.tree(Files.readAllBytes(suite.resolve("results.json")));
        assertThat(results.path("flaky").asInt()).isEqualTo(1);
        JsonNode run = Stream.of(results.path("runs").get(0), results.path("runs").get(1)).filter(n -> n.path("flaky").asBoolean())
                .findFirst().orElseThrow();
        assertThat(run.path("attempts")).hasSize(2);
        assertThat(Files.readString(suite.resolve("junit.xml"))).contains("<flakyFailure type=\"").contains("[[ATTACHMENT|");

        open(suite.resolve("report.html"));
        assertThat(js("document.querySelectorAll('#plans tr[data-status=flaky]').length").asInt()).isEqualTo(1);
        assertThat(js("document.querySelector('#plans tr[data-status=flaky]').innerText").asText()).containsIgnoringCase("flaky");
        List<String> links = Json.MAPPER.convertValue(js("[...document.querySelectorAll('#plans tr[data-status=flaky] a[data-status]')]"
                + ".map(a => a.getAttribute('href'))"), Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(links).hasSize(2);
        for (String link : links) assertThat(suite.resolve(link)).exists();
        open(suite.resolve(links.getFirst()));
        assertThat(js("document.querySelectorAll('.bar.root').length").asInt()).isEqualTo(1);

        // --fail-on-flaky: the same kind of plan (the list is two swipes further now) fails the suite
        Path further = tandem.write("plans/further.yaml", """
                name: flaky further
                steps:
                - {tool: launchApp, appId: com.example.list}
                - {tool: swipe, direction: up}
                - {tool: assertVisible, selector: {text: "Item 45"}, timeout: 300}
                """);
        Tandem.Result strict = tandem.run("test", further.toString(), "--retries", "1", "--fail-on-flaky", "--device", "sim:sim-1",
                "-o", tandem.work.resolve("out-strict").toString());
        assertThat(strict.exit()).as(strict.all()).isEqualTo(1);
        assertThat(strict.out()).contains("flaky: passed on attempt 2").contains("FAILED").contains("(1 flaky)");
    }

    @Test
    void aSixteenDeviceTwoHundredStepReportLoadsAndDrawsEveryLane() throws Exception {
        Path dir = Files.createDirectories(tandem.work.resolve("synthetic"));
        Path html = dir.resolve("report.html");
        Files.writeString(html, ReportHtml.render(RunReportData.of(SyntheticRun.of(16, 200, true), dir)));
        open(html);
        assertThat(js("document.querySelectorAll('.lane').length").asInt()).isEqualTo(16);
        assertThat(js("document.querySelectorAll('.bar').length").asInt()).isEqualTo(3200);
        // the table draws its first rows at once and the rest on demand
        assertThat(js("document.getElementById('count').textContent").asText()).startsWith("3200 of 3200 steps");
        assertThat(js("(() => { document.getElementById('more').click(); return document.querySelectorAll('#steps tbody tr').length; })()")
                .asInt()).isEqualTo(3200);
    }
}
