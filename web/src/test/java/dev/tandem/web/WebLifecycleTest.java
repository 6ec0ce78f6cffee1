package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.LaunchRequest;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, screenshots, fresh state, and Chromium's life bound to its device and its JVM. */
class WebLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void screenshotIsAPngOfTheViewport() throws Exception {
        try (TestPages pages = new TestPages(); WebBackend web = WebFixture.open(dir.resolve("dev"), "pixel-7")) {
            web.device().launchApp(new LaunchRequest(null, pages.url("static.html"), false, null, null, Map.of()));
            JsonNode r = WebFixture.run(web, Tool.SCREENSHOT, "{\"name\": \"shot\"}", dir.resolve("artifacts"));
            byte[] png = Files.readAllBytes(Path.of(r.path("path").asText()));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            // IHDR width and height: the viewport in device pixels (412 x 915 at 2.625).
            int w = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
            int h = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
            assertThat(w).isEqualTo((int) Math.round(412 * 2.625));
            assertThat(h).isEqualTo((int) Math.round(915 * 2.625));
        }
    }

    @Test
    void clearStateStartsAFreshBrowserContext() throws Exception {
        try (TestPages pages = new TestPages(); WebBackend web = WebFixture.open(dir.resolve("dev"), "desktop")) {
            String url = pages.url("static.html");
            web.device().launchApp(new LaunchRequest(null, url, false, null, null, Map.of()));
            WebFixture.eval(web, "localStorage.setItem('k', 'v'); document.cookie = 'c=1'; 1");
            web.device().launchApp(new LaunchRequest(null, url + "?again", false, null, null, Map.of()));
            assertThat(WebFixture.eval(web, "localStorage.getItem('k') + document.cookie").asText()).isEqualTo("vc=1");
            web.device().launchApp(new LaunchRequest(null, url, true, null, null, Map.of()));
            assertThat(WebFixture.eval(web, "String(localStorage.getItem('k')) + document.cookie").asText()).isEqualTo("null");
            // The fresh page has the same profile and tools.
            assertThat(WebFixture.eval(web, "innerWidth").asInt()).isEqualTo(1280);
            WebFixture.run(web, Tool.TAP_ON, "{\"text\": \"Go\"}", dir);
            assertThat(WebFixture.eval(web, "events.join()").asText()).contains("go:mouse");
        }
    }

    @Test
    void aKilledChromiumFailsTheNextCommandAtOnceWithRunnerFailed() throws Exception {
        try (WebBackend web = WebFixture.open(dir.resolve("dev"), "pixel-7")) {
            web.device().snapshot();
            ProcessHandle chromium = ProcessHandle.of(web.chromiumPid()).orElseThrow();
            chromium.destroyForcibly();
            chromium.onExit().get(10, TimeUnit.SECONDS); // reaped by its watchdog
            assertThatThrownBy(() -> web.device().snapshot())
                    .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED))
                    .hasMessageContaining("Chromium is gone");
            assertThatThrownBy(() -> WebFixture.run(web, Tool.TAP_ON, "{\"text\": \"Go\"}", dir))
                    .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED));
        }
    }

    @Test
    void closingTheDeviceKillsChromiumAndDeletesItsProfile() throws Exception {
        WebBackend web = WebFixture.open(dir.resolve("dev"), "pixel-7");
        Path profile = web.profileDir();
        assertThat(profile).isDirectory();
        long group = web.chromiumPid();
        assertThat(processGroup(group)).hasSizeGreaterThan(1); // the browser and its helpers
        web.close();
        assertThat(chromiumsUsing(profile)).isEmpty();
        assertThat(processGroup(group)).isEmpty();
        assertThat(profile).doesNotExist();
    }

    @Test
    void chromiumKeepsItsTempDirsInTheDeviceWorkDirAndTheyGoWithTheDevice() throws Exception {
        Path work = dir.resolve("dev");
        WebBackend web = WebFixture.open(work, "pixel-7");
        List<Path> temps = tempDirsOf(web.profileDir());
        // Chromium's singleton socket lives in a temp dir of its own: it used to be /tmp/org.chromium.Chromium.*,
        // left behind on every stop because Chromium is killed, never asked to quit.
        assertThat(temps).isNotEmpty().allSatisfy(t -> assertThat(t).startsWithRaw(work).isDirectory());
        web.close();
        assertThat(temps).allSatisfy(t -> assertThat(t).doesNotExist());
        assertThat(work.resolve("tmp")).doesNotExist();
    }

    @Test
    void aDeepWorkDirStillStartsChromium_andItsTempDirGoesWithTheDevice() throws Exception {
        // Chromium aborts at start when its singleton socket's path passes 107 bytes.
        Path deep = dir.resolve("d".repeat(90));
        try (TestPages pages = new TestPages()) {
            WebBackend web = WebFixture.open(deep, "pixel-7");
            List<Path> temps = tempDirsOf(web.profileDir());
            try {
                web.device().launchApp(new LaunchRequest(null, pages.url("static.html"), false, null, null, Map.of()));
                assertThat(awaitPageContent(web, 20_000)).as("the page shows in a snapshot").isNotEmpty();
                assertThat(temps).isNotEmpty().allSatisfy(t -> assertThat(t).isDirectory());
            } finally {
                web.close();
            }
            assertThat(temps).allSatisfy(t -> assertThat(t).doesNotExist());
        }
    }

    @Test
    void chromiumDiesWithTheJvmThatStartedItEvenOnKill9() throws Exception {
        holdThenKill(false);
    }

    @Test
    void chromiumDiesEvenWhenTheRunnersWholeProcessGroupIsKilled() throws Exception {
        holdThenKill(true); // Ctrl-C or a supervisor signals the group: the watchdog must not go with it
    }

    /** Starts a JVM holding a web device, SIGKILLs it (or its whole process group), then looks for Chromium. */
    private void holdThenKill(boolean wholeGroup) throws Exception {
        Chromium.require();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldChromium.class.getName(), dir.resolve("held").toString()));
        if (wholeGroup) cmd.addFirst("setsid"); // its own process group, so killing the group spares this JVM
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("READY ");
            String[] parts = line.split(" ", 3);
            long chromium = Long.parseLong(parts[1]);
            Path profile = Path.of(parts[2]);
            assertThat(ProcessHandle.of(chromium)).isPresent();
            assertThat(chromiumsUsing(profile)).isNotEmpty();
            List<Path> temps = tempDirsOf(profile);
            assertThat(temps).isNotEmpty().allSatisfy(t -> assertThat(t).startsWithRaw(dir.resolve("held")));
            if (wholeGroup) {
                assertThat(new ProcessBuilder("sh", "-c", "kill -KILL -" + child.pid()).start().waitFor()).isZero();
            } else {
                child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            }
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            await(() -> chromiumsUsing(profile).isEmpty() && processGroup(chromium).isEmpty(), 10_000);
            await(() -> !Files.exists(profile), 10_000);
            await(() -> temps.stream().noneMatch(Files::exists), 10_000);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void unknownProfilesAndMissingChromiumAreClearErrors() {
        assertThatThrownBy(() -> WebProfile.of("nokia-3310"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS))
                .hasMessageContaining("pixel-7, iphone-15, ipad, desktop");
        assertThat(WebProfile.of(null)).isEqualTo(WebProfile.PIXEL_7);
        assertThat(WebProfile.of("tablet")).isEqualTo(WebProfile.IPAD);
        assertThatThrownBy(() -> ChromiumBinary.locate(Map.of("TANDEM_CHROMIUM", dir.resolve("nope").toString())))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHROMIUM_MISSING))
                .hasMessageContaining("apt-get install");
        assertThatThrownBy(() -> ChromiumBinary.locate(Map.of("PATH", dir.toString())))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CHROMIUM_MISSING);
                    assertThat(e.code().exitCode()).isEqualTo(3);
                })
                .hasMessageContaining("sudo apt-get install -y chromium");
    }

    @Test
    void aChromiumThatCrashesAtStartIsRetriedThenReportedWithItsLog() throws Exception {
        Path fake = dir.resolve("fake-chromium");
        Files.writeString(fake, "#!/bin/sh\necho \"boom: cannot start\" >&2\nexit 1\n");
        fake.toFile().setExecutable(true);
        assertThatThrownBy(() -> ChromiumProcess.start(fake, dir.resolve("dev")))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED))
                .hasMessageContaining("3 times in a row").hasMessageContaining("boom: cannot start");
        assertThat(Files.readString(dir.resolve("dev/chromium.log"))).containsPattern("(?s)boom.*boom.*boom");
    }

    @Test
    void prepareNamesTheChromiumAndItsVersion() {
        Chromium.require();
        Map<String, String> id = new WebBackendProvider().prepare();
        assertThat(id.get("chromium.path")).isNotBlank();
        assertThat(id.get("chromium.version")).containsPattern("\\d+\\.\\d+\\.\\d+").doesNotContain("\n");
        assertThat(new WebBackendProvider().prepare()).isSameAs(id);
        assertThat(ChromiumBinary.versionLine("/usr/bin/chromium: 9: [: 2527: unexpected operator\nChromium 156.0.8078.79 built on Debian\n"))
                .isEqualTo("Chromium 156.0.8078.79 built on Debian");
    }

    @Test
    void theProviderIsFoundThroughTheServiceLoader() {
        assertThat(dev.tandem.device.BackendProvider.find("web")).get().isInstanceOf(WebBackendProvider.class);
    }

    /**
     * The temp dirs a live Chromium made for this profile: where its SingletonSocket and
     * SingletonCookie links point (Chromium creates that dir under $TMPDIR at start). The links are
     * awaited (bounded), not read once: that they exist by the time Chromium's DevTools port is open
     * is an accident of its start-up order, not something Chromium promises.
     */
    static List<Path> tempDirsOf(Path profile) throws IOException {
        List<String> links = List.of("SingletonSocket", "SingletonCookie");
        await(() -> links.stream().allMatch(l -> Files.isSymbolicLink(profile.resolve(l))), 20_000,
                () -> "Chromium made no " + links + " links in " + profile);
        List<Path> out = new java.util.ArrayList<>();
        for (String link : links) {
            Path target = Files.readSymbolicLink(profile.resolve(link));
            if (target.isAbsolute() && !out.contains(target.getParent())) out.add(target.getParent());
        }
        return out;
    }

    /**
     * The root's children in a snapshot, awaited (bounded) until there are some: launchApp returns
     * once the navigation has begun, and the page's load and first layout follow (a plan's steps
     * settle and then wait for their elements; reading one snapshot at once saw an empty page under load).
     */
    private static List<?> awaitPageContent(WebBackend web, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            long version = web.device().uiVersion();
            List<?> children = web.device().snapshot().root().children();
            if (!children.isEmpty() || System.nanoTime() - deadline > 0) return children;
            web.device().awaitUiChange(version, Math.min(deadline, System.nanoTime() + 100_000_000L));
        }
    }

    /** Processes whose command line names this profile directory (the browser and its helpers). */
    static List<Long> chromiumsUsing(Path profile) {
        String needle = profile.toString();
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).filter(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    return cmd.contains(needle) && !cmd.contains("tandem-chromium-watchdog") && !cmd.contains(HoldChromium.class.getName());
                } catch (IOException e) {
                    return false; // exited meanwhile
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Live (not zombie) processes in a process group. */
    static List<Long> processGroup(long pgid) {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).filter(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return !f[0].equals("Z") && Long.parseLong(f[2]) == pgid;
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition, long timeoutMs) {
        await(condition, timeoutMs, () -> "condition not met within " + timeoutMs + " ms");
    }

    private static void await(BooleanSupplier condition, long timeoutMs, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) throw new AssertionError(what.get() + " (waited " + timeoutMs + " ms)");
            LockSupport.parkNanos(5_000_000L); // polling the file system and process table: nothing notifies us
        }
    }
}
