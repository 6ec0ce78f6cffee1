package dev.tandem.daemon.sources.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Grid is asked at most once a second, however often its status is wanted. */
class FreshStatusTest {
    @Test
    void askersWithinASecondShareTheLastAnswerOrErrorThenTheGridIsAskedAgain() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        FreshStatus status = new FreshStatus(() -> {
            if (reads.incrementAndGet() == 2) throw new IOException("connection refused");
            return new GridStatus(true, List.of());
        }, clock::get);

        assertThat(status.get().answered()).isTrue();
        clock.addAndGet(999_000_000L);
        assertThat(status.get().answered()).isTrue();
        assertThat(reads).hasValue(1);

        clock.addAndGet(1_000_000L);
        FreshStatus.Answer down = status.get();
        assertThat(down.answered()).isFalse();
        assertThat(down.error()).isEqualTo("connection refused");
        assertThat(status.get()).as("an error is shared too: a Grid that is down is not hammered").isSameAs(down);
        assertThat(reads).hasValue(2);

        clock.addAndGet(FreshStatus.MIN_AGE_MS * 1_000_000L);
        assertThat(status.get().answered()).isTrue();
        assertThat(reads).hasValue(3);
    }
}
