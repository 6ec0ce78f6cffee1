package dev.tandem.plan;

import static dev.tandem.plan.Loads.briefs;
import static dev.tandem.plan.Loads.single;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What can be known before a run is refused by validate, with what to write instead. */
class StaticChecksTest {

    @Test
    void unencodedDataUrlsAreValid() {
        Plan p = Loads.ok("""
                platform: web
                steps:
                - {tool: launchApp, url: "data:text/html,<h1>Hello</h1>"}
                """);
        assertThat(p.platform()).isEqualTo("web");
    }

    @Test
    void aUrlNoBrowserOpensFailsAtValidate() {
        assertThat(briefs("""
                steps:
                - {tool: launchApp, url: "example.com/page"}
                - {tool: launchApp, url: "ftp://example.com/"}
                - {tool: launchApp, url: "http://127.0.0.1:99999/"}
                """)).containsExactly(
                "2:26 launchApp url 'example.com/page' cannot be opened: it has no scheme (such as https:)",
                "3:26 launchApp url 'ftp://example.com/' cannot be opened: its scheme 'ftp' is not one a page opens with;"
                        + " use one of http, https, data, file, about",
                "4:26 launchApp url 'http://127.0.0.1:99999/' cannot be opened: its port '99999' is not a number from 1 to 65535");
    }

    @Test
    void appIdAndUrlTogetherIsAnError() {
        // each backend would silently ignore one of them
        assertThat(Loads.brief(single("steps: [{tool: launchApp, appId: com.chat.app, url: \"https://example.com\"}]")))
                .isEqualTo("1:48 launchApp has both 'appId' and 'url'");
    }

    @Test
    void aUrlOnADeviceDeclaredSimFailsAtValidate() {
        assertThat(briefs("""
                platform: sim
                steps:
                - {tool: launchApp, url: "https://example.com"}
                """)).containsExactly("3:3 launchApp url opens a web page, but the plan runs on platform sim");
        assertThat(briefs("""
                devices: [{label: A, platform: sim}, B]
                steps:
                - {tool: launchApp, device: A, url: "https://example.com"}
                - {tool: launchApp, device: B, url: "https://example.com"}
                """)).containsExactly("3:3 launchApp url opens a web page, but device A runs on platform sim");
    }

    @Test
    void singleDevicePlansDeclareTheirPlatformAndProfile() {
        Plan p = Loads.ok("""
                platform: web
                profile: desktop
                steps: [{tool: launchApp, url: "https://example.com"}]
                """);
        assertThat(p.platform()).isEqualTo("web");
        assertThat(p.profile()).isEqualTo("desktop");
        assertThat(p.firstWebOnlyStep(Plan.SINGLE_DEVICE_LABEL)).isNotNull();
        assertThat(briefs("""
                platform: phone
                steps: [{tool: wait, ms: 1}]
                """)).containsExactly("1:11 'platform' must be one of sim, web, android, ios, found 'phone'");
        assertThat(briefs("""
                platform: web
                devices: [A]
                steps: [{tool: wait, device: A, ms: 1}]
                """)).containsExactly("1:1 top-level 'platform' is for single-device plans; this plan declares 'devices'");
        assertThat(briefs("""
                platform: sim
                profile: pixel-7
                steps: [{tool: wait, ms: 1}]
                """)).containsExactly("2:1 'profile' names a web device profile, but the plan's platform is sim");
    }

    @Test
    void screenshotPathStaysInsideTheRunDirectory() {
        Plan p = Loads.ok("steps: [{tool: screenshot, path: shots/after-login.png}]");
        assertThat(((ToolStep) p.steps().getFirst()).params().get("path").asText()).isEqualTo("shots/after-login.png");
        assertThat(briefs("""
                steps:
                - {tool: screenshot, path: ../outside.png}
                - {tool: screenshot, path: /tmp/abs.png}
                - {tool: screenshot, path: shots/../../x.png}
                """)).containsExactly(
                "2:28 'path' must stay inside the run directory, found '../outside.png'",
                "3:28 'path' must stay inside the run directory, found '/tmp/abs.png'",
                "4:28 'path' must stay inside the run directory, found 'shots/../../x.png'");
    }

    @Test
    void screenshotNamesAreCheckedForLengthAndCharacters() {
        Loads.ok("steps: [{tool: screenshot, name: after login-2.v1}]");
        String longName = "n".repeat(300);
        assertThat(briefs("steps: [{tool: screenshot, name: " + longName + "}]"))
                .containsExactly("1:34 'name' is 300 characters long, over the limit of 100");
        assertThat(briefs("steps: [{tool: screenshot, name: \"a/b\"}]"))
                .containsExactly("1:34 'name' may hold only letters, digits, '.', '_', '-' and spaces, found 'a/b'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "tap | 'tapOn'",
            "click | 'tapOn'",
            "fill | 'inputText' with replace: true",
            "goto | 'launchApp' with url: https://...",
            "takeScreenshot | 'screenshot'",
            "back | 'pressButton' with button: back"})
    void maestroAndPlaywrightToolNamesGetTheTandemTool(String habit, String instead) {
        Diagnostic d = single("steps: [{tool: " + habit + "}]");
        assertThat(d.message()).isEqualTo("unknown tool '" + habit + "'");
        assertThat(d.hint()).startsWith("did you mean " + instead + "? plan tools: launchApp,");
    }

    @Test
    void aTopLevelMappingOfAnchorsIsAllowed() {
        Plan p = Loads.ok("""
                ids: {email: &email "email_field", pass: &pass "password"}
                more: [&a "x", {b: &b "y"}]
                steps:
                - {tool: tapOn, id: *email}
                - {tool: tapOn, id: *pass}
                """);
        assertThat(((ToolStep) p.steps().get(1)).params().get("id").asText()).isEqualTo("password");
        assertThat(Loads.brief(single("""
                ids: {email: &email "e", plain: "p"}
                steps: [{tool: tapOn, id: *email}]
                """))).isEqualTo("1:1 unknown key 'ids' at the top level");
    }

    @Test
    void aHugeNameIsRefusedAndNotEchoed() {
        String name = "x".repeat(300_000);
        Diagnostic d = single("name: " + name + "\nsteps: [{tool: wait, ms: 1}]");
        assertThat(d.message()).isEqualTo("'name' is 300000 characters long, over the limit of 200");
        String value = "x".repeat(100_000);
        Diagnostic choice = single("abortStrategy: " + value + "\nsteps: [{tool: wait, ms: 1}]");
        assertThat(choice.message()).hasSizeLessThan(200).endsWith("(100000 characters)'");
        Diagnostic key = single("? " + value + "\n: 1\nsteps: [{tool: wait, ms: 1}]");
        assertThat(key.message()).hasSizeLessThan(200).contains("(100000 characters)");
        assertThat(key.hint()).hasSizeLessThan(400);
    }

    @Test
    void thousandsOfErrorsAreCountedButFiftyListed() {
        StringBuilder yaml = new StringBuilder("steps:\n");
        for (int i = 0; i < 2_000; i++) yaml.append("- {tool: wait, ms: -1}\n");
        LoadResult r = PlanLoader.parse(yaml.toString(), "big.yaml");
        assertThat(r.errors()).hasSize(LoadResult.MAX_REPORTED);
        assertThat(r.errorCount()).isEqualTo(2_000);
        assertThat(r.moreErrors()).isEqualTo(2_000 - 50);
    }
}
