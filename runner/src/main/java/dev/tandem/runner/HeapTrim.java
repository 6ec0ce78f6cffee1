package dev.tandem.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Keeps a long-lived runner's heap from creeping up to its {@code -Xmx}. The journal keeps the last
 * 1,000 commands' records, so every record lives long enough to reach the old generation and
 * becomes garbage there when it is evicted (about 1.2 KB a command). The serial collector makes room
 * for such promotions by growing the old generation rather than collecting it: a web or sim runner
 * grew by ~0.5 MB per 400 taps, on and on (BENCHMARKS.md, soak). So once the old generation holds
 * {@link #GROWTH_BYTES} more than survived its last collection, this asks for one, from this
 * housekeeping thread (a full GC of a ~8 MB heap, every ~800 taps), and the runner's
 * {@code -XX:MaxHeapFreeRatio} keeps the generation near what lives in it.
 */
final class HeapTrim {
    /** How much the old generation may grow past what survived its last collection. */
    static final long GROWTH_BYTES = 1L << 20;
    static final long PERIOD_MS = 2_000;

    /** The old generation, as this needs it (a fake in tests). */
    interface OldGen {
        long used();

        /** Used right after its last collection; negative before the first. */
        long usedAfterLastCollection();

        void collect();
    }

    private final OldGen old;
    private long baseline = -1;

    HeapTrim(OldGen old) {
        this.old = old;
    }

    /** One look: collects when the old generation has grown past the allowance. */
    void check() {
        long live = old.usedAfterLastCollection();
        if (live >= 0) baseline = live;
        long used = old.used();
        if (baseline < 0) baseline = used;
        if (used - baseline > GROWTH_BYTES) old.collect();
    }

    /** Looks every {@link #PERIOD_MS} on a daemon thread; does nothing on a JVM without an old generation pool. */
    static void start() {
        OldGen gen = jvmOldGen();
        if (gen == null) return;
        HeapTrim trim = new HeapTrim(gen);
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MS); // a housekeeping tick, not a wait for a condition
                } catch (InterruptedException e) {
                    return;
                }
                trim.check();
            }
        }, "heap-trim");
        t.setDaemon(true);
        t.start();
    }

    /** The heap pool that full collections empty ("Tenured Gen" for the serial collector), or null. */
    static OldGen jvmOldGen() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP || !pool.isCollectionUsageThresholdSupported()) continue;
            String name = pool.getName();
            if (!name.contains("Tenured") && !name.contains("Old")) continue;
            return new OldGen() {
                @Override
                public long used() {
                    return pool.getUsage().getUsed();
                }

                @Override
                public long usedAfterLastCollection() {
                    var after = pool.getCollectionUsage();
                    return after == null || after.getCommitted() == 0 ? -1 : after.getUsed();
                }

                @Override
                public void collect() {
                    System.gc(); // the only way to ask the serial collector for a full collection
                }
            };
        }
        return null;
    }
}
