package dev.tandem.sim;

import dev.tandem.protocol.Snapshot;

/**
 * Screenshots. The drawing lives in {@link PngPainter}, which alone touches AWT: it is loaded on
 * the first screenshot, after headless mode is set, so a runner that never takes one never pays
 * for AWT's memory.
 */
final class PngRenderer {
    private PngRenderer() {}

    static byte[] render(Snapshot snapshot) {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        return PngPainter.paint(snapshot);
    }
}
