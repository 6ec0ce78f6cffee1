package dev.tandem.apps;

import java.util.List;
import java.util.Optional;

/**
 * An app as data: its screens and what its elements do. Loaded from YAML by {@link AppLoader};
 * the same definition drives the sim and (as JSON, {@link AppJson}) the web twin.
 *
 * @param onMessage actions run when a chat message from another user arrives
 */
public record AppDefinition(String appId, String name, String initialScreen, List<Action> onMessage, List<ScreenDef> screens) {

    public AppDefinition {
        onMessage = List.copyOf(onMessage);
        screens = List.copyOf(screens);
    }

    public Optional<ScreenDef> screen(String screenName) {
        return screens.stream().filter(s -> s.name().equals(screenName)).findFirst();
    }

    /** Whether the app talks to the chat service (sends, or reacts to messages). */
    public boolean usesChat() {
        if (!onMessage.isEmpty()) return true;
        for (ScreenDef s : screens) {
            if (sends(s.elements())) return true;
        }
        return false;
    }

    private static boolean sends(List<ElementDef> elements) {
        for (ElementDef e : elements) {
            for (List<Action> list : List.of(e.onTap(), e.onLongPress(), e.onIme())) {
                for (Action a : list) if (a instanceof Action.SendMessage) return true;
            }
            if (sends(e.children())) return true;
        }
        return false;
    }
}
