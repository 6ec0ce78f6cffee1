package dev.tandem.daemon.prepare.appium;

import java.nio.file.Path;

/**
 * What preparing Appium needs real processes for (node, npm, the Appium CLI and server).
 * {@link NpmAppiumOps} runs them; unit tests pass a fake, so the cache logic is tested without
 * them. Every method returns or throws by {@code deadlineNanos} ({@link System#nanoTime}).
 */
public interface AppiumOps {

    /** {@code node --version}, after checking npm is there too; throws {@code NODE_MISSING} when either is absent. */
    NodeVersion node(long deadlineNanos);

    /** The Xcode fingerprint ({@code xcodebuild -version} and the iOS simulator SDK version) on macOS; null elsewhere or without Xcode. */
    String xcode(long deadlineNanos);

    /**
     * Installs the pinned server into {@code dir} (a new directory) and the identity's drivers into
     * {@code dir/home}; throws a {@link dev.tandem.protocol.TandemException} saying what failed.
     */
    void install(Path dir, AppiumIdentity identity, long deadlineNanos);

    /**
     * Null when {@code install} lists its drivers at their versions from inside it, and a server
     * started from it on 127.0.0.1 answers {@code /status} ready and loads them; else why not.
     * The server is stopped, its process tree included.
     */
    String healthProblem(AppiumInstall install, long deadlineNanos);
}
