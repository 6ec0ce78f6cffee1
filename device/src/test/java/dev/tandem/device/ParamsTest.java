package dev.tandem.device;

import static dev.tandem.device.Fakes.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import org.junit.jupiter.api.Test;

/** Typed reads of a command's params: absent and JSON null alike, BAD_PARAMS naming the key. */
class ParamsTest {
    @Test
    void stringsAreTextAbsentOrNull() {
        var p = params("a", "x", "n", 5).set("z", NullNode.getInstance());
        assertThat(Params.string(p, "a")).isEqualTo("x");
        assertThat(Params.string(p, "n")).isEqualTo("5");
        assertThat(Params.string(p, "z")).isNull();
        assertThat(Params.string(p, "missing")).isNull();
        assertThat(Params.string(null, "a")).isNull();
    }

    @Test
    void aRequiredStringNamesTheToolAndKey() {
        assertThatThrownBy(() -> Params.requireString(params(), "button", "pressButton"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS))
                .hasMessage("pressButton needs 'button'");
        assertThat(Params.requireString(params("button", "back"), "button", "pressButton")).isEqualTo("back");
    }

    @Test
    void numbersAndBooleansFallBack() {
        var p = params("t", 1500, "s", "abc", "b", true, "f", "yes");
        assertThat(Params.longOr(p, "t", 7)).isEqualTo(1500);
        assertThat(Params.longOr(p, "missing", 7)).isEqualTo(7);
        assertThat(Params.longOr(p, "s", 7)).as("not a number").isEqualTo(7);
        assertThat(Params.longOr(null, "t", 7)).isEqualTo(7);
        assertThat(Params.bool(p, "b")).isTrue();
        assertThat(Params.bool(p, "missing")).isFalse();
        assertThat(Params.bool(p, "f")).as("only JSON true or \"true\"").isFalse();
    }
}
