package dev.tandem.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** What fails before any daemon is asked: an invalid plan, a wrong configuration parameter. */
class EngineFailsWithoutDaemonTest {
    @TempDir
    Path home;

    EngineExecutionResults run(String resource, String key, String value) {
        return EngineTestKit.engine(TandemTestEngine.ID).selectors(selectClasspathResource(resource))
                .configurationParameter("tandem.daemon.env.TANDEM_HOME", home.toString())
                .configurationParameter(key, value).execute();
    }

    @Test
    void anInvalidPlanFailsListingEveryProblemWithItsPosition() {
        var results = run("plans/broken.yaml", "tandem.output", home.resolve("out").toString());
        results.testEvents().assertStatistics(s -> s.started(1).failed(1).succeeded(0));
        results.testEvents().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionFailedError.class),
                message(m -> m.startsWith("VALIDATION: ") && m.contains("(3 problems)")
                        && m.contains("broken.yaml:3:") && m.contains("tapOnn") && m.contains("broken.yaml:6:"))));
        assertThat(home.resolve("daemon.json")).doesNotExist();
    }

    @Test
    void aWrongParameterFailsEachPlanNamingIt() {
        var results = run("plans/more/sign-in.yaml", "tandem.retries", "twice");
        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(TandemError.class),
                message(m -> m.startsWith("USAGE: tandem.retries takes a whole number") && m.contains("'twice'"))));
        assertThat(home.resolve("daemon.json")).doesNotExist();
    }

    @Test
    void aWrongDeviceSpecSaysHowToWriteIt() {
        var results = run("plans/chat.yaml", "tandem.devices", "A=sim,A=web");
        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(TandemError.class),
                message(m -> m.contains("tandem.devices is given twice for label A") && m.contains("`tandem.devices=A=sim`"))));
    }
}
