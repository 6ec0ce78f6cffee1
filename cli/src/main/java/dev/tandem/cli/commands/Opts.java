package dev.tandem.cli.commands;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Small builders for the option tables of the commands. */
final class Opts {
    private Opts() {}

    static Options of(Option... options) {
        Options o = new Options();
        for (Option op : options) o.addOption(op);
        return o;
    }

    static Option flag(String name, String desc) {
        return Option.builder().longOpt(name).desc(desc).build();
    }

    static Option value(String name, String arg, String desc) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).build();
    }

    static Option value(String shortName, String name, String arg, String desc) {
        return Option.builder(shortName).longOpt(name).hasArg().argName(arg).desc(desc).build();
    }

    /** Paths as the daemon needs them: absolute, resolved against this CLI's working directory. */
    static java.util.List<String> absolute(java.util.List<String> paths) {
        return paths.stream().map(p -> java.nio.file.Path.of(p).toAbsolutePath().normalize().toString()).toList();
    }

    /** {@code --screenshots MODE}, shared by run and test. */
    static Option screenshots() {
        return value("screenshots", "MODE", "When to take screenshots: off, on-failure (default: the screen of a failed step) "
                + "or every-step (also after each step, shown in report.html's timeline).");
    }

    /** The {@code --screenshots} value; null when not given (the daemon's default). */
    static dev.tandem.protocol.api.ScreenshotMode screenshotMode(Args args) {
        String v = args.value("screenshots");
        if (v == null) return null;
        return dev.tandem.protocol.api.ScreenshotMode.byName(v).orElseThrow(() -> new dev.tandem.protocol.TandemException(
                dev.tandem.protocol.ErrorCode.USAGE, "--screenshots must be " + dev.tandem.protocol.api.ScreenshotMode.names()
                        + ", not '" + v + "'"));
    }

    static Option json() {
        return flag("json", "Machine-readable output on stdout.");
    }
}
