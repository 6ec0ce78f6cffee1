package dev.tandem.daemon.runner;

import java.util.List;
import java.util.Map;

/**
 * The platform profiles table: everything the daemon needs to know to run a device of a platform.
 * A new platform adds a row here, not conditionals elsewhere.
 *
 * @param runnerMain the runner process's main class
 * @param jvmOptions JVM flags for its runners (small heap, quick start: a runner mostly waits on I/O)
 * @param externalTools programs the platform needs on the host
 * @param cacheFolder the prepared-artifact folder under {@code $TANDEM_HOME/cache}
 * @param healthCommand the command a health check sends to a freshly started runner
 * @param runnerJars the jars (file-name prefixes, matched in the distribution) that make the runner's
 *     classpath: a prepared artifact copies exactly these, and their digests are part of its key
 * @param training commands a training run sends to a runner started from a new artifact, so the
 *     class-data archive holds the classes real commands load (start-up and prewarm are recorded anyway)
 * @param available false for reserved rows (later platforms)
 */
public record PlatformProfile(
        String name,
        String runnerMain,
        List<String> jvmOptions,
        List<String> externalTools,
        String cacheFolder,
        String healthCommand,
        List<String> runnerJars,
        List<Command> training,
        boolean available) {

    /** One runner command: a tool's wire name and its parameters. */
    public record Command(String kind, Map<String, Object> params) {}

    private static final String RUNNER_MAIN = "dev.tandem.runner.RunnerMain";
    private static final List<String> SMALL_JVM = List.of(
            // A full GC gives room back down to 40% free (HeapTrim asks for one as the old generation grows).
            "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
            "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=64m", "-XX:CICompilerCount=1",
            "-Djava.awt.headless=true");
    /** What every runner loads: the runner itself, the backend SPI, the wire contracts and JSON. */
    private static final List<String> RUNNER_CORE = List.of("tandem-runner-", "tandem-device-", "tandem-protocol-",
            "jackson-core-", "jackson-databind-", "jackson-annotations-");

    private static List<String> jars(String... backend) {
        return java.util.stream.Stream.concat(RUNNER_CORE.stream(), java.util.Arrays.stream(backend)).toList();
    }

    private static Command cmd(String kind, Map<String, Object> params) {
        return new Command(kind, params);
    }

    public static final List<PlatformProfile> TABLE = List.of(
            new PlatformProfile("sim", RUNNER_MAIN, SMALL_JVM, List.of(), "sim", "ping",
                    jars("tandem-sim-", "tandem-apps-", "snakeyaml-engine-"),
                    List.of(cmd("ping", Map.of()),
                            cmd("launchApp", Map.of("appId", "com.example.login", "clearState", true)),
                            cmd("tapOn", Map.of("id", "email")),
                            cmd("inputText", Map.of("text", "ada@example.com")),
                            cmd("observe", Map.of()),
                            cmd("screenshot", Map.of("name", "prepare")),
                            cmd("pressButton", Map.of("button", "back"))),
                    true),
            new PlatformProfile("web", RUNNER_MAIN, SMALL_JVM, List.of("chromium"), "web", "ping",
                    jars("tandem-web-"),
                    List.of(cmd("ping", Map.of()), cmd("observe", Map.of()), cmd("screenshot", Map.of("name", "prepare"))),
                    true),
            new PlatformProfile("android", RUNNER_MAIN, SMALL_JVM, List.of("adb", "appium"), "android", "ping",
                    jars(), List.of(), false),
            new PlatformProfile("ios", RUNNER_MAIN, SMALL_JVM, List.of("xcrun", "appium"), "ios", "ping",
                    jars(), List.of(), false));

    public static PlatformProfile of(String name) {
        return TABLE.stream().filter(p -> p.name.equals(name) && p.available).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown platform '" + name + "'; available: "
                        + runnable().stream().map(PlatformProfile::name).toList()));
    }

    /** The rows that can run devices now, in table order. */
    public static List<PlatformProfile> runnable() {
        return TABLE.stream().filter(PlatformProfile::available).toList();
    }
}
