package dev.tandem.cli;

import dev.tandem.cli.commands.DaemonCmd;
import dev.tandem.cli.commands.DevicesCmd;
import dev.tandem.cli.commands.PrepareCmd;
import dev.tandem.cli.commands.RunCmd;
import dev.tandem.cli.commands.SessionsCmd;
import dev.tandem.cli.commands.SnapshotCmd;
import dev.tandem.cli.commands.TestCmd;
import dev.tandem.cli.commands.ValidateCmd;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The command table: every subcommand, in the order the overview lists them. */
public final class Commands {
    public static final List<Command> ALL = List.of(
            new RunCmd(), new TestCmd(), new ValidateCmd(), new DevicesCmd(), new SessionsCmd(), new SnapshotCmd(), new PrepareCmd(),
            new DaemonCmd());

    private Commands() {}

    public static Optional<Command> find(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The closest command name, for "did you mean". */
    public static Optional<String> suggest(String name) {
        return ALL.stream().map(Command::name)
                .min(Comparator.comparingInt(c -> distance(c, name)))
                .filter(c -> distance(c, name) <= Math.max(2, name.length() / 2));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
