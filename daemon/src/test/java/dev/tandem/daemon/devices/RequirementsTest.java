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
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Device choices that can never be served are usage errors (exit 2) before anything is allocated. */
class RequirementsTest {
    static final DevicePool POOL = DevicePool.fromEnv(Map.of("TANDEM_SIM_DEVICES", "3", "TANDEM_WEB_DEVICES", "2"));
    static final Function<Platform, List<String>> PROFILES = p -> p.equals(Platform.WEB) ? List.of("pixel-7", "desktop") : List.of();
    static final Plan TWO = PlanLoader.parse("devices: [A, B]\nsteps:\n  - {tool: launchApp, device: A, appId: com.chat.app}\n"
            + "  - {tool: launchApp, device: B, appId: com.chat.app}\n", "two.yaml").plan();

    static List<Requirement> reqs(Plan plan, Map<String, String> given) {
        return Requirements.forPlan(plan, given, null, POOL, PROFILES);
    }

    static void usage(Runnable r, String... parts) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
            for (String p : parts) assertThat(e.getMessage()).contains(p);
        });
    }

    @Test
    void oneDeviceForTwoLabelsIsAUsageErrorNotAWait() {
        usage(() -> reqs(TWO, Map.of("A", "sim:sim-1", "B", "sim:sim-1")), "A and B both ask for sim-1", "`device B=sim`");
    }

    @Test
    void aDeviceIdWrittenAsAPlatformSuggestsThePlatformForm() {
        usage(() -> reqs(TWO, Map.of("A", "sim-1")), "did you mean `sim:sim-1`?");
    }

    @Test
    void anUnknownWebProfileIsAUsageErrorListingTheProfiles() {
        usage(() -> reqs(TWO, Map.of("A", "web:pixle-7")), "no web profile 'pixle-7'", "did you mean `web:pixel-7`?", "desktop");
        Plan declared = PlanLoader.parse("devices: [{label: A, platform: web, profile: nokia}]\nsteps:\n"
                + "  - {tool: launchApp, device: A, url: 'about:blank'}\n", "d.yaml").plan();
        usage(() -> reqs(declared, Map.of()), "no web profile 'nokia'");
        assertThat(reqs(TWO, Map.of("A", "web:desktop")).getFirst().profile()).isEqualTo("desktop");
    }

    @Test
    void anUnknownDeviceIdSaysWhichExist() {
        usage(() -> reqs(TWO, Map.of("A", "web:web-9")), "no web device 'web-9'", "[web-1, web-2]");
        usage(() -> reqs(TWO, Map.of("A", "sim:9")), "no sim device '9'", "sim-1");
    }

    @Test
    void aLabelNotInThePlanSuggestsTheClosest() {
        usage(() -> reqs(TWO, Map.of("a", "sim")), "no label 'a'", "did you mean `device A=sim`?");
    }

    @Test
    void moreLabelsThanDevicesIsAUsageError() {
        Plan four = PlanLoader.parse("devices: [A, B, C, D]\nsteps:\n  - {tool: launchApp, device: A, appId: com.chat.app}\n",
                "four.yaml").plan();
        usage(() -> reqs(four, Map.of()), "needs 4 sim devices", "has 3");
    }
}
