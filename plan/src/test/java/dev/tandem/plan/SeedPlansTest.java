package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The two seed plans load exactly as written. */
class SeedPlansTest {

    static Path resource(String name) {
        try {
            return Path.of(SeedPlansTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        return Json.tree(text.getBytes());
    }

    @Test
    void chatPlanLoadsAsWritten() {
        Path file = resource("chat.yaml");
        LoadResult r = PlanLoader.load(file);
        assertThat(r.errors()).isEmpty();
        Plan plan = r.plan();

        assertThat(plan.name()).isEqualTo("chat");
        assertThat(plan.file()).isEqualTo(file.toString());
        assertThat(plan.multiDevice()).isTrue();
        assertThat(plan.labels()).containsExactly("A", "B");
        assertThat(plan.devices()).extracting(DeviceDecl::platform, DeviceDecl::profile).containsOnly(org.assertj.core.groups.Tuple.tuple(null, null));
        assertThat(plan.abortStrategy()).isNull();
        assertThat(plan.startStep()).isNull();
        assertThat(plan.steps()).hasSize(3);

        ToolStep sender = (ToolStep) plan.steps().get(0);
        assertThat(sender.planIndex()).isZero();
        assertThat(sender.nestedIndex()).isEqualTo(-1);
        assertThat(sender.tool()).isEqualTo(Tool.LAUNCH_APP);
        assertThat(sender.device()).isEqualTo("A");
        assertThat(sender.label()).isEqualTo("Launch sender");
        assertThat(sender.params()).isEqualTo(json("{\"appId\": \"com.chat.app\"}"));
        assertThat(sender.optional()).isFalse();
        assertThat(sender.timeoutMs()).isNull();
        assertThat(sender.effectiveTimeoutMs()).isEqualTo(Tool.LAUNCH_APP.traits().defaultTimeoutMs());
        assertThat(sender.pos()).isEqualTo(new SourcePos(file.toString(), 3, 3));

        ToolStep receiver = (ToolStep) plan.steps().get(1);
        assertThat(receiver.planIndex()).isEqualTo(1);
        assertThat(receiver.device()).isEqualTo("B");
        assertThat(receiver.label()).isEqualTo("Launch receiver");

        CriticalSection section = (CriticalSection) plan.steps().get(2);
        assertThat(section.planIndex()).isEqualTo(2);
        assertThat(section.lock()).isEqualTo("chat-room");
        assertThat(section.timeoutMs()).isEqualTo(60_000);
        assertThat(section.label()).isNull();
        assertThat(section.participants()).containsExactly("A", "B");
        assertThat(section.pos().line()).isEqualTo(13);
        assertThat(section.steps()).hasSize(3);
        assertThat(section.steps()).extracting(ToolStep::planIndex).containsOnly(2);
        assertThat(section.steps()).extracting(ToolStep::nestedIndex).containsExactly(0, 1, 2);
        assertThat(section.steps()).extracting(ToolStep::tool).containsExactly(Tool.INPUT_TEXT, Tool.IME_ACTION, Tool.SYSTEM_TRAY);
        assertThat(section.steps()).extracting(ToolStep::device).containsExactly("A", "A", "B");
        assertThat(section.steps()).extracting(ToolStep::label)
                .containsExactly("Type message", "Send message", "Verify notification");
        assertThat(section.steps().get(0).params()).isEqualTo(json("{\"text\": \"Hello\"}"));
        assertThat(section.steps().get(1).params()).isEqualTo(json("{\"action\": \"send\"}"));

        ToolStep tray = section.steps().get(2);
        assertThat(tray.params()).isEqualTo(json(
                "{\"awaitTimeout\": 5000, \"action\": \"find\", \"notification\": {\"body\": \"Hello\"}}"));
        assertThat(tray.params().get("awaitTimeout").isIntegralNumber()).isTrue();
        assertThat(tray.timeoutMs()).isNull();
        assertThat(tray.pos().line()).isEqualTo(28);
    }

    @Test
    void anchorsPlanMergesToolAndActionAndTakesDeviceFromTheStep() {
        Path file = resource("anchors.yaml");
        Plan plan = PlanLoader.load(file).orThrow();

        assertThat(plan.name()).isEqualTo("anchors");
        assertThat(plan.labels()).containsExactly("A", "B");
        assertThat(plan.steps()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ToolStep s = (ToolStep) plan.steps().get(i);
            assertThat(s.planIndex()).isEqualTo(i);
            assertThat(s.nestedIndex()).isEqualTo(-1);
            assertThat(s.tool()).isEqualTo(Tool.TAP_ON);
            assertThat(s.device()).isEqualTo(i == 0 ? "A" : "B");
            assertThat(s.label()).isEqualTo("Tap Alarm tab");
            assertThat(s.params()).isEqualTo(json(
                    "{\"action\": \"tap\", \"id\": \"com.google.android.deskclock:id/tab_menu_alarm\"}"));
            assertThat(s.pos()).isEqualTo(new SourcePos(file.toString(), i == 0 ? 6 : 10, 3));
        }
    }

    @Test
    void seedPlansParseFromTextUnderTheGivenName() throws Exception {
        String text = java.nio.file.Files.readString(resource("chat.yaml"));
        LoadResult r = PlanLoader.parse(text, "plans/chat.yaml");
        assertThat(r.ok()).isTrue();
        assertThat(r.plan().name()).isEqualTo("chat");
        assertThat(r.plan().file()).isEqualTo("plans/chat.yaml");
        assertThat(r.plan().steps().getFirst().pos()).hasToString("plans/chat.yaml:3:3");
    }
}
