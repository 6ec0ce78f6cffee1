package dev.tandem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.client.RunOutcome;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.ValidationError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How run_plan words the outcomes that are not a finished run. */
class RunPlanTest {

    static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().getFirst()).text();
    }

    @Test
    void aPlanTheDaemonFoundInvalidIsAValidationErrorWithEveryPosition() {
        var v = new RunEvent.Validation(List.of(new ValidationError(new ValidationError.Pos("/p/chat.yaml", 4, 7), "unknown tool 'tapp'",
                "did you mean tapOn?")), 2);
        CallToolResult r = RunPlan.answer(new RunOutcome.Invalid(v));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("VALIDATION: 3 errors\n/p/chat.yaml:4:7: unknown tool 'tapp'\n    → did you mean tapOn?\n")
                .contains("… and 2 more").endsWith(ErrorCode.VALIDATION.hint());
        var s = Json.toTree(r.structuredContent());
        assertThat(s.path("code").asText()).isEqualTo("VALIDATION");
        assertThat(s.path("errors").get(0).path("line").asInt()).isEqualTo(4);
    }

    @Test
    void aProblemInASubFlowNamesTheFlowAndWhereItWasIncluded() {
        var v = new RunEvent.Validation(List.of(new ValidationError(new ValidationError.Pos("/p/login.yaml", 2, 3, "/p/plan.yaml:5:3"),
                "parameter '${EMAIL}' is not defined", null)), null);
        CallToolResult r = RunPlan.answer(new RunOutcome.Invalid(v));
        assertThat(text(r)).contains("/p/login.yaml:2:3 via /p/plan.yaml:5:3: parameter '${EMAIL}' is not defined");
        assertThat(Json.toTree(r.structuredContent()).path("errors").get(0).path("via").asText()).isEqualTo("/p/plan.yaml:5:3");
    }

    @Test
    void aRefusedRunIsItsCodeMessageAndHint() {
        CallToolResult r = RunPlan.answer(new RunOutcome.Refused(new ErrorInfo(ErrorCode.DEVICE_UNAVAILABLE, "sim-1 is held by run r-7")));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo("DEVICE_UNAVAILABLE: sim-1 is held by run r-7\n" + ErrorCode.DEVICE_UNAVAILABLE.hint());
        assertThat(Json.toTree(r.structuredContent()).path("hint").asText()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE.hint());
    }
}
