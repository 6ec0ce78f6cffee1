package dev.tandem.junit;

import dev.tandem.plan.CriticalSection;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.Plan;
import dev.tandem.plan.SourcePos;
import dev.tandem.plan.Step;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.api.ValidationError;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a failed track, an aborted one or an invalid plan throws: Tandem's code and message (with
 * the closest matches the device found), the step and its position in the plan, the failure's
 * screenshot and the run's directory, so a Surefire report alone says what to look at.
 */
final class Failures {
    private Failures() {}

    /** Throws: a plan step failed (AssertionFailedError), or the infrastructure took the device (TandemError). */
    static void throwFailed(String label, DeviceResult d, Plan plan, String dir) {
        Failure f = d.failure();
        if (f == null) throw new AssertionFailedError("device " + label + " failed without a recorded failure; see " + dir);
        if (f.code().category() == ErrorCategory.INFRASTRUCTURE) {
            throw new TandemError(new ErrorInfo(f.code(), f.message() + where(label, f, plan) + details(f, dir)));
        }
        throw new AssertionFailedError(f.code() + ": " + f.message() + where(label, f, plan) + details(f, dir));
    }

    /** Another device's failure (or an abort from outside) stopped this track. */
    static TestAbortedException aborted(String label, RunResult r, String dir) {
        RunResult.RootCause root = r.rootCause();
        String why = root == null || root.failure() == null ? "the run was aborted"
                : "device " + root.device() + " failed first: " + root.failure().code() + ": " + root.failure().message();
        return new TestAbortedException("device " + label + " was stopped: " + why + "; see " + dir);
    }

    /** The daemon's diagnostics for a plan it refused to run. */
    static AssertionFailedError invalid(Path file, List<ValidationError> errors, int more) {
        String lines = errors.stream().map(e -> "  " + (e.pos() == null ? file.toString()
                : e.pos().toString()) + ": " + e.message()
                + (e.hint() == null ? "" : " (" + e.hint() + ")")).collect(Collectors.joining("\n"));
        return new AssertionFailedError(header(file, errors.size() + more) + lines + more(more));
    }

    /** The plan loader's diagnostics for a plan that does not load. */
    static AssertionFailedError invalidPlan(Path file, List<Diagnostic> errors, int more) {
        return new AssertionFailedError(header(file, errors.size() + more)
                + errors.stream().map(d -> "  " + d).collect(Collectors.joining("\n")) + more(more));
    }

    private static String header(Path file, int n) {
        return "VALIDATION: " + file + " is not a valid plan (" + n + (n == 1 ? " problem" : " problems")
                + "); fix it at the positions below, then check it with `tandem validate " + file + "`:\n";
    }

    private static String more(int more) {
        return more > 0 ? "\n  ... and " + more + " more" : "";
    }

    private static String where(String label, Failure f, Plan plan) {
        if (f.trackStep() < 0) return "\n  at a sync point of device " + label + pos(plan, f.planStep(), label, f.tool());
        return "\n  at step " + f.planStep() + " (" + f.tool() + ") of device " + label + pos(plan, f.planStep(), label, f.tool());
    }

    private static String details(Failure f, String dir) {
        return (f.screenshot() == null ? "" : "\n  screenshot: " + f.screenshot()) + "\n  run: " + dir;
    }

    private static String pos(Plan plan, int planStep, String label, String tool) {
        SourcePos p = position(plan, planStep, label, tool);
        return p == null ? "" : ", " + p;
    }

    /** The failed step's position: the step itself, or the one of this device in its critical section. */
    static SourcePos position(Plan plan, int planStep, String label, String tool) {
        if (plan == null || planStep < 0 || planStep >= plan.steps().size()) return null;
        Step s = plan.steps().get(planStep);
        if (!(s instanceof ToolStep)) {
            for (ToolStep t : s.toolSteps()) {
                if ((t.device() == null || label.equals(t.device())) && t.tool().wireName().equals(tool)) return t.pos();
            }
        }
        return s.pos();
    }
}
