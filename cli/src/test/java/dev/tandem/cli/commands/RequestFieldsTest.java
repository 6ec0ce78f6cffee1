package dev.tandem.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The daemon names request fields; the CLI's text names its flags, as it always did. */
class RequestFieldsTest {

    @Test
    void quotedRequestFieldsBecomeTheirFlags() {
        assertThat(RequestFields.asFlags("`shardIndex` must be in 0..1 for `shardTotal` 2, not 5"))
                .isEqualTo("--shard-index must be in 0..1 for --shard-total 2, not 5");
        assertThat(RequestFields.asFlags("`runnerPort` applies to a run on one device")).isEqualTo("--runner-port applies to a run on one device");
        assertThat(RequestFields.asFlags("`apps`: bad.yaml:1: unknown key")).isEqualTo("--app: bad.yaml:1: unknown key");
    }

    @Test
    void aSuggestedSettingKeepsItsBackticksAndShowsTheFlag() {
        assertThat(RequestFields.asFlags("the plan has no label 'a' (did you mean `device A=sim`?)"))
                .isEqualTo("the plan has no label 'a' (did you mean `--device A=sim`?)");
        assertThat(RequestFields.asFlags("add `platform: web` to the plan, or run it with `platform` web"))
                .isEqualTo("add `platform: web` to the plan, or run it with --platform web");
    }

    @Test
    void otherBackticksAndPlainWordsStay() {
        assertThat(RequestFields.asFlags("`tandem daemon stop` ends it; the device is busy"))
                .isEqualTo("`tandem daemon stop` ends it; the device is busy");
        assertThat(RequestFields.asFlags("`kill` it")).isEqualTo("`kill` it");
        assertThat(RequestFields.asFlags(null)).isNull();
        assertThat(RequestFields.flagOf("startStep")).contains("--start-step");
    }
}
