package dev.tandem.sim;

import dev.tandem.protocol.Bounds;
import java.util.List;

/** Boxes shown through a clip rectangle (the scrolling content through its viewport, say). */
record Layer(List<Box> boxes, Bounds clip) {}
