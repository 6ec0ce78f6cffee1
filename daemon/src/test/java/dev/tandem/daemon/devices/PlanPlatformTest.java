package dev.tandem.daemon.devices;

import dev.tandem.protocol.Platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A single-device plan says where it runs; a url plan never silently lands on a sim. */
class PlanPlatformTest {
    static final DevicePool POOL = DevicePool.fromEnv(Map.of());

    private static Plan plan(String yaml) {
        return PlanLoader.parse(yaml, "p.yaml").orThrow();
    }

    @Test
    void aSingleDevicePlanRunsOnItsDeclaredPlatformAndProfile() {
        Plan p = plan("""
                platform: web
                profile: desktop
                steps: [{tool: launchApp, url: "data:text/html,<h1>Hi</h1>"}]
                """);
        assertThat(Requirements.forPlan(p, Map.of(), null, POOL))
                .containsExactly(new Requirement(Plan.SINGLE_DEVICE_LABEL, Platform.WEB, null, "desktop"));
        assertThat(Requirements.forPlan(p, Map.of(), "sim", POOL)).as("the plan's platform beats --platform")
                .extracting(Requirement::platform).containsExactly(Platform.WEB);
        assertThat(Requirements.forPlan(p, Map.of(Plan.SINGLE_DEVICE_LABEL, "web:pixel-7"), null, POOL))
                .as("--device beats the plan").extracting(Requirement::profile).containsExactly("pixel-7");
    }

    @Test
    void aUrlPlanWithoutPlatformNamesBothWaysToRunItOnTheWeb() {
        Plan p = plan("steps: [{tool: wait, ms: 1}, {tool: launchApp, url: \"https://example.com\"}]");
        assertThatThrownBy(() -> Requirements.forPlan(p, Map.of(), null, POOL))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessage("p.yaml:1:30: plan step 1 opens a url, which needs a web device, but the plan would run on sim: "
                        + "add `platform: web` to the plan, or run it with `platform` web.");
        assertThat(Requirements.forPlan(p, Map.of(), "web", POOL)).extracting(Requirement::platform).containsExactly(Platform.WEB);
    }

    @Test
    void aMultiDeviceUrlStepOnASimLabelIsRefusedBeforeAnythingStarts() {
        Plan p = plan("""
                devices: [A, {label: B, platform: web}]
                steps:
                - {tool: launchApp, device: A, url: "https://example.com"}
                - {tool: launchApp, device: B, url: "https://example.com"}
                """);
        assertThatThrownBy(() -> Requirements.forPlan(p, Map.of(), null, POOL))
                .hasMessageContaining("device A would run on sim: declare it as {label: A, platform: web} under devices, "
                        + "or run with `device` A=web");
        assertThat(Requirements.forPlan(p, Map.of("A", "web"), null, POOL)).extracting(Requirement::platform)
                .isEqualTo(List.of(Platform.WEB, Platform.WEB));
    }
}
