package dev.tandem.cli.commands;

import dev.tandem.client.TandemClient;
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

    public TandemClient daemon(boolean quiet) {
        return TandemClient.connect(state(), env, quiet);
    }
}
