package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Test helpers: load YAML text as "p.yaml" and look at the outcome compactly. */
final class Loads {
    static final String FILE = "p.yaml";

    private Loads() {}

    static LoadResult parse(String yaml) {
        return PlanLoader.parse(yaml, FILE);
    }

    static Plan ok(String yaml) {
        LoadResult r = parse(yaml);
        assertThat(r.errors()).as("diagnostics").isEmpty();
        assertThat(r.ok()).isTrue();
        return r.plan();
    }

    static List<Diagnostic> errors(String yaml) {
        LoadResult r = parse(yaml);
        assertThat(r.ok()).as("expected diagnostics for:\n" + yaml).isFalse();
        assertThat(r.plan()).isNull();
        assertThat(r.errors()).allSatisfy(d -> {
            assertThat(d.pos().file()).isEqualTo(FILE);
            assertThat(d.pos().line()).isPositive();
            assertThat(d.pos().column()).isPositive();
            assertThat(d.hint()).isNotBlank();
        });
        return r.errors();
    }

    /** Each diagnostic as "line:column message", in the order reported. */
    static List<String> briefs(String yaml) {
        return errors(yaml).stream().map(Loads::brief).toList();
    }

    static String brief(Diagnostic d) {
        return d.pos().line() + ":" + d.pos().column() + " " + d.message();
    }

    /** The single diagnostic the YAML produces. */
    static Diagnostic single(String yaml) {
        List<Diagnostic> all = errors(yaml);
        assertThat(all).as("diagnostics").hasSize(1);
        return all.getFirst();
    }
}
