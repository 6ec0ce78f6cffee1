package dev.tandem.daemon.api;

import dev.tandem.protocol.state.StateDir;
import java.util.Map;

/**
 * What the API needs of the daemon that serves it. An interface here, implemented by
 * {@code Daemon}, so the API package does not depend back on the package that builds it.
 */
public interface DaemonControl {
    /** Marks activity: a request arrived (resets the idle timeout). */
    void touch();

    boolean stopping();

    /** Stops runs, runners and services; returns at once. */
    void stop();

    StateDir state();

    /** The start-up settings the daemon read from its environment, by name. */
    Map<String, String> settings();
}
