package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.device.Direction;
import dev.tandem.device.Notification;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notification tray: {@code notifications()}, {@code openTray}, {@code tapNotification},
 * {@code dismissNotification}, {@code clearNotifications}, and the systemTray tool. Notifications
 * come from the chat app: another user's message posts one with title = the sender, body = the text.
 */
public interface TrayContract extends Contract {

    /** The chat app in front, with messages from Ann ("one") and then Bob ("two") in the tray. */
    private List<Notification> twoNotifications() throws InterruptedException {
        requires(Tool.SYSTEM_TRAY);
        d().launch(CHAT);
        d().messageFrom("Ann", "one");
        d().awaitNotifications(1);
        d().messageFrom("Bob", "two");
        return d().awaitNotifications(2);
    }

    @Test
    default void notificationsAreListedNewestFirst() throws Exception {
        // Pins: notifications() is newest first, each with its app, title, body and a key of its own.
        List<Notification> all = twoNotifications();
        assertThat(all).extracting(Notification::title, Notification::body)
                .containsExactly(tuple("Bob", "two"), tuple("Ann", "one"));
        assertThat(all).extracting(Notification::app).containsOnly(CHAT);
        assertThat(all).extracting(Notification::key).doesNotHaveDuplicates();
    }

    @Test
    default void openingTheTrayShowsTheShadeWithEachNotification() throws Exception {
        // Pins: openTray puts the shade in the tree (system:shade), one system:notification per notification, newest first.
        twoNotifications();
        d().device().openTray();
        d().settle();
        assertThat(d().byId("system:shade")).isPresent();
        List<UiNode> shown = d().elements().stream().filter(n -> "system:notification".equals(n.id())).toList();
        assertThat(shown).extracting(UiNode::role).containsOnly("notification");
        assertThat(shown).extracting(UiNode::text).containsExactly("Bob", "Ann");
        assertThat(shown.getFirst().flatten()).extracting(UiNode::text).contains("two");
        assertThat(d().byId("system:clear_all")).isPresent();
        assertThat(d().byId("compose")).as("the shade covers the app").isEmpty();
    }

    @Test
    default void tappingANotificationOpensItsAppAndRemovesIt() throws Exception {
        // Pins: tapNotification closes the shade, brings the notification's app to the front, and removes only it.
        List<Notification> all = twoNotifications();
        d().device().openTray();
        d().device().tapNotification(all.getLast());
        d().settle();
        assertThat(d().snapshot().app()).isEqualTo(CHAT);
        assertThat(d().byId("system:shade")).isEmpty();
        assertThat(d().device().notifications()).extracting(Notification::body).containsExactly("two");
    }

    @Test
    default void tappingANotificationInTheShadeOpensIt() throws Exception {
        // Pins: a tap on a notification's element in the open shade (tapOn) acts as tapNotification.
        twoNotifications();
        d().device().openTray();
        d().run(Tool.TAP_ON, "text", "Ann", "role", "notification");
        assertThat(d().byId("system:shade")).isEmpty();
        assertThat(d().snapshot().app()).isEqualTo(CHAT);
        assertThat(d().device().notifications()).extracting(Notification::title).containsExactly("Bob");
    }

    @Test
    default void dismissingRemovesOnlyThatNotification() throws Exception {
        // Pins: dismissNotification removes the one notification and opens nothing.
        List<Notification> all = twoNotifications();
        d().device().dismissNotification(all.getFirst());
        d().settle();
        assertThat(d().device().notifications()).extracting(Notification::title).containsExactly("Ann");
        assertThat(d().snapshot().app()).isEqualTo(CHAT);
    }

    @Test
    default void clearingEmptiesTheTray() throws Exception {
        // Pins: clearNotifications removes all; the systemTray tool's clearAll does the same.
        twoNotifications();
        d().device().clearNotifications();
        d().settle();
        assertThat(d().device().notifications()).isEmpty();
        d().messageFrom("Cy", "three");
        d().awaitNotifications(1);
        d().run(Tool.SYSTEM_TRAY, "action", "clearAll");
        assertThat(d().device().notifications()).isEmpty();
    }

    @Test
    default void backClosesTheShade() throws Exception {
        // Pins: back with the shade open closes it and nothing else: the app is in front again.
        twoNotifications();
        d().run(Tool.SYSTEM_TRAY, "action", "open");
        assertThat(d().byId("system:shade")).isPresent();
        d().button("back");
        assertThat(d().byId("system:shade")).isEmpty();
        assertThat(d().snapshot().app()).isEqualTo(CHAT);
        assertThat(d().device().notifications()).hasSize(2);
    }

    @Test
    default void systemTrayFindMatchesTitleAndBodyExactlyOrAsRegex() throws Exception {
        // Pins: systemTray find waits for a notification whose title and body match (exact or /regex/ over the whole value).
        twoNotifications();
        var found = d().run(Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("title", "/A.n/", "body", "one"));
        assertThat(found.path("title").asText()).isEqualTo("Ann");
        assertThat(found.path("app").asText()).isEqualTo(CHAT);
        d().run(Tool.SYSTEM_TRAY, "action", "dismiss", "notification", Map.of("body", "two"));
        assertThat(d().device().notifications()).extracting(Notification::body).containsExactly("one");
    }

    @Test
    default void systemTrayFindFailsListingWhatTheTrayHolds() throws Exception {
        // Pins: NOTIFICATION_NOT_FOUND after awaitTimeout, quoting the tray's notifications.
        twoNotifications();
        assertThat(d().fails(ErrorCode.NOTIFICATION_NOT_FOUND, () -> d().run(Tool.SYSTEM_TRAY, "action", "find",
                "notification", Map.of("body", "/o/"), "awaitTimeout", 200)).getMessage()).contains("\"Ann\": \"one\"");
    }

    @Test
    default void tappingANotificationBringsItsAppToTheFront() throws Exception {
        // Pins: tapNotification from another app opens the notification's app.
        List<Notification> all = twoNotifications();
        d().launch(LOGIN);
        d().device().tapNotification(all.getFirst());
        d().settle();
        assertThat(d().snapshot().app()).isEqualTo(CHAT);
    }

    @Test
    default void aNotificationTappedOrDismissedIsGone() throws Exception {
        // Pins: tapNotification of a notification no longer in the tray is NOTIFICATION_NOT_FOUND; dismissing it again is a no-op.
        List<Notification> all = twoNotifications();
        d().device().dismissNotification(all.getFirst());
        d().device().dismissNotification(all.getFirst());
        d().fails(ErrorCode.NOTIFICATION_NOT_FOUND, () -> d().device().tapNotification(all.getFirst()));
        assertThat(d().device().notifications()).extracting(Notification::title).containsExactly("Ann");
    }

    @Test
    default void swipingUpClosesTheShade() throws Exception {
        // Pins: a swipe up on the open shade closes it (as pushing a phone's shade away).
        twoNotifications();
        d().device().openTray();
        d().device().swipe(Direction.UP, null);
        d().settle();
        assertThat(d().byId("system:shade")).isEmpty();
        assertThat(d().snapshot().app()).isEqualTo(CHAT);
    }
}
