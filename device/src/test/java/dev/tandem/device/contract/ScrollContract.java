package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.Direction;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code swipe(direction, within)} and scrollUntilVisible, on the long list (200 items). */
public interface ScrollContract extends Contract {

    /** The numbers of the list items on screen, top to bottom. */
    private List<Integer> itemsOnScreen() {
        return d().elements().stream().map(UiNode::id).filter(id -> id != null && id.startsWith("item_"))
                .map(id -> Integer.parseInt(id.substring(5))).toList();
    }

    private void swipe(Direction direction) throws InterruptedException {
        d().device().swipe(direction, null);
        d().settle();
    }

    @Test
    default void swipingUpScrollsTheContentDown() throws Exception {
        // Pins: the direction is the finger's: swiping up shows what is below; the first item scrolls away.
        d().launch(LIST);
        List<Integer> before = itemsOnScreen();
        assertThat(before).startsWith(1);
        swipe(Direction.UP);
        List<Integer> after = itemsOnScreen();
        assertThat(after).isNotEmpty().doesNotContain(1);
        assertThat(after.getLast()).isGreaterThan(before.getLast());
    }

    @Test
    default void swipingDownScrollsBackTowardsTheTop() throws Exception {
        // Pins: swiping down after swiping up shows earlier content again. (Not to the pixel: a real
        // touch scroll need not retrace the same distance, so only the direction is pinned.)
        d().launch(LIST);
        swipe(Direction.UP);
        List<Integer> scrolled = itemsOnScreen();
        swipe(Direction.DOWN);
        List<Integer> back = itemsOnScreen();
        assertThat(back.getFirst()).as("after %s", scrolled).isLessThan(scrolled.getFirst());
        assertThat(back).contains(1);
    }

    @Test
    default void swipingDownAtTheTopChangesNothing() throws Exception {
        // Pins: content does not scroll past its start.
        d().launch(LIST);
        List<Integer> before = itemsOnScreen();
        swipe(Direction.DOWN);
        assertThat(itemsOnScreen()).isEqualTo(before);
    }

    @Test
    default void aSwipeWithinAScrollableScrollsIt() throws Exception {
        // Pins: swipe with a selector swipes across that scrollable (the list): its content moves.
        d().launch(LIST);
        List<Integer> before = itemsOnScreen();
        d().run(Tool.SWIPE, "direction", "up", "id", "items");
        assertThat(itemsOnScreen().getLast()).isGreaterThan(before.getLast());
    }

    @Test
    default void scrollUntilVisibleBringsAnItemOnScreenAndItCanBeTapped() throws Exception {
        // Pins: scrollUntilVisible swipes until the element is on screen; tapping it then hits that element.
        d().launch(LIST);
        assertThat(d().run(Tool.SCROLL_UNTIL_VISIBLE, "text", "Item 150").path("element").asText()).contains("#item_150");
        d().run(Tool.TAP_ON, "text", "Item 150");
        d().run(Tool.SCROLL_UNTIL_VISIBLE, "text", "Selected Item 150", "direction", "up");
        assertThat(d().need("selected").text()).isEqualTo("Selected Item 150");
    }

    @Test
    default void scrollUntilVisibleFailsOnceTheContentStopsMoving() throws Exception {
        // Pins: at the content's end scrollUntilVisible fails with ELEMENT_NOT_FOUND saying the end is reached.
        d().launch(LIST);
        assertThat(d().fails(ErrorCode.ELEMENT_NOT_FOUND,
                () -> d().run(Tool.SCROLL_UNTIL_VISIBLE, "text", "Item 999", "direction", "up")).getMessage()).contains("end reached");
    }

    @Test
    default void aHorizontalSwipeOnAVerticalListChangesNothing() throws Exception {
        // Pins: left and right swipes do not scroll content that only scrolls vertically.
        d().launch(LIST);
        List<Integer> before = itemsOnScreen();
        for (Direction sideways : List.of(Direction.LEFT, Direction.RIGHT)) {
            swipe(sideways);
            assertThat(d().snapshot()).as("after a swipe %s", sideways).extracting(s -> s.app(), s -> s.screen()).containsExactly(LIST, "list");
            assertThat(itemsOnScreen()).as("after a swipe %s", sideways).isEqualTo(before);
        }
    }
}
