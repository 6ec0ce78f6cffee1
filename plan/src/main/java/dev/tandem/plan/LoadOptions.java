package dev.tandem.plan;

import java.util.Map;

/**
 * What a plan's parameters are filled in from, besides its own {@code env:}.
 *
 * @param params the values given with {@code -e NAME=VALUE} (they win over the plan's env:)
 * @param environment the process environment of whoever asked for the run (the CLI's, not the
 *     daemon's: a daemon started in another shell must not change what a plan means)
 * @param fill false: {@code ${...}} is text like any other (a device command typed by an agent
 *     or {@code tandem tool} is not a plan, and must type what it was given)
 */
public record LoadOptions(Map<String, String> params, Map<String, String> environment, boolean fill) {
    /** No -e values and an empty environment: a plan means only what its files say. */
    public static final LoadOptions NONE = new LoadOptions(Map.of(), Map.of());
    /** No parameters at all: every value is taken as written. */
    public static final LoadOptions LITERAL = new LoadOptions(Map.of(), Map.of(), false);

    public LoadOptions(Map<String, String> params, Map<String, String> environment) {
        this(params, environment, true);
    }

    public LoadOptions {
        params = params == null ? Map.of() : Map.copyOf(params);
        environment = environment == null ? Map.of() : environment;
    }

    /** Whether {@code name} can be a parameter's name: a letter or '_', then letters, digits and '_'. */
    public static boolean isName(String name) {
        return Parameters.isName(name);
    }

    /** {@code params} and this process's environment: for front ends that load plans themselves. */
    public static LoadOptions here(Map<String, String> params) {
        return new LoadOptions(params, System.getenv());
    }
}
