package dev.tandem.protocol.os;

import java.util.Locale;

/**
 * The operating systems Tandem tells apart. Only where Linux and macOS differ does code ask: the
 * answers live in {@link Host}, the one place that knows about {@code /proc}, {@code lsof} and
 * {@code setsid}.
 */
public enum Os {
    LINUX, MAC, OTHER;

    /** The OS named by a {@code os.name} value ("Linux", "Mac OS X"). */
    public static Os of(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) return LINUX;
        if (n.startsWith("mac") || n.startsWith("darwin")) return MAC;
        return OTHER;
    }

    /** The OS this JVM runs on. */
    public static Os current() {
        return of(System.getProperty("os.name"));
    }
}
