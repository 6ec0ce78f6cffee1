package dev.tandem.daemon.devices;

import dev.tandem.device.BackendProvider;
import dev.tandem.device.PlatformRow;
import dev.tandem.plan.CriticalSection;
import dev.tandem.plan.Plan;
import dev.tandem.plan.Step;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which tools each platform's devices can do, as its backend declares ({@link PlatformRow#tools()}).
 * A plan step whose tool its device's platform cannot do is refused before any runner starts
 * ({@code UNSUPPORTED_ON_PLATFORM}), instead of failing deep in the run.
 */
public record Capabilities(Function<Platform, Optional<PlatformRow>> rows) {
    private static final java.util.Map<Platform, Optional<PlatformRow>> ROWS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The backends on the classpath; a platform with no backend here is not checked (its runner says so). */
    public static final Capabilities BACKENDS = new Capabilities(Capabilities::backendRow);

    /** A backend's row, looked up once per platform (the classpath does not change). */
    private static Optional<PlatformRow> backendRow(Platform p) {
        return ROWS.computeIfAbsent(p, x -> BackendProvider.find(x.name()).map(BackendProvider::row));
    }

    /** Refuses the first step of {@code label}'s track whose tool {@code platform} does not support. */
    public void check(Plan plan, String label, Platform platform, boolean givenOnCommandLine) {
        Optional<PlatformRow> row = rows.apply(platform);
        if (row.isEmpty()) return;
        for (Step s : plan.steps()) {
            for (ToolStep t : s.toolStepsOn(platform.name())) {
                boolean mine = !plan.multiDevice() || label.equals(t.device());
                if (mine && !row.get().supports(t.tool())) throw unsupported(plan, label, platform, t, givenOnCommandLine);
            }
        }
    }

    private static TandemException unsupported(Plan plan, String label, Platform platform, ToolStep t, boolean given) {
        String who = plan.multiDevice() ? "device " + label : "the plan's device";
        String other = platform.equals(Platform.SIM) ? "web" : "sim";
        String fix = plan.multiDevice() ? "run " + label + " on another platform (`device " + label + "=" + other + "`"
                + (given ? "" : " or `platform:` in its devices entry") + ")"
                : "run the plan on another platform (`device " + other + "`" + (given ? "" : " or `platform:` in the plan") + ")";
        Tool tool = t.tool();
        return new TandemException(ErrorCode.UNSUPPORTED_ON_PLATFORM, t.pos() + ": plan step " + t.planIndex() + " (" + tool
                + ") cannot run on " + who + ": platform " + platform + " does not support " + tool + "; " + fix
                + ", or remove the step.");
    }
}
