package dev.tandem.it.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.client.TandemClient;
import dev.tandem.protocol.state.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * examples/junit as a user's build runs it: invoker:run built a copy with Surefire against the
 * Tandem just built (it/pom.xml); this reads its Surefire XML as a CI server would.
 */
class JunitExampleIT {
    static Path example;

    @BeforeAll
    static void built() {
        String dir = System.getProperty("tandem.example.dir");
        Assumptions.assumeTrue(dir != null, "runs in the it module's junit-example execution, after invoker:run (mvn -pl it -am verify)");
        example = Path.of(dir);
    }

    @AfterAll
    static void stopItsDaemon() throws Exception {
        if (example == null) return;
        StateDir state = StateDir.resolve(Map.of("TANDEM_HOME", System.getProperty("tandem.example.home")));
        try (TandemClient c = TandemClient.find(state).orElse(null)) {
            if (c != null) c.shutdownAndWait(20_000); // the example's daemon outlives its build, as a user's would
        }
    }

    record Case(String classname, String name, String failureType, String failureMessage, boolean error, boolean skipped) {}

    static List<Case> cases() throws Exception {
        Path reports = example.resolve("target/surefire-reports");
        assertThat(reports).as("the example's build ran Surefire; see " + example.resolve("build.log")).isDirectory();
        List<Path> xml;
        try (Stream<Path> s = Files.list(reports)) {
            xml = s.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml")).toList();
        }
        List<Case> out = new java.util.ArrayList<>();
        for (Path p : xml) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(p.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element tc = (Element) nodes.item(i);
                Element failure = first(tc, "failure");
                Element error = first(tc, "error");
                Element bad = failure != null ? failure : error;
                out.add(new Case(tc.getAttribute("classname"), tc.getAttribute("name"), bad == null ? null : bad.getAttribute("type"),
                        bad == null ? null : bad.getAttribute("message"), error != null, first(tc, "skipped") != null));
            }
        }
        return out;
    }

    private static Element first(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    @Test
    void eachDeviceOfEachPlanIsATestCaseAndTheFailureCarriesTandemsMessage() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).extracting(Case::classname, Case::name).containsExactlyInAnyOrder(
                tuple("plans/sign-in.yaml", "default"), tuple("plans/chat-wrong-text.yaml", "A"), tuple("plans/chat-wrong-text.yaml", "B"));
        assertThat(only(cases, "plans/sign-in.yaml", "default")).satisfies(c -> assertThat(c.failureType()).isNull());
        // A typed and sent before B failed: it passed, or, when B's failure stopped it inside the section, was aborted (<skipped>)
        assertThat(only(cases, "plans/chat-wrong-text.yaml", "A").failureType()).isNull();
        Case b = only(cases, "plans/chat-wrong-text.yaml", "B");
        assertThat(b.error()).as("a plan failure is a <failure>, not an <error>").isFalse();
        assertThat(b.failureType()).isEqualTo("org.opentest4j.AssertionFailedError");
        assertThat(b.failureMessage()).startsWith("NOTIFICATION_NOT_FOUND: ").contains("\"Goodbye\"").contains("\"Hello\"")
                .contains("at step 2 (systemTray) of device B, ").contains("chat-wrong-text.yaml:12:9").contains("screenshot: ");
    }

    private static Case only(List<Case> cases, String classname, String name) {
        return cases.stream().filter(c -> c.classname().equals(classname) && c.name().equals(name)).findFirst().orElseThrow();
    }
}
