package dev.tandem.daemon.sources.appium;

import java.time.Duration;
import java.util.List;

/** Runs a discovery tool ({@code adb}, {@code xcrun}) to its end or its bound; tests pass a fake one. */
@FunctionalInterface
public interface CommandRunner {

    /** Never throws: a tool that cannot start or does not finish is an {@link Outcome} too. */
    Outcome run(List<String> command, Duration timeout);

    sealed interface Outcome {}

    /** It ran to its end. */
    record Exited(int code, String stdout, String stderr) implements Outcome {}

    /** It did not end within its bound, and was killed. */
    record TimedOut(Duration after) implements Outcome {}

    /** It could not be started (the OS refused: not executable, not found). */
    record NotStarted(String why) implements Outcome {}
}
