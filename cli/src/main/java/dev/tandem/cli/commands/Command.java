package dev.tandem.cli.commands;

import org.apache.commons.cli.Options;

/** One {@code tandem} subcommand: its name, help, options, and what it does. Listed in {@link Commands}. */
public interface Command {

    /**
     * How the command is named and described.
     *
     * @param summary one line for the command overview
     * @param synopsis the arguments after the name, e.g. {@code PLAN [options]}
     */
    record Spec(String name, String summary, String synopsis) {}

    Spec spec();

    default String name() {
        return spec().name();
    }

    default String summary() {
        return spec().summary();
    }

    default String synopsis() {
        return spec().synopsis();
    }

    Options options();

    /** Runs the command; returns the exit code. Errors are thrown as {@link dev.tandem.protocol.TandemException}. */
    int run(Args args, Context ctx) throws Exception;
}
