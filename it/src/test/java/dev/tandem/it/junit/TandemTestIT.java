package dev.tandem.it.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tandem.client.TandemClient;
import dev.tandem.it.Tandem;
import dev.tandem.junit.Devices;
import dev.tandem.junit.TandemTest;
import dev.tandem.protocol.state.StateDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** @TandemTest through the Jupiter engine: devices leased per test, driven by label, released after it. */
class TandemTestIT {
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem();
    }

    @AfterAll
    static void stop() throws Exception {
        tandem.close();
    }

    @Test
    void devicesAreLeasedDrivenAndReleased() {
        var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(DevicesSample.class));
        tandem.environment().forEach((k, v) -> kit.configurationParameter("tandem.daemon.env." + k, v));
        EngineExecutionResults r = kit.execute();
        r.testEvents().assertThatEvents()
                .haveExactly(1, event(test("signInOnOneDeviceWhileTheOtherWatches"), finishedSuccessfully()))
                .haveExactly(1, event(test("aMissingElementIsAnAssertionFailure"), finishedWithFailure(
                        instanceOf(AssertionFailedError.class), message(m -> m.startsWith("ELEMENT_NOT_FOUND: ")
                                && m.contains("Sign inn") && m.contains("(device A sim-")))));
        try (TandemClient c = TandemClient.find(StateDir.resolve(tandem.environment())).orElseThrow()) {
            assertThat(c.sessions().leases()).noneMatch(l -> l.owner().startsWith("junit "));
        }
    }

    /** Tests written in code, run here through the Jupiter engine (Surefire skips nested classes: never on a real home). */
    @TandemTest(devices = {"A=sim", "B=sim"})
    static class DevicesSample {
        @Test
        void signInOnOneDeviceWhileTheOtherWatches(Devices devices) {
            devices.get("A").launch("com.example.login");
            devices.get("A").tap("Sign in");
            devices.get("A").assertVisible("Password must be at least 8 characters");
            devices.get("B").launch("com.example.login");
            assertThat(devices.get("B").snapshot().screen()).isEqualTo("login");
        }

        @Test
        void aMissingElementIsAnAssertionFailure(Devices devices) {
            devices.get("A").launch("com.example.login");
            devices.get("A").assertVisible("Sign inn");
        }
    }
}
