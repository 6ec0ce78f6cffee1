package dev.tandem.protocol;

/** An element's rectangle on screen in device-independent pixels. */
public record Bounds(int x, int y, int width, int height) {
    public int centerX() {
        return x + width / 2;
    }

    public int centerY() {
        return y + height / 2;
    }

    public boolean contains(int px, int py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }

    public boolean intersects(Bounds o) {
        return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }

    @Override
    public String toString() {
        return "[" + x + "," + y + " " + width + "x" + height + "]";
    }
}
