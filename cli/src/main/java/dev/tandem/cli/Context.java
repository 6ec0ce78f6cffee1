package dev.tandem.cli;

import dev.tandem.protocol.state.StateDir;
import java.io.PrintStream;
import java.util.Map;

/** What every command needs from its surroundings; tests pass their own. */
public record Context(Map<String, String> env, PrintStream out, PrintStream err, boolean tty) {

    public StateDir state() {
        return StateDir.resolve(env);
    }

    /** Color and in-place updates only on a terminal, and never when NO_COLOR is set. */
    public boolean ansi() {
        return tty && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    public DaemonClient daemon(boolean quiet) {
        return DaemonClient.connect(state(), env, quiet);
    }
}
