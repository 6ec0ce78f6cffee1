package dev.tandem.sim;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Draws a snapshot's UI tree with Java2D: one flat, Material-like look per role. */
final class PngPainter {
    private static final Color PRIMARY = new Color(0x3F51B5);
    private static final Color PRIMARY_DARK = new Color(0x303F9F);
    private static final Color TEXT = new Color(0x212121);
    private static final Color MUTED = new Color(0x757575);
    private static final Color DIVIDER = new Color(0xE0E0E0);
    private static final Color DISABLED = new Color(0xBDBDBD);
    private static final Color SURFACE = new Color(0xF5F5F5);
    private static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private PngPainter() {}

    /**
     * Pixels per dp. A simulated screen carries no detail beyond its dp layout, and painting at
     * the full density (2.6×) meant a 10 MB raster that kept the runner's heap ~15 MB larger.
     */
    static final double SCALE = 1.0;

    static byte[] paint(Snapshot s) {
        double scale = Math.min(SCALE, s.density());
        int w = (int) Math.round(s.width() * scale);
        int h = (int) Math.round(s.height() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, s.width(), s.height());
            boolean home = s.app() == null;
            for (UiNode n : s.elements()) draw(g, n, s, home);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, UiNode n, Snapshot s, boolean home) {
        Bounds b = n.bounds();
        if (b == null || n.role() == null) return;
        String id = n.id() == null ? "" : n.id();
        Shape clip = g.getClip();
        if (id.equals("system:title")) g.clipRect(0, b.y(), s.width(), b.height()); // the bar spans the screen
        else g.clipRect(b.x(), b.y(), b.width(), b.height());
        try {
            switch (n.role()) {
                case "group" -> {
                    if (id.equals("system:status_bar")) fill(g, b, PRIMARY_DARK);
                    else if (id.equals("system:shade")) fill(g, b, SURFACE);
                }
                case "header" -> {
                    if (id.equals("system:title")) {
                        g.setColor(PRIMARY);
                        g.fillRect(0, b.y(), s.width(), b.height());
                        text(g, n.text(), b, TITLE, Color.WHITE, false);
                    } else {
                        text(g, n.text(), b, TITLE, TEXT, false);
                    }
                }
                case "text" -> text(g, n.text(), b, id.startsWith("system:clock") || id.startsWith("system:battery") ? SMALL : BODY,
                        id.equals("system:clock") || id.equals("system:battery") ? Color.WHITE : TEXT, false);
                case "button" -> button(g, n, b, home && !id.startsWith("system:"));
                case "textfield" -> {
                    g.setColor(n.focused() ? PRIMARY : MUTED);
                    g.setStroke(new BasicStroke(n.focused() ? 2f : 1f));
                    g.drawRoundRect(b.x() + 1, b.y() + 4, b.width() - 2, b.height() - 8, 8, 8);
                    boolean empty = n.text() == null || n.text().isEmpty();
                    text(g, empty ? n.hint() : n.text(), inset(b, 12), BODY, empty ? MUTED : TEXT, false);
                }
                case "checkbox" -> {
                    int y = b.centerY() - 9;
                    g.setColor(Boolean.TRUE.equals(n.checked()) ? PRIMARY : MUTED);
                    if (Boolean.TRUE.equals(n.checked())) g.fillRoundRect(b.x(), y, 18, 18, 4, 4);
                    else g.drawRoundRect(b.x(), y, 18, 18, 4, 4);
                    text(g, n.text(), new Bounds(b.x() + 30, b.y(), b.width() - 30, b.height()), BODY, TEXT, false);
                }
                case "switch" -> {
                    boolean on = Boolean.TRUE.equals(n.checked());
                    int x = b.x() + b.width() - 44;
                    g.setColor(on ? new Color(0x9FA8DA) : DISABLED);
                    g.fillRoundRect(x, b.centerY() - 7, 36, 14, 14, 14);
                    g.setColor(on ? PRIMARY : Color.WHITE);
                    g.fillOval(on ? x + 16 : x, b.centerY() - 10, 20, 20);
                    if (!on) {
                        g.setColor(MUTED);
                        g.drawOval(x, b.centerY() - 10, 20, 20);
                    }
                    text(g, n.text(), new Bounds(b.x(), b.y(), b.width() - 52, b.height()), BODY, TEXT, false);
                }
                case "tab" -> {
                    boolean on = Boolean.TRUE.equals(n.checked());
                    fill(g, b, SURFACE);
                    text(g, n.text(), b, BODY, on ? PRIMARY : MUTED, true);
                    if (on) {
                        g.setColor(PRIMARY);
                        g.fillRect(b.x() + 8, b.y(), b.width() - 16, 3);
                    }
                }
                case "listitem" -> {
                    text(g, n.text(), inset(b, 8), BODY, TEXT, false);
                    g.setColor(DIVIDER);
                    g.drawLine(b.x(), b.y() + b.height() - 1, b.x() + b.width(), b.y() + b.height() - 1);
                }
                case "image" -> {
                    fill(g, b, DIVIDER);
                    g.setColor(MUTED);
                    g.drawLine(b.x(), b.y(), b.x() + b.width(), b.y() + b.height());
                    g.drawLine(b.x() + b.width(), b.y(), b.x(), b.y() + b.height());
                }
                case "notification" -> {
                    g.setColor(Color.WHITE);
                    g.fillRoundRect(b.x(), b.y(), b.width(), b.height(), 16, 16);
                    g.setColor(DIVIDER);
                    g.drawRoundRect(b.x(), b.y(), b.width() - 1, b.height() - 1, 16, 16);
                    text(g, n.text(), new Bounds(b.x() + 16, b.y() + 4, b.width() - 32, 32), BODY.deriveFont(Font.BOLD), TEXT, false);
                }
                case "keyboard" -> keyboard(g, b);
                default -> { }
            }
        } finally {
            g.setClip(clip);
        }
    }

