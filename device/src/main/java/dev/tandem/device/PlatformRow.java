package dev.tandem.device;

import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolTraits;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything the daemon needs to know to run devices of one platform, declared by the platform's
 * backend ({@link BackendProvider#row()}), so the daemon keeps no table of platforms: a new backend
 * brings its row with it.
 *
 * @param platform the platform this row describes
 * @param runnerMain the runner process's main class
 * @param jvmOptions JVM flags for its runners
 * @param externalTools programs the platform needs on the host (checked by {@code tandem prepare})
 * @param cacheFolder the prepared-artifact folder under the cache dir
 * @param healthCommand the command a health check sends to a freshly started runner
 * @param runnerJars the jars (file-name prefixes, matched in the distribution) that make the runner's
 *     classpath: a prepared artifact copies exactly these, and their digests are part of its key
 * @param training commands a training run sends to a runner started from a new artifact, so its
 *     class-data archive holds the classes real commands load
 * @param tools the runner-executed tools this platform's devices can do; a plan step with any other
 *     is refused before its run starts ({@code UNSUPPORTED_ON_PLATFORM}). Engine tools (wait,
 *     barrier, criticalSection) need no device and are always available.
 * @param startTimeoutMs how long a runner may take from launch to ready, its device opened (a sim
 *     or a browser: seconds; an Appium device starts a Node server and a driver session first)
 */
public record PlatformRow(
        Platform platform,
        String runnerMain,
        List<String> jvmOptions,
        List<String> externalTools,
        String cacheFolder,
        String healthCommand,
        List<String> runnerJars,
        List<Command> training,
        Set<Tool> tools,
        long startTimeoutMs) {

    /** What a sim or web runner needs to report ready, with room for a loaded machine. */
    public static final long DEFAULT_START_TIMEOUT_MS = 30_000;

    /** One runner command: a tool's wire name and its parameters. */
    public record Command(String kind, Map<String, Object> params) {}

    public static final String RUNNER_MAIN = "dev.tandem.runner.RunnerMain";
    /** Small heap, quick start: a runner mostly waits on I/O. */
    public static final List<String> SMALL_JVM = List.of(
            // A full GC gives room back down to 40% free (HeapTrim asks for one as the old generation grows).
            "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
            "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=64m", "-XX:CICompilerCount=1",
            "-Djava.awt.headless=true");
    /** What every runner loads: the runner itself, the backend SPI, the wire contracts and JSON. */
    public static final List<String> RUNNER_CORE = List.of("tandem-runner-", "tandem-device-", "tandem-protocol-",
            "jackson-core-", "jackson-databind-", "jackson-annotations-");

    public PlatformRow {
        jvmOptions = List.copyOf(jvmOptions);
        externalTools = List.copyOf(externalTools);
        runnerJars = List.copyOf(runnerJars);
        training = List.copyOf(training);
        tools = Set.copyOf(tools);
    }

    /**
     * The usual row: a JVM runner ({@link #RUNNER_MAIN}, {@link #SMALL_JVM}) with the core jars plus
     * the backend's own, its cache folder named after the platform, {@code ping} as health command,
     * and every runner tool.
     */
    public static PlatformRow jvmRunner(Platform platform, List<String> backendJars, List<String> externalTools,
            List<Command> training) {
        return new PlatformRow(platform, RUNNER_MAIN, SMALL_JVM, externalTools, platform.name(), "ping",
                Stream.concat(RUNNER_CORE.stream(), backendJars.stream()).toList(), training, runnerTools(), DEFAULT_START_TIMEOUT_MS);
    }

    /** The same row with only these tools (besides {@code ping}, which every runner answers). */
    public PlatformRow withTools(Set<Tool> supported) {
        Set<Tool> t = EnumSet.of(Tool.PING);
        t.addAll(supported);
        return new PlatformRow(platform, runnerMain, jvmOptions, externalTools, cacheFolder, healthCommand, runnerJars,
                training, t, startTimeoutMs);
    }

    /** The same row with another start-up bound. */
    public PlatformRow withStartTimeout(long ms) {
        return new PlatformRow(platform, runnerMain, jvmOptions, externalTools, cacheFolder, healthCommand, runnerJars,
                training, tools, ms);
    }

    /** Every tool a runner executes: what sim and web do. */
    public static Set<Tool> runnerTools() {
        EnumSet<Tool> all = EnumSet.noneOf(Tool.class);
        Arrays.stream(Tool.values()).filter(t -> t.traits().executor() == ToolTraits.Executor.RUNNER).forEach(all::add);
        return all;
    }

    /** Whether a device of this platform can do a tool (engine tools: always). */
    public boolean supports(Tool tool) {
        return tool.traits().executor() == ToolTraits.Executor.ENGINE || tools.contains(tool);
    }

    public static Command cmd(String kind, Map<String, Object> params) {
        return new Command(kind, params);
    }
}
