package dev.tandem.daemon.sources.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.GridEntries;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A grid source's devices follow the Grid's capacity, with ids that keep their meaning. */
class GridSlotsTest {
    static final Map<String, Object> CHROME = Map.of("browserName", "chrome");
    static final Map<String, Object> ANDROID = Map.of("platformName", "Android");

    /** A Grid whose nodes are up, one slot each, with these stereotypes. */
    static GridStatus grid(Map<String, Object>... slots) {
        List<GridStatus.Node> nodes = new ArrayList<>();
        for (Map<String, Object> st : slots) {
            Map<String, String> text = new java.util.LinkedHashMap<>();
            st.forEach((k, v) -> text.put(k, String.valueOf(v)));
            nodes.add(new GridStatus.Node("http://127.0.0.1:" + (5555 + nodes.size()), "UP", List.of(new GridStatus.Slot(text, null))));
        }
        return new GridStatus(true, nodes);
    }

    static GridEntries.Source entry(Integer cap, Map<String, Object>... stereotypes) {
        return new GridEntries.Source("lab", URI.create("http://127.0.0.1:4444"), List.of(stereotypes), cap, List.of("pixel-7", "iphone-15"));
    }

    static List<String> ids(List<DeviceSlot> devices) {
        return devices.stream().map(DeviceSlot::id).toList();
    }

    @Test
    void aJoiningNodeAddsTheNextIdsAndALeavingOneMarksTheLastGoneUntilItComesBack() {
        GridSlots slots = new GridSlots(entry(null, CHROME));
        assertThat(slots.follow(grid(CHROME, CHROME))).isTrue();
        assertThat(ids(slots.offered())).containsExactly("lab-web-1", "lab-web-2");

        assertThat(slots.follow(grid(CHROME, CHROME))).as("the same capacity changes nothing").isFalse();
        assertThat(slots.follow(grid(CHROME, CHROME, CHROME))).isTrue();
        assertThat(ids(slots.offered())).containsExactly("lab-web-1", "lab-web-2", "lab-web-3");
        assertThat(slots.offered().get(2).profile()).as("profiles in turn, by number").isEqualTo("pixel-7");

        assertThat(slots.follow(grid(CHROME))).isTrue();
        assertThat(ids(slots.offered())).containsExactly("lab-web-1");
        assertThat(ids(slots.gone())).containsExactly("lab-web-2", "lab-web-3");

        slots.follow(grid(CHROME, CHROME));
        assertThat(ids(slots.offered())).as("capacity back: the gone id comes back, with its profile").containsExactly("lab-web-1", "lab-web-2");
        assertThat(slots.offered().get(1).profile()).isEqualTo("iphone-15");
        assertThat(ids(slots.gone())).containsExactly("lab-web-3");
        assertThat(slots.stereotypeOf("lab-web-3")).isEqualTo(CHROME);
    }

    @Test
    void eachStereotypeKeepsItsIdsAndTheCapCountsEveryDevice() {
        GridSlots slots = new GridSlots(entry(3, CHROME, ANDROID));
        slots.follow(grid(CHROME, ANDROID));
        assertThat(ids(slots.offered())).containsExactly("lab-web-1", "lab-android-1");
        slots.follow(grid(CHROME, CHROME, ANDROID, ANDROID));
        assertThat(ids(slots.offered())).as("the cap of 3 leaves the second Android slot out")
                .containsExactly("lab-web-1", "lab-web-2", "lab-android-1");
        assertThat(slots.gone()).isEmpty();
        assertThat(slots.stereotypeOf("lab-android-1")).isEqualTo(ANDROID);
        assertThat(slots.stereotypeOf("lab-android-2")).as("never given").isNull();
    }

    @Test
    void aGridThatDidNotAnswerAtStartIsAssumedToHaveItsCapUntilItDoes() {
        GridSlots capped = new GridSlots(entry(2, CHROME));
        capped.assume();
        assertThat(ids(capped.offered())).containsExactly("lab-web-1", "lab-web-2");
        capped.follow(grid(CHROME));
        assertThat(ids(capped.offered())).containsExactly("lab-web-1");
        assertThat(ids(capped.gone())).containsExactly("lab-web-2");

        GridSlots uncapped = new GridSlots(entry(null, CHROME));
        uncapped.assume();
        assertThat(uncapped.offered()).isEmpty();
        assertThat(uncapped.follow(grid(CHROME))).isTrue();
        assertThat(ids(uncapped.offered())).containsExactly("lab-web-1");
    }
}
