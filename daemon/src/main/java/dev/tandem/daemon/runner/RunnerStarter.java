package dev.tandem.daemon.runner;

/**
 * Starts the runner of one device. The local pools start a runner process ({@link RunnerLauncher});
 * a device source may start its runners otherwise (a test source runs one in the daemon's process).
 */
@FunctionalInterface
public interface RunnerStarter {
    RunnerHandle start(RunnerLauncher.Launch launch, RunnerLauncher.Artifact artifact);
}
