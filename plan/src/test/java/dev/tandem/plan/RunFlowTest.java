package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runFlow: inlined where it stands, positions in their own files, scopes, devices, cycles and bounds. */
class RunFlowTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, yaml);
        return p;
    }

    private LoadResult load(Path plan, Map<String, String> given) {
        return PlanLoader.load(plan, new LoadOptions(given, Map.of()));
    }

    private static List<String> texts(Plan plan) {
        return plan.steps().stream().map(s -> ((ToolStep) s).params().path("text").asText()).toList();
    }

    @Test
    void flowIsInlinedWhereItStandsWithPositionsInItsOwnFile() throws IOException {
        write("flows/login.yaml", """
                env: {EMAIL: default@example.com}
                steps:
                - {tool: inputText, text: "${EMAIL}"}
                - {tool: inputText, text: "${PASSWORD}"}
                """);
        Path plan = write("plan.yaml", """
                steps:
                - {tool: inputText, text: before}
                - runFlow: flows/login.yaml
                  env: {EMAIL: alice@example.com}
                - {tool: inputText, text: after}
                """);
        LoadResult r = load(plan, Map.of("PASSWORD", "hunter22"));
        assertThat(r.errors()).isEmpty();
        assertThat(texts(r.plan())).containsExactly("before", "alice@example.com", "hunter22", "after");
        assertThat(r.plan().steps()).extracting(Step::planIndex).containsExactly(0, 1, 2, 3);
        Step inner = r.plan().steps().get(1);
        String flow = dir.resolve("flows/login.yaml").toString();
        assertThat(inner.pos().toString()).isEqualTo(flow + ":3:3 via " + plan + ":3:3");
        assertThat(r.plan().secrets().mask("hunter22 alice@example.com")).isEqualTo("*** alice@example.com");
    }

    @Test
    void flowDefaultsApplyAndGivenValuesWinOverThem() throws IOException {
        write("f.yaml", "env: {WHO: flow}\nsteps: [{tool: inputText, text: \"${WHO}\"}]\n");
        Path plan = write("p.yaml", "steps: [{runFlow: f.yaml}, {runFlow: {file: f.yaml, env: {WHO: caller}}}]\n");
        assertThat(texts(load(plan, Map.of()).plan())).containsExactly("flow", "caller");
        assertThat(texts(load(plan, Map.of("WHO", "cli")).plan())).containsExactly("cli", "caller");
    }

    @Test
    void aFlowMayBeABareListAndNestFlowsRelativeToItself() throws IOException {
        write("a/one.yaml", "- {tool: inputText, text: one}\n- runFlow: b/two.yaml\n");
        write("a/b/two.yaml", "- {tool: inputText, text: two}\n");
        Path plan = write("p.yaml", "steps:\n- runFlow: a/one.yaml\n");
        LoadResult r = load(plan, Map.of());
        assertThat(texts(r.plan())).containsExactly("one", "two");
        assertThat(r.plan().steps().get(1).pos().toString())
                .isEqualTo(dir.resolve("a/b/two.yaml") + ":1:3 via " + dir.resolve("a/one.yaml") + ":2:3 via " + plan + ":2:3");
    }

    @Test
    void aFlowIncludedWithADeviceRunsOnThatDevice() throws IOException {
        write("login.yaml", """
                - {tool: launchApp, appId: com.chat.app}
                - {tool: inputText, text: "${USER}"}
                """);
        Path plan = write("p.yaml", """
                devices: [A, B]
                steps:
                - {runFlow: login.yaml, device: A, env: {USER: alice}}
                - {runFlow: login.yaml, device: B, env: {USER: bob}}
                - {tool: barrier}
                """);
        LoadResult r = load(plan, Map.of());
        assertThat(r.errors()).isEmpty();
        assertThat(r.plan().steps()).hasSize(5);
        assertThat(r.plan().steps().subList(0, 4)).extracting(s -> ((ToolStep) s).device())
                .containsExactly("A", "A", "B", "B");
        assertThat(r.plan().steps().subList(0, 4)).extracting(s -> ((ToolStep) s).params().path("text").asText())
                .containsExactly("", "alice", "", "bob");
    }

    @Test
    void aTargetedFlowPutsItsDeviceOnTheStepsInsideASectionNotOnTheSection() throws IOException {
        write("f.yaml", "- {tool: criticalSection, lock: l, steps: [{tool: wait, ms: 1}, {tool: wait, ms: 2, device: B}]}\n");
        Path plan = write("p.yaml", "devices: [A, B]\nsteps:\n- {runFlow: f.yaml, device: A}\n");
        LoadResult r = load(plan, Map.of());
        assertThat(r.errors()).extracting(Diagnostic::message)
                .containsExactly("this step runs on device 'B', but its flow is included with device: A");
        write("g.yaml", "- {tool: criticalSection, lock: l, steps: [{tool: wait, ms: 1}]}\n- {tool: barrier}\n");
        Path ok = write("q.yaml", "devices: [A, B]\nsteps:\n- {runFlow: g.yaml, device: A}\n");
        Plan p = load(ok, Map.of()).orThrow();
        assertThat(((CriticalSection) p.steps().get(0)).participants()).containsExactly("A");
        assertThat(((Barrier) p.steps().get(1)).devices()).containsExactly("A", "B");
    }

    @Test
    void aStepOnAnotherDeviceInATargetedFlowIsAnError() throws IOException {
        write("f.yaml", "- {tool: inputText, device: B, text: x}\n");
        Path plan = write("p.yaml", "devices: [A, B]\nsteps:\n- {runFlow: f.yaml, device: A}\n");
        assertThat(load(plan, Map.of()).errors()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("this step runs on device 'B', but its flow is included with device: A");
            assertThat(d.pos().toString()).isEqualTo(dir.resolve("f.yaml") + ":1:29 via " + plan + ":3:3");
        });
    }

    @Test
    void missingFileIsAnErrorAtTheRunFlow() throws IOException {
        Path plan = write("p.yaml", "steps:\n- runFlow: nope.yaml\n");
        Diagnostic d = load(plan, Map.of()).errors().getFirst();
        assertThat(d.pos().toString()).isEqualTo(plan + ":2:12");
        assertThat(d.message()).isEqualTo("runFlow file 'nope.yaml' not found");
        assertThat(d.hint()).isEqualTo("the path is relative to the including file's directory; looked for " + dir.resolve("nope.yaml"));
    }

    @Test
    void aDirectoryIsNoFlow() throws IOException {
        Files.createDirectories(dir.resolve("flows"));
        Path plan = write("p.yaml", "steps:\n- runFlow: flows\n");
        assertThat(load(plan, Map.of()).errors()).extracting(Loads::brief).containsExactly("2:12 cannot read the plan file: it is a directory");
    }

    @Test
    void cyclesAreErrorsNamingTheChain() throws IOException {
        write("a.yaml", "- runFlow: b.yaml\n");
        write("b.yaml", "- runFlow: a.yaml\n");
        Path plan = write("p.yaml", "steps: [{runFlow: a.yaml}]\n");
        assertThat(load(plan, Map.of()).errors()).extracting(Diagnostic::message)
                .containsExactly("runFlow cycle: a.yaml → b.yaml → a.yaml");
        Path self = write("self.yaml", "steps: [{runFlow: self.yaml}]\n");
        assertThat(load(self, Map.of()).errors()).extracting(Diagnostic::message).containsExactly("runFlow cycle: self.yaml → self.yaml");
    }

    @Test
    void depthIsBounded() throws IOException {
        for (int i = 0; i < 12; i++) write("d" + i + ".yaml", "- runFlow: d" + (i + 1) + ".yaml\n");
        write("d12.yaml", "- {tool: wait, ms: 1}\n");
        Path plan = write("p.yaml", "steps: [{runFlow: d0.yaml}]\n");
        assertThat(load(plan, Map.of()).errors()).extracting(Diagnostic::message)
                .containsExactly("runFlow nests deeper than 10 flows");
    }

    @Test
    void expansionIsBounded() throws IOException {
        // ten steps that include the next level ten times: 10^6 steps if it were expanded
        for (int i = 0; i < 6; i++) {
            write("x" + i + ".yaml", ("- runFlow: x" + (i + 1) + ".yaml\n").repeat(10));
        }
        write("x6.yaml", "- {tool: wait, ms: 1, label: a b c d e f}\n".repeat(10));
        Path plan = write("p.yaml", "steps: [{runFlow: x0.yaml}]\n");
        LoadResult r = load(plan, Map.of());
        assertThat(r.errors()).extracting(Diagnostic::message).containsExactly("the sub-flows expand the plan past 1000000 nodes");
    }

    @Test
    void badRunFlowStepsAreErrors() throws IOException {
        write("f.yaml", "name: f\ndevices: [A]\nwhat: 1\nsteps: []\n");
        Path plan = write("p.yaml", """
                steps:
                - runFlow: {file: f.yaml, evn: {}}
                - runFlow: 42
                - {runFlow: f.yaml, label: x}
                - {runFlow: f.yaml, device: [A]}
                """);
        assertThat(load(plan, Map.of()).errors()).extracting(d -> d.pos().line() + ":" + d.pos().column() + " " + d.message())
                .containsExactly(
                        "2:1 a sub-flow cannot declare 'devices'",
                        "3:1 unknown key 'what' at the top level of a sub-flow",
                        "4:8 'steps' is empty",
                        "2:27 unknown key 'evn' in 'runFlow'",
                        "3:12 'runFlow' must name a file, found the integer 42",
                        "4:8 'steps' is empty",
                        "4:21 unknown key 'label' in a runFlow step",
                        "5:29 'device' must be a string, found a list");
    }

    @Test
    void yamlProblemsInAFlowNameTheFlowAndTheInclude() throws IOException {
        write("f.yaml", "- {tool: tapOn, text: [}\n");
        Path plan = write("p.yaml", "steps: [{runFlow: f.yaml}]\n");
        Diagnostic d = load(plan, Map.of()).errors().getFirst();
        assertThat(d.pos().file()).isEqualTo(dir.resolve("f.yaml").toString());
        assertThat(d.pos().via()).isEqualTo(new SourcePos(plan.toString(), 1, 9));
        assertThat(d.message()).startsWith("YAML syntax error");
    }
}
