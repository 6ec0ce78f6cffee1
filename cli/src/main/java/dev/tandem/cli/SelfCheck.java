package dev.tandem.cli;

import dev.tandem.cli.commands.Context;
import dev.tandem.cli.commands.Errors;
import dev.tandem.cli.selfcheck.FakeDaemon;
import dev.tandem.cli.selfcheck.SampleEvents;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.state.StateDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code tandem self-check [PLAN…]} (not in the help: the launcher's tool): validates the given
 * plans as {@code validate --json} does, then drives {@code run} and {@code test} through the real
 * client and renderers (plain, live and JSON) against a {@link FakeDaemon} in this JVM, on
 * {@link SampleEvents} that hold every event type, and checks each command line ends with its exit
 * code. The launcher trains its class-data-sharing archive on it, so a warm {@code tandem run}
 * finds the classes that read and show events in the archive instead of loading them from jars.
 * It starts no process and uses a throwaway state dir, never the user's.
 */
final class SelfCheck {
    static final String NAME = "self-check";

    private SelfCheck() {}

    /** One command line, the events the daemon answers it with, how its output is shown, its exit code. */
    private record Scenario(String what, List<String> args, List<RunEvent> events, Mode mode, int exitCode) {}

    /** How a command's output is shown: appended lines, in place on a terminal, or JSON. */
    private enum Mode { PLAIN, LIVE, JSON }

    static int run(String[] args, Context ctx) {
        Path home = null;
        try {
            home = Files.createTempDirectory("tandem-self-check-");
            Path plan = Files.writeString(home.resolve("self-check.yaml"), "steps:\n  - tool: launchApp\n    appId: com.example.login\n");
            List<SampleEvents.Sample> samples = SampleEvents.all(home.resolve("out").toString());
            Map<String, String> env = new HashMap<>(ctx.env());
            env.put("TANDEM_HOME", home.resolve("state").toString());
            List<Scenario> scenarios = new ArrayList<>();
            if (args.length > 1) {
                List<String> validate = new ArrayList<>(List.of("validate", "--json"));
                validate.addAll(Arrays.asList(args).subList(1, args.length));
                scenarios.add(new Scenario("the plans given", validate, List.of(), Mode.JSON, ErrorCategory.PASSED_EXIT_CODE));
            }
            scenarios.addAll(scenarios(samples, plan, home.resolve("out")));
            scenarios.addAll(deviceCommands(home.resolve("shot.png")));
            try (FakeDaemon daemon = FakeDaemon.start(StateDir.resolve(env), env)) {
                for (Scenario s : scenarios) {
                    daemon.next(s.events());
                    check(s, env);
                }
            }
            ctx.out().println("tandem " + NAME + ": ok · " + scenarios.size() + " command lines, " + samples.size()
                    + " event streams (" + SampleEvents.types(samples).size() + " event types) through the client and renderers");
            return ErrorCategory.PASSED_EXIT_CODE;
        } catch (IOException e) {
            return Errors.report(ctx, new TandemException(ErrorCode.INTERNAL, NAME + " could not set up its throwaway state dir ("
                    + e.getMessage() + "); check that the temp dir (" + System.getProperty("java.io.tmpdir") + ") is writable"), false);
        } catch (TandemException e) {
            return Errors.report(ctx, e, false);
        } finally {
            deleteTree(home);
        }
    }

    private static List<Scenario> scenarios(List<SampleEvents.Sample> samples, Path plan, Path out) {
        List<Scenario> all = new ArrayList<>();
        for (SampleEvents.Sample s : samples) {
            List<String> base = List.of(s.request().command, plan.toString(), "-o", out.toString());
            List<String> json = new ArrayList<>(base);
            json.add("--json");
            String what = "the " + s.name() + " sample";
            all.add(new Scenario(what, base, s.events(), Mode.PLAIN, s.exitCode()));
            all.add(new Scenario(what, base, s.events(), Mode.LIVE, s.exitCode()));
            all.add(new Scenario(what, json, s.events(), Mode.JSON, s.exitCode()));
        }
        return all;
    }

    /** The one-shot commands, snapshot and devices, plain and JSON: agents start each as its own process. */
    private static List<Scenario> deviceCommands(Path shot) {
        List<Scenario> all = new ArrayList<>();
        List<List<String>> lines = List.of(List.of("devices"), List.of("snapshot", "--device", "sim-1"),
                List.of("tap", "--device", "sim-1", "@e2"), List.of("type", "--device", "sim-1", "--ref", "@e1", "ana@example.com"),
                List.of("press", "--device", "sim-1", "back"), List.of("screenshot", "--device", "sim-1", "--out", shot.toString()));
        for (List<String> line : lines) {
            all.add(new Scenario("a sample reply", line, List.of(), Mode.PLAIN, ErrorCategory.PASSED_EXIT_CODE));
            List<String> json = new ArrayList<>(line);
            json.add("--json");
            all.add(new Scenario("a sample reply", json, List.of(), Mode.JSON, ErrorCategory.PASSED_EXIT_CODE));
        }
        return all;
    }

    private static void check(Scenario s, Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        boolean tty = s.mode() == Mode.LIVE;
        if (tty) {
            e.remove("NO_COLOR");
            e.put("TERM", "xterm-256color");
        } else {
            e.put("NO_COLOR", "1");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = Main.run(s.args().toArray(String[]::new), new Context(Map.copyOf(e), sink, sink, tty));
        if (exit != s.exitCode()) {
            String said = bytes.toString(StandardCharsets.UTF_8).strip();
            String mode = s.mode().name().toLowerCase(java.util.Locale.ROOT);
            throw new TandemException(ErrorCode.INTERNAL, NAME + ": `tandem " + String.join(" ", s.args()) + "` (" + mode
                    + " output) on " + s.what() + " exited " + exit + ", not " + s.exitCode()
                    + (said.isEmpty() ? "" : "; its last line: " + said.lines().reduce((a, b) -> b).orElse("")));
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp dir left behind is harmless; the OS cleans the temp dir
        }
    }
}
