package dev.tandem.plan;

import static dev.tandem.plan.Loads.briefs;
import static dev.tandem.plan.Loads.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and hostile input: every case is a diagnostic with a position, never an exception. */
class YamlBoundsTest {

    /** Nine levels of nine aliases each: 9^9 strings if expanded. */
    static String billionLaughs() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int j = 0; j < 9; j++) sb.append(j > 0 ? "," : "").append('*').append((char) (c - 1));
            sb.append("]\n");
        }
        return sb.append("steps: [{tool: wait, ms: 1}]\n").toString();
    }

    @Test
    void billionLaughsIsRejectedNotExpanded() {
        Diagnostic d = single(billionLaughs());
        assertThat(d.message()).isEqualTo("alias expansion exceeds 1000000 nodes");
    }

    @Test
    void billionLaughsThroughMergeKeysIsRejectedToo() {
        StringBuilder sb = new StringBuilder("a: &a {x: 1, y: 2}\n");
        for (char c = 'b'; c <= 'k'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int j = 0; j < 10; j++) sb.append(j > 0 ? "," : "").append("{<<: *").append((char) (c - 1)).append(", k").append(j).append(": 0}");
            sb.append("]\n");
        }
        sb.append("steps: [{tool: wait, ms: 1}]\n");
        assertThat(single(sb.toString()).message()).isEqualTo("alias expansion exceeds 1000000 nodes");
    }

    @Test
    void tooManyAliasesAreRejected() {
        StringBuilder sb = new StringBuilder("a: &a [1]\nb: [");
        for (int i = 0; i <= YamlReader.MAX_ALIASES; i++) sb.append("*a,");
        sb.append("]\nsteps: [{tool: wait, ms: 1}]\n");
        assertThat(Loads.brief(single(sb.toString()))).isEqualTo("1:1 the plan uses more than 100000 aliases of lists and mappings");
    }

    @Test
    void recursiveAliasIsRejected() {
        Diagnostic d = single("""
                loop: &loop
                  again: *loop
                steps: [{tool: wait, ms: 1}]
                """);
        assertThat(Loads.brief(d)).isEqualTo("1:7 alias '*loop' is recursive: it appears inside its own anchor");
        assertThat(Loads.brief(single("a: &a [*a]\nsteps: [{tool: wait, ms: 1}]\n")))
                .isEqualTo("1:4 alias '*a' is recursive: it appears inside its own anchor");
    }

    @Test
    void oversizedTextIsRejectedBeforeParsing() {
        String big = "# " + "x".repeat(PlanLoader.MAX_FILE_BYTES) + "\nsteps: [{tool: wait, ms: 1}]\n";
        assertThat(Loads.brief(single(big))).isEqualTo("1:1 the plan is " + big.length()
                + " bytes, over the 4194304-byte (4 MiB) limit");
    }

    @Test
    void oversizedFileIsRejectedBeforeReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, new byte[PlanLoader.MAX_FILE_BYTES + 1]);
        LoadResult r = PlanLoader.load(file);
        assertThat(r.errors()).extracting(Diagnostic::message)
                .containsExactly("the plan is 4194305 bytes, over the 4194304-byte (4 MiB) limit");
    }

    @Test
    void garbageBytesAreNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("garbage.yaml");
        Files.write(file, new byte[] {'s', 't', 'e', 'p', 's', ':', '\n', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0});
        LoadResult r = PlanLoader.load(file);
        assertThat(r.errors()).hasSize(1);
        Diagnostic d = r.errors().getFirst();
        assertThat(d.pos()).isEqualTo(new SourcePos(file.toString(), 2, 2));
        assertThat(d.message()).isEqualTo("the plan is not UTF-8 text: invalid byte 0xC3");
    }

    @Test
    void controlCharactersAreRejectedWithTheirPosition() {
        Diagnostic d = single("steps:\n- tool: wa\u0001it\n");
        assertThat(Loads.brief(d)).isEqualTo("2:11 the plan contains the character U+0001, which YAML does not allow");
    }

    @Test
    void binaryNoiseNeverThrows() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            LoadResult r = PlanLoader.parse(new String(noise, StandardCharsets.ISO_8859_1), "noise.yaml");
            assertThat(r.ok()).isFalse();
            assertThat(r.errors()).isNotEmpty();
        }
    }

    @Test
    void malformedYamlReportsWhereTheParserStopped() {
        assertThat(Loads.brief(single("steps: [{tool: wait, ms: 1}\n")))
                .isEqualTo("2:1 YAML syntax error while parsing a flow sequence: expected ',' or ']', but got <stream end>");
        Diagnostic d = single("""
                steps:
                - tool: wait
                 ms: 5
                """);
        assertThat(Loads.brief(d)).isEqualTo("3:2 YAML syntax error while parsing a block mapping: expected <block end>, but found '<block mapping start>'");
        assertThat(d.hint()).isEqualTo("check the indentation, colons, quotes and brackets at this position");
        assertThat(Loads.brief(single("steps: [{tool: \"wait}]\n"))).startsWith("2:1 YAML syntax error while scanning a quoted scalar:");
    }

    @Test
    void nonMappingRoots() {
        assertThat(Loads.brief(single("- tool: wait\n  ms: 5\n")))
                .isEqualTo("1:1 the plan must be a mapping with a 'steps' list, found a list");
        assertThat(Loads.brief(single("hello"))).isEqualTo("1:1 the plan must be a mapping with a 'steps' list, found the string 'hello'");
        assertThat(Loads.brief(single(""))).isEqualTo("1:1 the plan is empty");
        assertThat(Loads.brief(single("# only a comment\n"))).isEqualTo("1:1 the plan is empty");
    }

    @Test
    void oneDocumentPerFile() {
        assertThat(Loads.brief(single("steps: [{tool: wait, ms: 1}]\n---\nsteps: []\n")))
                .isEqualTo("2:1 the plan file holds more than one YAML document");
    }

    @Test
    void undefinedAlias() {
        Diagnostic d = single("steps: [*missing]\n");
        assertThat(Loads.brief(d)).isEqualTo("1:9 alias '*missing' refers to no anchor");
        assertThat(d.hint()).isEqualTo("define '&missing' on a value before the alias uses it");
    }

    @Test
    void nestingIsBounded() {
        String deep = "x: " + "[".repeat(600) + "]".repeat(600) + "\nsteps: [{tool: wait, ms: 1}]\n";
        assertThat(Loads.brief(single(deep))).isEqualTo("1:504 the plan nests deeper than 500 levels");
        String abyss = "x: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n";
        assertThat(single(abyss).message()).isEqualTo("the plan nests deeper than 500 levels");
    }

    @Test
    void duplicateKeysTagsAndComplexKeys() {
        assertThat(briefs("""
                steps:
                - tool: wait
                  ms: 1
                  ms: 2
                - {tool: wait, ms: !!binary aGVsbG8=}
                - {tool: wait, ms: 1, [a]: b}
                """)).containsExactly(
                "4:3 duplicate key 'ms' (first written at line 3, column 3)",
                "5:20 unsupported YAML tag 'tag:yaml.org,2002:binary'",
                "5:20 'ms' must be an integer of 0 or more, found the string 'aGVsbG8='",
                "6:23 a mapping key must be a plain value, found a list");
    }

    @Test
    void mergeMustNameMappings() {
        assertThat(briefs("""
                x: &x 5
                steps:
                - {<<: *x, tool: wait, ms: 1}
                - {<<: [{tool: wait}, 3], ms: 1}
                """)).containsExactly(
                "1:4 '<<' must merge a mapping or a list of mappings, found the integer 5",
                "4:23 '<<' must merge a mapping or a list of mappings, found the integer 3");
    }

    @Test
    void missingAndUnreadableFiles(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThat(PlanLoader.load(missing).errors()).containsExactly(new Diagnostic(new SourcePos(missing.toString(), 1, 1),
                "plan file not found", "check the path; a plan is a YAML file"));
        assertThat(PlanLoader.load(dir).errors()).extracting(Diagnostic::message)
                .containsExactly("cannot read the plan file: it is a directory");
    }

    @Test
    void byteOrderMarkIsIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.yaml");
        Files.write(file, ("\uFEFFsteps: [{tool: wait, ms: 1}]\n").getBytes(StandardCharsets.UTF_8));
        assertThat(PlanLoader.load(file).ok()).isTrue();
    }
}
