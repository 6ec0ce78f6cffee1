package dev.tandem.cli.commands;

import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.IdentitySource;
import dev.tandem.daemon.prepare.JvmRunnerOps;
import dev.tandem.daemon.prepare.PrepareResult;
import dev.tandem.daemon.prepare.Preparer;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Options;

/**
 * {@code tandem prepare}: builds or checks the prepared runner artifacts of this machine, in this
 * process (no daemon needed) with the classes the daemon uses, so CI can gate on it. Exit 0 when
 * every platform is ready, 3 otherwise (docs/prepare.md).
 */
public final class PrepareCmd implements Command {
    static final long DEFAULT_TIMEOUT_S = 300;

    @Override
    public Spec spec() {
        return new Spec("prepare", "Build or health-check the cached runner artifacts (done implicitly on first use).",
                "[--platform sim|web|all] [--json] [--timeout S]");
    }

    @Override
    public Options options() {
        return Opts.of(
                Opts.value("platform", "PLATFORM", "sim (default), web, or all."),
                Opts.json(),
                Opts.value("timeout", "S", "Give up after S seconds (default " + DEFAULT_TIMEOUT_S + "), waiting for another prepare included."));
    }

    @Override
    public int run(Args args, Context ctx) throws Exception {
        if (!args.positional().isEmpty()) {
            throw new TandemException(ErrorCode.USAGE, "prepare takes no arguments, got '" + args.positional().getFirst() + "'");
        }
        String platformArg = args.value("platform", Platform.SIM.name());
        List<PlatformProfile> platforms = platforms(platformArg);
        Long timeoutS = args.longValue("timeout");
        if (timeoutS != null && timeoutS <= 0) throw new TandemException(ErrorCode.USAGE, "--timeout takes a positive number of seconds");
        long deadline = System.nanoTime() + (timeoutS == null ? DEFAULT_TIMEOUT_S : timeoutS) * 1_000_000_000L;
        boolean json = args.flag("json");

        StateDir state = ctx.state().ensure();
        CacheLayout cache = CacheLayout.of(state.cache(), ctx.env());
        Preparer preparer = new Preparer(cache, IdentitySource.forThisProcess(), new JvmRunnerOps(cache, state.logs()),
                RunnerLauncher.Artifact.current().javaBin(), msg -> ctx.err().println("tandem: " + msg));
        List<PrepareResult> results = new ArrayList<>();
        for (PlatformProfile p : platforms) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            PrepareResult r = preparer.prepare(p, left);
            results.add(r);
            if (!json) print(ctx, r);
        }
        // one platform: one object; --platform all: an array, one object per platform
        if (json) ctx.out().println(Json.text(platformArg.equals("all") ? results : results.getFirst()));
        return results.stream().allMatch(PrepareResult::ok) ? ErrorCategory.PASSED_EXIT_CODE : ErrorCode.PREPARE_FAILED.exitCode();
    }

    static List<PlatformProfile> platforms(String name) {
        if (name.equals("all")) return PlatformProfile.runnable();
        var row = PlatformProfile.find(name);
        List<String> names = PlatformProfile.runnable().stream().map(PlatformProfile::name).toList();
        if (row.isPresent()) return List.of(row.get());
        if (Platform.isName(name) && Platform.WELL_KNOWN.contains(Platform.of(name))) {
            // android, ios: known names whose backend is not part of this version
            throw new TandemException(ErrorCode.USAGE, "platform '" + name + "' is reserved for a later version; use one of "
                    + names + " or all");
        }
        throw new TandemException(ErrorCode.USAGE, "unknown platform '" + name + "'; use one of " + names + " or all");
    }

    private static void print(Context ctx, PrepareResult r) {
        var t = r.timing();
        String times = r.durationMs() + " ms (lookup " + t.lookupMs() + ", build " + t.buildMs() + ", health " + t.healthMs() + ")";
        if (r.ok()) {
            ctx.out().println(r.platform() + ": ready, " + r.cache().json() + ", artifact " + r.artifactKey() + " in " + times);
            if (r.recoveryReason() != null) ctx.out().println("  recovered: " + r.recoveryReason());
        } else {
            ctx.out().println(r.platform() + ": FAILED (" + r.failureCode() + ") after " + times);
            ctx.out().println("  " + r.failureReason());
            ctx.out().println("  → " + ErrorCode.valueOf(r.failureCode()).hint());
        }
    }
}
