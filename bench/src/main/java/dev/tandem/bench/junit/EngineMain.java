package dev.tandem.bench.junit;

import dev.tandem.protocol.ErrorCategory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

/**
 * One plan through the JUnit Platform launcher and Tandem's engine, as a build's test JVM runs it:
 * {@code EngineMain PLAN OUTPUT}; exit 0 when every test passed. JunitBench times it in a fresh
 * JVM (like {@code tandem run}) and in its own warm one (like a build's second plan).
 */
public final class EngineMain {
    private EngineMain() {}

    public static void main(String[] args) {
        boolean passed = run(LauncherFactory.create(), Path.of(args[0]), Map.of("tandem.output", args[1]));
        System.exit(passed ? ErrorCategory.PASSED_EXIT_CODE : ErrorCategory.PLAN_FAILED.exitCode());
    }

    /** Runs the plan; whether every test of it passed. */
    static boolean run(Launcher launcher, Path plan, Map<String, String> params) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectFile(plan.toFile()))
                .configurationParameters(params).build();
        boolean[] failed = {false};
        int[] tests = {0};
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) tests[0]++;
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) return;
                failed[0] = true;
                System.err.println(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse(result.getStatus().name()));
            }
        });
        return !failed[0] && tests[0] > 0;
    }
}
