package dev.tandem.runner;

import dev.tandem.device.Backend;
import dev.tandem.device.BackendProvider;
import dev.tandem.device.DeviceSpec;
import dev.tandem.protocol.Dirs;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.os.Host;
import dev.tandem.protocol.os.PortHolder;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.http.LoopbackHttpServer;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * A runner process: one device, one backend. Started by the daemon; binds its own port (0 by
 * default) and reports it on stdout as one line, {@code TANDEM_RUNNER_READY {json}}, or
 * {@code TANDEM_RUNNER_FAILED {code, message}} and a non-zero exit. After that, stdout is closed
 * and everything goes to stderr (the daemon sends it to the runner's log file).
 */
public final class RunnerMain {
    public static final String READY = "TANDEM_RUNNER_READY ";
    public static final String FAILED = "TANDEM_RUNNER_FAILED ";

    private RunnerMain() {}

    public static void main(String[] args) {
        PrintStream handshake = System.out;
        System.setOut(System.err);
        RunnerConfig config;
        try {
            config = RunnerConfig.parse(args, System.getenv());
        } catch (RuntimeException e) {
            fail(handshake, new ErrorInfo(ErrorCode.USAGE, "runner: " + e.getMessage()));
            return;
        }
        try {
            run(config, handshake);
        } catch (TandemException e) {
            fail(handshake, e.info());
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            fail(handshake, new ErrorInfo(ErrorCode.RUNNER_FAILED, "runner for " + config.device() + " failed to start: " + e));
        }
    }

    private static void run(RunnerConfig config, PrintStream handshake) throws IOException {
        BackendProvider provider = BackendProvider.find(config.platform()).orElseThrow(() -> new TandemException(
                ErrorCode.RUNNER_FAILED, "no backend for platform '" + config.platform() + "' on the runner's classpath"));
        Dirs.ensure(config.workDir(), "the device's work dir");
        Dirs.ensure(config.journalDir(), "the runner's journal dir");
        Dirs.ensure(config.artifactsDir(), "the runner's artifacts dir");
        // before the backend touches the work dir (a browser profile): one runner per device, held by the runner
        DeviceLock.acquire(config.workDir(), config.device());
        Backend backend = provider.open(new DeviceSpec(config.device(), config.profile(), config.workDir(), config.options()));
        String bootId = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        CommandJournal journal = new CommandJournal(bootId, config.journalDir(), config.durability());
        Faults faults = Faults.fromEnv(System.getenv());
        if (faults.enabled()) System.err.println("runner " + config.device() + ": TEST FAULT INJECTION IS ON (TANDEM_TEST_FAULTS=1)");
        CommandProcessor processor = new CommandProcessor(backend, journal, config.artifactsDir(), faults);
        long pid = ProcessHandle.current().pid();
        Uptime uptime = new Uptime(bootId, pid, Version.VERSION, config.artifactKey(), config.platform(),
                config.device(), System.currentTimeMillis(), provider.deviceStateSurvivesRunnerRestart());
        Watchdog watchdog = new Watchdog(config.daemonPid(), config.orphanTtlMs());
        Runnable exit = () -> System.exit(ErrorCategory.PASSED_EXIT_CODE);
        LoopbackHttpServer server;
        try {
            server = new RunnerServer(uptime, processor, watchdog, exit).start(config.port(), config.token());
        } catch (BindException e) {
            backend.close();
            throw new TandemException(ErrorCode.PORT_IN_USE, "runner port " + config.port() + " on 127.0.0.1 is taken"
                    + Host.current().portHolder(config.port()).map(PortHolder::describe).orElse("") + "; choose another --runner-port or stop that process");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            backend.close();
            journal.close();
        }, "runner-shutdown"));
        // Off by default: a warm-up costs ~0.5 s of start-up and (sim) loads AWT for a screenshot,
        // ~15 MB of RSS, to save tens of ms on the first command. Prepared artifacts (AppCDS)
        // already cut class loading. TANDEM_RUNNER_PREWARM=1 turns it on.
        if ("1".equals(System.getenv("TANDEM_RUNNER_PREWARM"))) {
            try {
                backend.prewarm();
            } catch (RuntimeException e) {
                // a warm-up is an optimisation: a failing one is logged, never fatal
                System.err.println("runner " + config.device() + ": prewarm failed: " + e);
            }
        }
        watchdog.start(exit);
        HeapTrim.start();
        handshake.println(READY + Json.text(Map.of("port", server.port(), "bootId", bootId, "pid", pid,
                "deviceStateSurvivesRestart", uptime.deviceStateSurvivesRestart(), "ports", backend.ports())));
        handshake.flush();
        handshake.close();
        System.err.println("runner " + config.device() + " (" + config.platform() + ") boot " + bootId
                + " listening on 127.0.0.1:" + server.port());
    }

    private static void fail(PrintStream handshake, ErrorInfo error) {
        System.err.println("runner failed: " + error.code() + ": " + error.message());
        handshake.println(FAILED + Json.text(error));
        handshake.flush();
        System.exit(error.code().exitCode());
    }
}
