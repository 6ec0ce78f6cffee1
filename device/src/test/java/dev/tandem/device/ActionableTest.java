package dev.tandem.device;

import static dev.tandem.device.Fakes.ctx;
import static dev.tandem.device.Fakes.id;
import static dev.tandem.device.Fakes.launched;
import static dev.tandem.device.Fakes.once;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A tap's actionability: on screen and enabled, waited for within the element wait's bound. */
class ActionableTest {
    private static final String LOGIN = "com.example.login";

    @Test
    void anEnabledElementIsTappableAtOnce() throws Exception {
        FakeDevice d = launched(LOGIN);
        assertThat(Actionable.forTap(d, id("sign_in"), 5_000, ctx()).enabled()).isTrue();
    }

    @Test
    void aDisabledElementIsWaitedForUntilEnabled() throws Exception {
        FakeDevice d = launched(LOGIN);
        d.onAwait = once(() -> d.edit(LOGIN, "forgot", e -> e.enabled = true));
        assertThat(Actionable.forTap(d, id("forgot"), 5_000, ctx()).enabled()).isTrue();
    }

    @Test
    void anElementThatStaysDisabledFailsAndIsNotTapped() {
        FakeDevice d = launched(LOGIN);
        assertThatThrownBy(() -> Fakes.run(d, Tool.TAP_ON, "id", "forgot", "timeout", 150))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_DISABLED))
                .hasMessageContaining("button \"Forgot password?\" #forgot matching {id: \"forgot\"} is disabled and stayed so for")
                .hasMessageEndingWith("a tap on it would do nothing.");
        assertThat(d.taps).isEmpty();
    }

    @Test
    void aDisabledElementThatGoesAndComesBackEnabledIsFound() throws Exception {
        FakeDevice d = launched(LOGIN);
        AtomicInteger waits = new AtomicInteger();
        d.onAwait = () -> {
            switch (waits.incrementAndGet()) {
                case 1 -> d.edit(LOGIN, "forgot", e -> e.visible = false);
                case 2 -> d.edit(LOGIN, "forgot", e -> {
                    e.visible = true;
                    e.enabled = true;
                });
                default -> { }
            }
        };
        assertThat(Actionable.forTap(d, id("forgot"), 5_000, ctx()).enabled()).isTrue();
        assertThat(waits.get()).isGreaterThanOrEqualTo(2);
    }
}
