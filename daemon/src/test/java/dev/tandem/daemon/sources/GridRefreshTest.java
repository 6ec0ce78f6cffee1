package dev.tandem.daemon.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.GridEntries;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.daemon.sources.grid.GridSessions;
import dev.tandem.daemon.sources.grid.GridStatus;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid source's devices follow a fake Grid's status while the daemon lives: a waiting run is
 * granted when a node joins, a Grid down at start offers its devices when it answers, a node that
 * left takes its device out of the pool (not its lease).
 */
class GridRefreshTest {
    static final URI URL = URI.create("http://127.0.0.1:4444");
    static final Log QUIET = new Log(new PrintStream(OutputStream.nullOutputStream()), "grid");
    @TempDir
    Path dir;

    /** A Grid's /status as a test sets it: this many one-slot Chrome nodes up, or not answering. */
    static final class FakeGrid {
        volatile int nodes;
        volatile boolean down;
        /** The source's clock: the test moves it past the once-a-second limit. */
        final AtomicLong clock = new AtomicLong();

        GridStatus read() throws IOException {
            if (down) throw new IOException("connection refused");
            List<GridStatus.Node> list = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                list.add(new GridStatus.Node("http://127.0.0.1:" + (5555 + i), "UP",
                        List.of(new GridStatus.Slot(Map.of("browserName", "chrome"), null))));
            }
            return new GridStatus(true, list);
        }

        void nodes(int n) {
            nodes = n;
            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        }
    }

    DeviceSources sources(FakeGrid grid) {
        GridEntries.Source entry = new GridEntries.Source("grid", URL, List.of(GridEntries.CHROME), null, List.of("pixel-7"));
        GridSource source = new GridSource(entry, new GridSessions(new StateDir(dir), QUIET), dir.resolve("locks"), QUIET, grid::read,
                grid.clock::get);
        return new DeviceSources(List.of(source));
    }

    static List<Requirement> web(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> new Requirement("L" + i, Platform.WEB, null, null)).toList();
    }

    static List<String> ids(List<DeviceSlot> devices) {
        return devices.stream().map(DeviceSlot::id).toList();
    }

    @Test
    void aRunWaitingForMoreGridDevicesIsGrantedWhenANodeWithTheMissingSlotJoins() throws Exception {
        FakeGrid grid = new FakeGrid();
        grid.nodes = 2;
        DevicePool pool = sources(grid).pool();
        Allocator alloc = new Allocator(pool, id -> Optional.empty());
        CompletableFuture<Allocation> granted = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                granted.complete(alloc.allocate("run-1", 1, web(3), 30_000, Set.of()));
            } catch (Throwable e) {
                granted.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (alloc.waiting() < 1) {
            if (System.nanoTime() > deadline) throw new AssertionError("the run never waited");
            Thread.onSpinWait();
        }
        assertThat(granted).isNotDone();
        grid.nodes(3);
        Allocation a = granted.get(20, TimeUnit.SECONDS);
        assertThat(a.byLabel().values().stream().map(DeviceSlot::id)).containsExactlyInAnyOrder("grid-web-1", "grid-web-2", "grid-web-3");
    }

    @Test
    void aGridDownWhenTheDaemonStartedOffersItsDevicesOnceItAnswers() {
        FakeGrid grid = new FakeGrid();
        grid.down = true;
        DeviceSources sources = sources(grid);
        assertThat(sources.pool().slots()).isEmpty();
        assertThat(sources.notes()).singleElement().asString()
                .contains("has not answered since the daemon started (connection refused); it offers no devices")
                .contains("its devices appear when it answers").doesNotContain("daemon stop");

        grid.down = false;
        grid.nodes(2);
        Requirement r = Requirement.parse("A", "grid:web", sources.pool());
        assertThat(r.source()).isEqualTo("grid");
        assertThat(ids(sources.pool().slots())).containsExactly("grid-web-1", "grid-web-2");
        assertThat(sources.notes()).singleElement().asString().isEqualTo("grid grid: " + URL
                + " — 2 of 2 nodes up; {browserName=chrome}: 2 slots, 2 free");
    }

    @Test
    void aNodeThatLeftTakesItsDeviceOutOfThePoolButNotOutOfTheLeaseHoldingIt() throws Exception {
        FakeGrid grid = new FakeGrid();
        grid.nodes = 2;
        DeviceSources sources = sources(grid);
        DevicePool pool = sources.pool();
        Allocator alloc = new Allocator(pool, id -> Optional.empty());
        alloc.allocate("run-1", 1, web(2), 0, Set.of());

        grid.nodes(1);
        assertThat(pool.refresh()).isTrue();
        assertThat(ids(pool.slots())).containsExactly("grid-web-1");
        assertThat(ids(pool.gone())).containsExactly("grid-web-2");
        assertThat(pool.byId("grid-web-2")).as("a lease's runner still finds its device").isPresent();
        assertThat(alloc.holderOf("grid-web-2")).isPresent();
        assertThat(sources.notes()).contains("  gone: grid-web-2 (the Grid has no slot for them now; they come back when it has)");

        alloc.release("run-1");
        assertThatThrownBy(() -> alloc.allocate("run-2", 1, web(2), 0, Set.of()))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE))
                .hasMessageStartingWith("the run wants 2 web devices and this daemon has 1: the Grid 'grid' (" + URL + ") offers 1.");
        assertThat(alloc.allocate("run-3", 1, web(1), 0, Set.of()).byLabel().get("L1").id()).isEqualTo("grid-web-1");
    }
}
