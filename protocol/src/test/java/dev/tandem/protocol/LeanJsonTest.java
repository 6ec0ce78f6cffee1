package dev.tandem.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import net.jqwik.api.Tuple;

/** LeanJson reads and writes exactly what Jackson does, so the CLI's fast path and the rest agree. */
class LeanJsonTest {
    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    @Property(tries = 300)
    void readsWhatJacksonWritesAsJacksonReadsIt(@ForAll("trees") JsonNode tree) throws Exception {
        for (String text : List.of(Json.text(tree), Json.pretty(tree))) {
            assertEquals(Json.MAPPER.readTree(text), LeanJson.parse(text), text);
        }
    }

    @Property(tries = 300)
    void writesWhatJacksonWrites(@ForAll("trees") JsonNode tree) throws Exception {
        JsonNode read = Json.MAPPER.readTree(Json.text(tree)); // the int/long/double forms a reader produces
        assertEquals(Json.text(read), LeanJson.text(read));
        assertEquals(Json.pretty(read), LeanJson.pretty(read));
    }

    @Example
    void refusesWhatIsNotJson() {
        for (String bad : List.of("", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "[1 2]", "\"open", "tru", "01", "1.", "-",
                "1e", "{\"a\":1}x", "\"\\x\"", "\"\\u12\"", "\"tab\there\"", "{a:1}", "[".repeat(LeanJson.MAX_DEPTH + 2))) {
            assertThrows(IllegalArgumentException.class, () -> LeanJson.parse(bad), bad);
        }
    }

    @Example
    void numbersTakeJacksonsNodeTypes() throws Exception {
        String text = "[1, 2147483648, 92233720368547758070, 1.5, -0, 1e3, -2147483648]";
        assertEquals(Json.MAPPER.readTree(text), LeanJson.parse(text));
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return tree(4);
    }

    private Arbitrary<JsonNode> tree(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(N::textNode),
                Arbitraries.integers().map(N::numberNode),
                Arbitraries.longs().map(N::numberNode),
                Arbitraries.doubles().map(N::numberNode),
                Arbitraries.of(true, false).map(N::booleanNode),
                Arbitraries.just(N.nullNode()));
        if (depth == 0) return leaf;
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6), tree(depth - 1)).ofMaxSize(4)
                .map(m -> {
                    ObjectNode o = N.objectNode();
                    m.forEach(o::set);
                    return o;
                });
        Arbitrary<JsonNode> array = tree(depth - 1).list().ofMaxSize(4).map(l -> {
            ArrayNode a = N.arrayNode();
            l.forEach(a::add);
            return a;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, object), Tuple.of(1, array));
    }
}
