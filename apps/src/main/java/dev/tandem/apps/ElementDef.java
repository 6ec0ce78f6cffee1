package dev.tandem.apps;

import dev.tandem.protocol.ImeAction;
import java.util.List;

/**
 * One element of a screen, normalised: defaults filled in, {@code repeat} already expanded.
 *
 * @param id null when the element is never targeted (its id is not in the UI tree either)
 * @param checked null unless the role is checkable
 * @param height dp; 0 for containers (their children's height)
 * @param imeAction the keyboard action key of a textfield (never {@code enter}: every field takes that); null otherwise
 * @param dock {@code bottom} pins a top-level element below the scrolling content; null otherwise
 * @param layout {@code row} or {@code column} for containers; null otherwise
 */
public record ElementDef(
        String id,
        Role role,
        String text,
        String hint,
        boolean enabled,
        Boolean checked,
        boolean visible,
        int height,
        boolean secret,
        ImeAction imeAction,
        String dock,
        List<Action> onTap,
        List<Action> onLongPress,
        List<Action> onIme,
        String layout,
        List<ElementDef> children) {

    public ElementDef {
        onTap = List.copyOf(onTap);
        onLongPress = List.copyOf(onLongPress);
        onIme = List.copyOf(onIme);
        children = List.copyOf(children);
    }

    public boolean row() {
        return "row".equals(layout);
    }
}
