package dev.tandem.daemon.runner;

import java.util.List;

/**
 * The platform profiles table: everything the daemon needs to know to run a device of a platform.
 * A new platform adds a row here, not conditionals elsewhere.
 *
 * @param runnerMain the runner process's main class
 * @param jvmOptions JVM flags for its runners (small heap, quick start: a runner mostly waits on I/O)
 * @param externalTools programs the platform needs on the host
 * @param cacheFolder the prepared-artifact folder under {@code $TANDEM_HOME/cache}
 * @param healthCommand the command a health check sends to a freshly started runner
 * @param available false for reserved rows (later platforms)
 */
public record PlatformProfile(
        String name,
        String runnerMain,
        List<String> jvmOptions,
        List<String> externalTools,
        String cacheFolder,
        String healthCommand,
        boolean available) {

    private static final String RUNNER_MAIN = "dev.tandem.runner.RunnerMain";
    private static final List<String> SMALL_JVM = List.of(
            "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=64m", "-XX:CICompilerCount=1",
            "-Djava.awt.headless=true");

    public static final List<PlatformProfile> TABLE = List.of(
            new PlatformProfile("sim", RUNNER_MAIN, SMALL_JVM, List.of(), "sim", "ping", true),
            new PlatformProfile("web", RUNNER_MAIN, SMALL_JVM, List.of("chromium"), "web", "ping", true),
            new PlatformProfile("android", RUNNER_MAIN, SMALL_JVM, List.of("adb", "appium"), "android", "ping", false),
            new PlatformProfile("ios", RUNNER_MAIN, SMALL_JVM, List.of("xcrun", "appium"), "ios", "ping", false));

    public static PlatformProfile of(String name) {
        return TABLE.stream().filter(p -> p.name.equals(name) && p.available).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown platform '" + name + "'; available: "
                        + TABLE.stream().filter(PlatformProfile::available).map(PlatformProfile::name).toList()));
    }
}
