package dev.tandem.daemon.prepare.appium;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node.js version as {@code node --version} prints it ({@code v20.20.2}), and the one check
 * prepare needs: does it satisfy an npm {@code engines} range of {@code ^x.y.z} and {@code >=x.y.z}
 * alternatives joined by {@code ||} (the forms Appium's {@code engines.node} uses).
 */
public record NodeVersion(int major, int minor, int patch) implements Comparable<NodeVersion> {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");

    /** Null when {@code text} is not a version (after trimming; a leading {@code v} is optional). */
    public static NodeVersion parse(String text) {
        if (text == null) return null;
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) return null;
        try {
            return new NodeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (NumberFormatException e) {
            return null; // digits past int range: not a Node version
        }
    }

    /** {@code 20.20}: what the cache key holds (a patch release never changes the install). */
    public String majorMinor() {
        return major + "." + minor;
    }

    /**
     * Whether this version is in {@code range}. {@code ^a.b.c}: same major, at least a.b.c;
     * {@code >=a.b.c}: at least a.b.c. An alternative of another form is never satisfied, so an
     * unreadable range fails closed.
     */
    public boolean satisfies(String range) {
        for (String alt : range.split("\\|\\|")) {
            String a = alt.strip();
            if (a.startsWith("^")) {
                NodeVersion min = parse(a.substring(1));
                if (min != null && major == min.major && compareTo(min) >= 0) return true;
            } else if (a.startsWith(">=")) {
                NodeVersion min = parse(a.substring(2).strip());
                if (min != null && compareTo(min) >= 0) return true;
            }
        }
        return false;
    }

    @Override
    public int compareTo(NodeVersion o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
