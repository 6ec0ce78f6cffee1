package dev.tandem.client;

import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.os.Host;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the daemon as a detached process: its own session ({@code setsid}, or perl's on macOS: {@link Host#newSessionPrefix()}, so the terminal's
 * Ctrl-C or hang-up does not reach it), the caller's JVM and classpath (its real jars: {@link ChildClasspath}), output to logs/daemon.log.
 */
final class DaemonSpawner {
    private DaemonSpawner() {}

    static Process spawn(StateDir state, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        cmd.addAll(Host.current().newSessionPrefix());
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(java);
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx512m", "-Xss1m", "-Djava.awt.headless=true"));
        cmd.addAll(List.of("-cp", ChildClasspath.expand(System.getProperty("java.class.path")), "dev.tandem.daemon.DaemonMain"));
        Path log = state.logs().resolve("daemon.log");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("TANDEM_HOME", state.root().toString());
        try {
            Files.createDirectories(state.logs());
            return pb.start();
        } catch (IOException e) {
            throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "cannot start the daemon (" + e.getMessage() + ")");
        }
    }
}
