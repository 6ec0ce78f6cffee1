package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The hand-written resolver agrees with snakeyaml-engine's core schema. */
class FastCoreSchemaTest {
    static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
    static final FastCoreSchema FAST = new FastCoreSchema();

    @Property(tries = 3000)
    void agreesWithTheCoreSchemaOnNumberLikeText(
            @ForAll @StringLength(max = 8) @CharRange(from = '0', to = '9') @Chars({'+', '-', '.', 'e', 'E', 'o', 'x', 'a', 'F', 'i', 'n'})
                    String value) {
        assertThat(FAST.resolve(value, true)).as(value).isEqualTo(CORE.resolve(value, true));
    }

    @Property(tries = 1000)
    void agreesWithTheCoreSchemaOnAnyPlainText(@ForAll @StringLength(max = 12) String value) {
        Tag core = CORE.resolve(value, true);
        if (core.equals(Tag.ENV_TAG) || value.equals(" ")) return; // ${VAR} is plain text in plans; " " is never a plain scalar
        assertThat(FAST.resolve(value, true)).as(value).isEqualTo(core);
    }

    @Test
    void knownValues() {
        String[][] cases = {
            {"", "null"}, {"~", "null"}, {"null", "null"}, {"Null", "null"}, {"NULL", "null"}, {"nULL", "str"},
            {"true", "bool"}, {"False", "bool"}, {"yes", "str"}, {"on", "str"},
            {"0", "int"}, {"-12", "int"}, {"+7", "int"}, {"0x1F", "int"}, {"0o17", "int"}, {"0o8", "str"}, {"0x", "str"},
            {"1.5", "float"}, {"1.", "float"}, {".5", "float"}, {"1e5", "float"}, {"-2.5E-3", "float"}, {".", "str"},
            {".inf", "float"}, {"-.Inf", "float"}, {".NaN", "float"}, {"-.nan", "str"}, {"5s", "str"}, {"${HOME}", "str"},
        };
        for (String[] c : cases) {
            assertThat(FAST.resolve(c[0], true).getValue()).as(c[0]).isEqualTo("tag:yaml.org,2002:" + c[1]);
        }
        assertThat(FAST.resolve("5", false)).isEqualTo(Tag.STR);
    }
}
