package dev.tandem.daemon;

import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.ErrorCategory;

/** Entry point of the daemon process, started detached by the CLI. */
public final class DaemonMain {
    private DaemonMain() {}

    public static void main(String[] args) throws Exception {
        Daemon daemon = new Daemon(StateDir.resolve(System.getenv()), System.getenv());
        try {
            if (!daemon.start()) System.exit(ErrorCategory.PASSED_EXIT_CODE); // another daemon already serves this state dir
        } catch (Throwable e) {
            // start() has released daemon.lock; exiting ends any thread it had started
            e.printStackTrace();
            System.exit(ErrorCategory.INFRASTRUCTURE.exitCode());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM/SIGINT: stop the runners too, as `tandem daemon stop` would (bounded)
            daemon.stop();
            try {
                daemon.awaitStopped(15_000);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }, "daemon-signal"));
        daemon.awaitStopped();
        System.exit(ErrorCategory.PASSED_EXIT_CODE);
    }
}
