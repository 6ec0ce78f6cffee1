package dev.tandem.daemon.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** More labels than devices: refused up front on local pools, waited for (then DEVICE_UNAVAILABLE) on a Grid. */
class ShortfallTest {
    static final String URL = "http://127.0.0.1:4444";
    /** Two Grid web devices and nothing else, as a devices.yaml with one grid source gives. */
    static final DevicePool GRID = new DevicePool(List.of(new DeviceSlot("grid-web-1", Platform.WEB, "pixel-7", "grid"),
            new DeviceSlot("grid-web-2", Platform.WEB, "pixel-7", "grid")), List.of(), "devices.yaml", Map.of("grid", URL));
    /** A local web device, two Grid ones and two sims. */
    static final DevicePool MIXED = new DevicePool(List.of(new DeviceSlot("web-1", Platform.WEB, "pixel-7", "web"),
            new DeviceSlot("grid-web-1", Platform.WEB, "pixel-7", "grid"), new DeviceSlot("grid-web-2", Platform.WEB, "pixel-7", "grid"),
            new DeviceSlot("sim-1", Platform.SIM, "instant", "sim"), new DeviceSlot("sim-2", Platform.SIM, "instant", "sim")),
            List.of(), "devices.yaml", Map.of("grid", URL));

    static List<Requirement> web(String source, String... labels) {
        return java.util.Arrays.stream(labels).map(l -> new Requirement(l, Platform.WEB, null, null, source)).toList();
    }

    @Test
    void moreThanAGridLendsIsNotRefusedUpFront() {
        Requirements.checkServable(web(null, "A", "B", "C"), GRID);
        Requirements.checkServable(web(null, "A", "B", "C", "D"), MIXED);
    }

    @Test
    void theAllocatorWaitsItsBoundThenNamesTheGridWhatWasWantedWhatItOffersAndWhatToDo() {
        Allocator alloc = new Allocator(GRID, id -> Optional.empty());
        assertThatThrownBy(() -> alloc.allocate("run-1", 1, web(null, "A", "B", "C"), 20, Set.of()))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE))
                .hasMessage("the run wants 3 web devices and this daemon has 2: the Grid 'grid' (" + URL + ") offers 2,"
                        + " and none more came within 20 ms. Add nodes or slots to the Grid (a waiting run gets them within a second"
                        + " of the Grid listing them), raise `slots:` of source grid in devices.yaml if it caps them,"
                        + " or lower the plan's web devices (or put some labels on another platform).")
                .hasMessageNotContaining("TANDEM_WEB_DEVICES");
    }

    @Test
    void labelsBoundToTheGridCountOnlyItsDevicesAndLocalOnesAreNamedToo() {
        Requirements.checkServable(web("grid", "A", "B", "C"), MIXED);
        Allocator alloc = new Allocator(MIXED, id -> Optional.empty());
        assertThatThrownBy(() -> alloc.allocate("run-1", 1, web("grid", "A", "B", "C"), 0, Set.of()))
                .hasMessageStartingWith("the run wants 3 web devices of source grid and this daemon has 2: the Grid 'grid' ("
                        + URL + ") offers 2. Add nodes");
        assertThat(Shortfall.of(web(null, "A", "B", "C", "D"), MIXED).getFirst().gridSentence(0))
                .startsWith("the run wants 4 web devices and this daemon has 3: the Grid 'grid' (" + URL + ") offers 2, local ones 1. ");
    }

    @Test
    void localPoolsAreStillRefusedUpFrontWithTheirOwnHint() {
        List<Requirement> sims = List.of(new Requirement("A", Platform.SIM, null, null), new Requirement("B", Platform.SIM, null, null),
                new Requirement("C", Platform.SIM, null, null));
        assertThatThrownBy(() -> Requirements.checkServable(sims, MIXED))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("the plan needs 3 sim devices and this daemon has 2; raise TANDEM_SIM_DEVICES (then `tandem daemon stop`)"
                        + " or put some labels on another platform");
        DevicePool local = DevicePool.fromEnv(Map.of("TANDEM_SIM_DEVICES", "1", "TANDEM_WEB_DEVICES", "1"));
        assertThatThrownBy(() -> Requirements.checkServable(web(null, "A", "B"), local)).hasMessageContaining("raise TANDEM_WEB_DEVICES");
        assertThatThrownBy(() -> Requirements.checkServable(web("web", "A", "B"), MIXED))
                .hasMessage("the plan needs 2 web devices of source web and this daemon has 1; add web devices to source web in"
                        + " devices.yaml (then `tandem daemon stop`) or put some labels on another platform");
    }
}
