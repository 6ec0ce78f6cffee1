package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sim example in {@code examples/} passes on a fresh daemon, as a new user would first run
 * it: its own state dir, no warm runner left in some app by an earlier plan.
 */
class ExamplesIT {
    static List<String> simExamples() throws Exception {
        try (Stream<Path> s = Files.list(Tandem.ROOT.resolve("examples"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.startsWith("web-"))
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simExamples")
    void passesOnAFreshDaemon(String example) throws Exception {
        try (Tandem tandem = new Tandem()) {
            Tandem.Result r = tandem.run("run", tandem.example(example).toString());
            assertThat(r.exit()).as(example + ":\n" + r.all()).isZero();
        }
    }
}
