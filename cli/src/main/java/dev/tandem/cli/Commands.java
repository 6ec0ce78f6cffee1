package dev.tandem.cli;

import dev.tandem.cli.commands.Command;
import dev.tandem.cli.commands.DaemonCmd;
import dev.tandem.cli.commands.DevicesCmd;
import dev.tandem.cli.commands.McpCmd;
import dev.tandem.cli.commands.PrepareCmd;
import dev.tandem.cli.commands.ReportCmd;
import dev.tandem.cli.commands.RunCmd;
import dev.tandem.cli.commands.SessionsCmd;
import dev.tandem.cli.commands.SnapshotCmd;
import dev.tandem.cli.commands.TestCmd;
import dev.tandem.cli.commands.ToolCmd;
import dev.tandem.cli.commands.ValidateCmd;
import dev.tandem.protocol.Suggest;
import java.util.List;
import java.util.Optional;

/** The command table: every subcommand, in the order the overview lists them. */
public final class Commands {
    public static final List<Command> ALL = java.util.stream.Stream.of(
            List.<Command>of(new RunCmd(), new TestCmd(), new ValidateCmd(), new DevicesCmd(), new SessionsCmd(), new SnapshotCmd(),
                    new ReportCmd()),
            ToolCmd.all(), // tap, type, press, swipe, launch, stop-app, screenshot: one per row of the tool table that has a command
            List.<Command>of(new McpCmd(), new PrepareCmd(), new DaemonCmd()))
            .flatMap(List::stream).toList();

    private Commands() {}

    public static Optional<Command> find(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The closest command name, for "did you mean". */
    public static Optional<String> suggest(String name) {
        return Optional.ofNullable(Suggest.closest(name, ALL.stream().map(Command::name).toList()));
    }
}
