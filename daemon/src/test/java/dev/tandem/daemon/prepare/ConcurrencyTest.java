package dev.tandem.daemon.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two prepares at once: one builds, the other waits for the lock and then hits. */
class ConcurrencyTest {
    /** A thread per prepare: the common pool may have a single worker on a small machine. */
    static final java.util.concurrent.Executor THREADS = r -> Thread.ofPlatform().daemon().start(r);
    @TempDir
    Path tmp;

    @Test
    void twoThreadsBuildOnce() throws Exception {
        Fixture f = new Fixture(tmp);
        f.ops.release = new CountDownLatch(1);
        Preparer a = f.preparer();
        Preparer b = f.preparer();

        var first = CompletableFuture.supplyAsync(() -> a.prepare(Fixture.SIM, 30_000), THREADS);
        assertThat(f.ops.trainingStarted.await(10, TimeUnit.SECONDS)).as("the first prepare started building").isTrue();
        var second = CompletableFuture.supplyAsync(() -> b.prepare(Fixture.SIM, 30_000), THREADS);
        await(() -> CacheLock.hasLocalWaiters(f.cache.lockFile(Fixture.SIM)), "the second prepare waits for the lock");
        f.ops.release.countDown();

        List<PrepareResult> results = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        assertThat(results).allMatch(PrepareResult::ok);
        assertThat(results).extracting(PrepareResult::cache).containsExactly(PrepareResult.Cache.MISS, PrepareResult.Cache.HIT);
        assertThat(results.get(1).artifactKey()).isEqualTo(results.get(0).artifactKey());
        assertThat(f.ops.trains).hasValue(1);
    }

    @Test
    void aPrepareThatCannotGetTheLockInTimeFailsNamingTheHolder() throws Exception {
        Fixture f = new Fixture(tmp);
        f.ops.release = new CountDownLatch(1);
        Preparer first = f.preparer();
        var holder = CompletableFuture.supplyAsync(() -> first.prepare(Fixture.SIM, 30_000), THREADS);
        try {
            assertThat(f.ops.trainingStarted.await(10, TimeUnit.SECONDS)).isTrue();

            PrepareResult late = f.preparer().prepare(Fixture.SIM, 200);

            assertThat(late.ok()).isFalse();
            assertThat(late.failureReason()).contains("another prepare (pid " + ProcessHandle.current().pid() + ")", "--timeout");
        } finally {
            f.ops.release.countDown();
        }
        assertThat(holder.get(30, TimeUnit.SECONDS).ok()).isTrue();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.yield();
        }
    }
}
