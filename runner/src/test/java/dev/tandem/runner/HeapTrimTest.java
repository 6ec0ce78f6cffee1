package dev.tandem.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The runner's old generation is collected once it has grown, not left to creep up to -Xmx. */
class HeapTrimTest {
    private static final long MB = 1L << 20;

    /** An old generation whose numbers the test sets; collect() brings used back to live. */
    static final class FakeOldGen implements HeapTrim.OldGen {
        long used;
        long live = -1; // never collected yet
        long nextLive;
        int collections;

        @Override
        public long used() {
            return used;
        }

        @Override
        public long usedAfterLastCollection() {
            return live;
        }

        @Override
        public void collect() {
            collections++;
            live = nextLive;
            used = nextLive;
        }
    }

    @Test
    void promotedGarbageBeyondTheAllowanceIsCollected_andTheNextAllowanceCountsFromWhatLived() {
        FakeOldGen old = new FakeOldGen();
        old.used = 6 * MB;
        HeapTrim trim = new HeapTrim(old);
        trim.check(); // the first look sets the baseline
        old.used = 6 * MB + HeapTrim.GROWTH_BYTES / 2;
        trim.check();
        assertThat(old.collections).as("growth within the allowance").isZero();
        old.used = 6 * MB + HeapTrim.GROWTH_BYTES + MB;
        old.nextLive = 7 * MB;
        trim.check();
        assertThat(old.collections).isEqualTo(1);
        old.used = 7 * MB + HeapTrim.GROWTH_BYTES - MB / 2;
        trim.check();
        assertThat(old.collections).as("counted from the 7 MB that survived").isEqualTo(1);
        old.used = 7 * MB + HeapTrim.GROWTH_BYTES + MB;
        trim.check();
        assertThat(old.collections).isEqualTo(2);
    }

    @Test
    void aCollectionTheJvmRanByItselfMovesTheBaselineToo() {
        FakeOldGen old = new FakeOldGen();
        old.used = 20 * MB;
        HeapTrim trim = new HeapTrim(old);
        trim.check();
        old.live = 5 * MB; // a full GC of the JVM's own, after which old.used grew again
        old.used = 5 * MB + HeapTrim.GROWTH_BYTES + MB;
        trim.check();
        assertThat(old.collections).isEqualTo(1);
    }

    @Test
    void theRealJvmHasAnOldGenerationToWatch() {
        assertThat(HeapTrim.jvmOldGen()).isNotNull();
    }
}
