package dev.tandem.sim;

/**
 * The phone's screen in dp and the system UI's fixed sizes.
 *
 * @param density pixels per dp (screenshots are width*density by height*density pixels)
 */
record Geometry(int width, int height, double density) {
    static final int STATUS_BAR = 24;
    static final int APP_BAR = 56;
    static final int KEYBOARD = 280;
    static final int PADDING = 16;
    static final int APPENDED_ITEM = 56;
    static final int LAUNCHER_COLUMNS = 4;
    static final int LAUNCHER_CELL = 96;
    static final int NOTIFICATION = 80;

    Geometry {
        if (width < 200 || height < 300 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("the screen must be between 200x300 and 4000x4000 dp, not " + width + "x" + height);
        }
        if (!(density >= 0.5 && density <= 5)) throw new IllegalArgumentException("density must be between 0.5 and 5, not " + density);
    }

    int contentTop() {
        return STATUS_BAR + APP_BAR;
    }

    /** The bottom of the app's window: above the keyboard when it shows (adjustResize). */
    int windowBottom(boolean keyboard) {
        return keyboard ? height - KEYBOARD : height;
    }
}
