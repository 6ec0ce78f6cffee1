package dev.tandem.apps;

import java.util.List;

/**
 * One screen of an app: the app bar's title and the elements below it, top to bottom.
 *
 * @param focus the id of a textfield focused (keyboard up) whenever the screen opens; null for none
 */
public record ScreenDef(String name, String title, String focus, List<ElementDef> elements) {
    public ScreenDef {
        elements = List.copyOf(elements);
    }
}
