package dev.tandem.cli.commands;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/** A parsed command line with typed accessors and USAGE errors that name the option. */
public record Args(CommandLine line) {

    public boolean flag(String name) {
        return line.hasOption(name);
    }

    public String value(String name) {
        return line.getOptionValue(name);
    }

    public String value(String name, String fallback) {
        return line.getOptionValue(name, fallback);
    }

    public List<String> values(String name) {
        String[] v = line.getOptionValues(name);
        return v == null ? List.of() : List.of(v);
    }

    public Long longValue(String name) {
        String v = value(name);
        if (v == null) return null;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new TandemException(ErrorCode.USAGE, "--" + name + " takes a whole number, not '" + v + "'");
        }
    }

    public Integer intValue(String name) {
        Long v = longValue(name);
        return v == null ? null : Math.toIntExact(v);
    }

    public List<String> positional() {
        return line.getArgList();
    }

    /** Exactly {@code n} positional arguments, named {@code what} in the error. */
    public List<String> positional(int min, int max, String what) {
        List<String> p = positional();
        if (p.size() < min) throw new TandemException(ErrorCode.USAGE, "missing " + what);
        if (p.size() > max) throw new TandemException(ErrorCode.USAGE, "unexpected argument '" + p.get(max) + "'");
        return p;
    }
}
