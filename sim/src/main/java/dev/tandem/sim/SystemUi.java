package dev.tandem.sim;

import dev.tandem.apps.AppDefinition;
import dev.tandem.device.Notification;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ImeAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The phone's own UI: status bar, app bar, launcher, notification shade and keyboard. Their ids
 * start with {@code system:}, which app definitions may not use.
 */
final class SystemUi {
    static final String CLOCK = "12:00";
    static final String BATTERY = "100%";

    private SystemUi() {}

    static Box statusBar(Geometry g) {
        return Box.group("group", "system:status_bar", 0, 0, g.width(), Geometry.STATUS_BAR, List.of(
                Box.leaf("text", "system:clock", CLOCK, Geometry.PADDING, 0, 64, Geometry.STATUS_BAR, null),
                Box.leaf("text", "system:battery", BATTERY, g.width() - 64, 0, 48, Geometry.STATUS_BAR, null)));
    }

    /** The app bar: the title, and an up arrow before it when the back stack is deeper than one screen. */
    static List<Box> appBar(Geometry g, String title, boolean up) {
        int y = Geometry.STATUS_BAR;
        int titleX = up ? Geometry.APP_BAR + 8 : Geometry.PADDING;
        Box header = Box.leaf("header", "system:title", title, titleX, y, g.width() - titleX - Geometry.PADDING, Geometry.APP_BAR, null);
        if (!up) return List.of(header);
        return List.of(header, Box.leaf("button", "system:navigate_up", "Navigate up", 0, y, Geometry.APP_BAR, Geometry.APP_BAR, new Target.NavigateUp()));
    }

    /** The home screen: one icon per installed app, four to a row. */
    static Layer launcher(Geometry g, List<AppDefinition> apps) {
        List<Box> icons = new ArrayList<>();
        int cell = g.width() / Geometry.LAUNCHER_COLUMNS;
        int top = Geometry.STATUS_BAR + Geometry.PADDING;
        for (int i = 0; i < apps.size(); i++) {
            AppDefinition a = apps.get(i);
            int x = (i % Geometry.LAUNCHER_COLUMNS) * cell;
            int y = top + (i / Geometry.LAUNCHER_COLUMNS) * Geometry.LAUNCHER_CELL;
            icons.add(Box.leaf("button", a.appId(), a.name(), x, y, cell, Geometry.LAUNCHER_CELL, new Target.LaunchApp(a.appId())));
        }
        int h = g.height() - Geometry.STATUS_BAR;
        return new Layer(icons, new Bounds(0, Geometry.STATUS_BAR, g.width(), h));
    }

    /** The notification shade over the whole screen below the status bar, newest first. */
    static Box shade(Geometry g, List<Notification> notifications) {
        List<Box> children = new ArrayList<>();
        int y = Geometry.STATUS_BAR;
        int w = g.width() - 2 * Geometry.PADDING;
        children.add(Box.leaf("header", "system:shade_title", "Notifications", Geometry.PADDING, y, w, Geometry.APP_BAR, null));
        y += Geometry.APP_BAR;
        if (notifications.isEmpty()) {
            children.add(Box.leaf("text", "system:shade_empty", "No notifications", Geometry.PADDING, y, w, 48, null));
        }
        for (Notification n : notifications) {
            if (y + Geometry.NOTIFICATION > g.height() - 56) break; // the rest are below the fold
            Target open = new Target.OpenNotification(n.key());
            Box body = Box.leaf("text", "system:notification_text", n.body(), Geometry.PADDING + 8, y + 36, w - 16, 36, open);
            children.add(new Box("notification", "system:notification", n.title(), null, Geometry.PADDING / 2, y + 4,
                    g.width() - Geometry.PADDING, Geometry.NOTIFICATION - 8, true, null, false, List.of(body), open));
            y += Geometry.NOTIFICATION;
        }
        if (!notifications.isEmpty()) {
            children.add(Box.leaf("button", "system:clear_all", "Clear all", g.width() - 128, y + 4, 112, 48, new Target.ClearNotifications()));
        }
        return Box.group("group", "system:shade", 0, Geometry.STATUS_BAR, g.width(), g.height() - Geometry.STATUS_BAR, children);
    }

    /** The soft keyboard; its action key is labelled with the focused field's IME action. */
    static Box keyboard(Geometry g, ImeAction action) {
        int top = g.height() - Geometry.KEYBOARD;
        Box key = Box.leaf("button", "system:ime_action", action.wireName(), g.width() - 96, g.height() - 64, 88, 56, new Target.ImeKey(action));
        return Box.group("keyboard", "system:keyboard", 0, top, g.width(), Geometry.KEYBOARD, List.of(key));
    }
}
