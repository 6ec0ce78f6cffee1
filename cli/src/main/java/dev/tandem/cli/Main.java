package dev.tandem.cli;

import dev.tandem.cli.commands.Args;
import dev.tandem.cli.commands.Command;
import dev.tandem.cli.commands.Context;
import dev.tandem.cli.commands.Errors;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Version;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** The {@code tandem} command line. Exit codes: 0 passed, 1 a plan failed, 2 invalid input, 3 environment. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Jackson builds the typed events reflectively; since JDK 18 each first reflective call spins
        // method handles, ~40 ms of a warm `tandem run`. The JDK's native accessors cost nothing to set
        // up, and a short-lived CLI never makes enough calls for their slower calls to matter. Read on
        // first reflective use, so it must come before any (an unknown property on other JDKs is inert).
        System.setProperty("jdk.reflect.useNativeAccessorOnly", "true");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Ctrl-C (or a kill) ends the JVM through its shutdown hooks: say what became of the work
        // instead of vanishing with exit 130; a normal exit sets `finished` first and says nothing.
        AtomicBoolean finished = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) err.println(INTERRUPTED);
        }, "interrupt-note"));
        int code = run(args, new Context(System.getenv(), out, err, isTerminal()));
        finished.set(true);
        out.flush();
        err.flush();
        // A success with nothing left running ends by returning: System.exit logs the exit through
        // System.Logger, whose first use scans every jar on the classpath for a logging backend
        // (~25 ms of a one-shot `tandem tap`, whose budget is 150 ms). The shutdown hooks run either way.
        if (code == ErrorCategory.PASSED_EXIT_CODE && aloneInItsGroup()) {
            // a non-daemon thread outside main's group (none is known) would keep the JVM up: end it anyway
            Thread.ofPlatform().daemon().name("exit-guard").start(() -> {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.exit(code);
            });
            return;
        }
        System.exit(code);
    }

    /** Whether no other live non-daemon thread was started from main (one would keep the JVM up after main returns). */
    private static boolean aloneInItsGroup() {
        Thread[] threads = new Thread[Thread.activeCount() + 8];
        int n = Thread.currentThread().getThreadGroup().enumerate(threads, true);
        if (n >= threads.length) return false; // more than counted: do not guess
        for (int i = 0; i < n; i++) {
            if (threads[i] != Thread.currentThread() && threads[i].isAlive() && !threads[i].isDaemon()) return false;
        }
        return true;
    }

    /** Said when the CLI is interrupted: the daemon notices the closed stream and cleans up. */
    static final String INTERRUPTED = "tandem: interrupted: the daemon aborts what this command started (a run is recorded "
            + "as aborted in its results) and frees its devices; `tandem sessions` shows who holds what.";

    /**
     * Whether stdout is a terminal. Java 22+ always returns a Console and says so through
     * {@code isTerminal()}; Java 21 returns none when not interactive.
     */
    static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Runs the CLI in-process (tests use this too); returns the exit code. */
    public static int run(String[] args, Context ctx) {
        if (args.length == 0) { // a command is missing: the overview, as a usage error
            overview(ctx.err());
            return ErrorCode.USAGE.exitCode();
        }
        if (args[0].equals("-h") || args[0].equals("--help")) {
            overview(ctx.out());
            return ErrorCategory.PASSED_EXIT_CODE;
        }
        boolean wantsJson = Arrays.asList(args).contains("--json");
        if (args[0].equals("-V") || args[0].equals("--version")) {
            ctx.out().println("tandem " + Version.VERSION + " (Java " + Runtime.version() + ")");
            return ErrorCategory.PASSED_EXIT_CODE;
        }
        if (args[0].equals("help")) {
            if (args.length > 1 && Commands.find(args[1]).isPresent()) help(Commands.find(args[1]).get(), ctx.out());
            else overview(ctx.out());
            return ErrorCategory.PASSED_EXIT_CODE;
        }
        if (args[0].equals(SelfCheck.NAME)) return SelfCheck.run(args, ctx);
        var command = Commands.find(args[0]);
        if (command.isEmpty()) {
            String hint = Commands.suggest(args[0]).map(s -> " Did you mean '" + s + "'?").orElse("");
            return usage(ctx, "unknown command '" + args[0] + "'." + hint, wantsJson);
        }
        Command c = command.get();
        try {
            // --devices FILE is the daemon's: it reaches the daemon as a start-up setting (TANDEM_DEVICES_FILE)
            Devices devices = Devices.take(args);
            args = devices.args();
            ctx = devices.apply(ctx);
        } catch (TandemException e) {
            return Errors.report(ctx, e, wantsJson);
        }
        Options options = c.options();
        options.addOption(Option.builder("h").longOpt("help").desc("Show this command's help.").build());
        Args parsed;
        try {
            parsed = new Args(DefaultParser.builder().setAllowPartialMatching(false).build()
                    .parse(options, Arrays.copyOfRange(args, 1, args.length)));
        } catch (ParseException e) {
            return usage(ctx, e.getMessage() + " (see `tandem " + c.name() + " --help`)", wantsJson);
        }
        if (parsed.flag("help")) {
            help(c, ctx.out());
            return ErrorCategory.PASSED_EXIT_CODE;
        }
        boolean json = options.hasLongOption("json") && parsed.flag("json");
        try {
            return c.run(parsed, ctx);
        } catch (TandemException e) {
            return Errors.report(ctx, e, json);
        } catch (Exception e) {
            e.printStackTrace(ctx.err());
            return Errors.report(ctx, new TandemException(ErrorCode.INTERNAL, e.toString()), json);
        }
    }

    /** The {@code --devices FILE} flag, taken out of the command's arguments. */
    record Devices(String[] args, String file) {
        static Devices take(String[] args) {
            java.util.List<String> rest = new java.util.ArrayList<>();
            String file = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--")) {
                    rest.addAll(Arrays.asList(args).subList(i, args.length));
                    break;
                }
                if (a.equals("--devices") || a.startsWith("--devices=")) {
                    String v = a.equals("--devices") ? (i + 1 < args.length ? args[++i] : null) : a.substring("--devices=".length());
                    if (v == null || v.isBlank()) {
                        throw new TandemException(ErrorCode.USAGE, "--devices needs a FILE: the devices.yaml to use (see docs/devices.md)");
                    }
                    file = java.nio.file.Path.of(v).toAbsolutePath().normalize().toString();
                } else {
                    rest.add(a);
                }
            }
            return new Devices(rest.toArray(String[]::new), file);
        }

        Context apply(Context ctx) {
            if (file == null) return ctx;
            java.util.Map<String, String> env = new java.util.HashMap<>(ctx.env());
            env.put("TANDEM_DEVICES_FILE", file);
            return new Context(java.util.Map.copyOf(env), ctx.out(), ctx.err(), ctx.tty());
        }
    }

    private static int usage(Context ctx, String message, boolean json) {
        return Errors.report(ctx, new TandemException(ErrorCode.USAGE, message), json);
    }

    static void overview(PrintStream out) {
        out.println("tandem " + Version.VERSION + " — runs UI test plans on many devices at once.");
        out.println();
        out.println("Usage: tandem COMMAND [options]");
        out.println();
        out.println("Commands:");
        for (Command c : Commands.ALL) out.printf("  %-10s %s%n", c.name(), c.summary());
        out.println();
        out.println("  tandem COMMAND --help   shows a command's options; tandem --version prints the version.");
        out.println("Exit codes: 0 passed · 1 a plan failed · 2 invalid input · 3 environment or infrastructure.");
        out.println("State: $TANDEM_HOME (default ~/.tandem). Docs: README.md and docs/.");
    }

    static void help(Command c, PrintStream out) {
        Options options = c.options();
        if (!options.hasOption("help")) options.addOption(Option.builder("h").longOpt("help").desc("Show this help.").build());
        PrintWriter w = new PrintWriter(out, true);
        HelpFormatter f = new HelpFormatter();
        f.setOptionComparator(null);
        f.printHelp(w, 100, "tandem " + c.name() + " " + c.synopsis(), c.summary(), options, 2, 2, "");
        w.flush();
    }
}