    private static void button(Graphics2D g, UiNode n, Bounds b, boolean launcherIcon) {
        if (launcherIcon) {
            int d = 48;
            int x = b.centerX() - d / 2;
            g.setColor(PRIMARY);
            g.fillOval(x, b.y() + 8, d, d);
            String initial = n.text() == null || n.text().isEmpty() ? "?" : n.text().substring(0, 1);
            text(g, initial, new Bounds(x, b.y() + 8, d, d), TITLE, Color.WHITE, true);
            text(g, n.text(), new Bounds(b.x(), b.y() + 60, b.width(), 24), SMALL, TEXT, true);
            return;
        }
        if ("system:navigate_up".equals(n.id())) {
            text(g, "\u2190", b, TITLE, Color.WHITE, true);
            return;
        }
        g.setColor(n.enabled() ? PRIMARY : DISABLED);
        g.fillRoundRect(b.x(), b.y() + 4, b.width(), b.height() - 8, 20, 20);
        text(g, n.text(), b, BODY.deriveFont(Font.BOLD), Color.WHITE, true);
    }

    private static void keyboard(Graphics2D g, Bounds b) {
        fill(g, b, new Color(0xECEFF1));
        int[] rows = {10, 9, 7};
        int keyH = 48;
        for (int r = 0; r < rows.length; r++) {
            int kw = b.width() / 10;
            int start = b.x() + (b.width() - rows[r] * kw) / 2;
            for (int k = 0; k < rows[r]; k++) {
                g.setColor(Color.WHITE);
                g.fillRoundRect(start + k * kw + 3, b.y() + 12 + r * (keyH + 8), kw - 6, keyH, 8, 8);
            }
        }
        g.setColor(Color.WHITE);
        g.fillRoundRect(b.x() + b.width() / 4, b.y() + b.height() - 60, b.width() / 2, keyH, 8, 8);
    }

    private static void fill(Graphics2D g, Bounds b, Color c) {
        g.setColor(c);
        g.fillRect(b.x(), b.y(), b.width(), b.height());
    }

    private static Bounds inset(Bounds b, int dx) {
        return new Bounds(b.x() + dx, b.y(), Math.max(0, b.width() - 2 * dx), b.height());
    }

    private static void text(Graphics2D g, String s, Bounds b, Font font, Color color, boolean center) {
        if (s == null || s.isEmpty()) return;
        g.setFont(font);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        int x = center ? b.x() + (b.width() - fm.stringWidth(s)) / 2 : b.x();
        int y = b.y() + (b.height() - fm.getHeight()) / 2 + fm.getAscent();
        g.drawString(s, x, y);
    }
}
