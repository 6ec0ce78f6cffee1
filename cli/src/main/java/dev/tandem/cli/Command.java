package dev.tandem.cli;

import org.apache.commons.cli.Options;

/** One {@code tandem} subcommand: its name, help, options, and what it does. Listed in {@link Commands}. */
public interface Command {
    String name();

    /** One line for the command overview. */
    String summary();

    /** Arguments after the name, e.g. {@code PLAN [options]}. */
    String synopsis();

    Options options();

    /** Runs the command; returns the exit code. Errors are thrown as {@link dev.tandem.protocol.TandemException}. */
    int run(Args args, Context ctx) throws Exception;
}
