package dev.tandem.daemon.prepare;

/**
 * The JDK that runs the runners (the one running this process: the daemon and {@code tandem
 * prepare} launch runners with their own java) and the host OS. A class-data archive is only valid
 * for the exact JVM build that wrote it, so all of this is part of the artifact key.
 */
public record Toolchain(String vendor, String version, String vm, String home, String os, String arch) {
    private static final Toolchain CURRENT = probe();

    /** This process's JDK, read once (system properties: no subprocess). */
    public static Toolchain current() {
        return CURRENT;
    }

    /** The JDK's feature release (25 for {@code 25.0.3+9-LTS}); 0 when the version string is not a Java version. */
    public int feature() {
        try {
            return Runtime.Version.parse(version).feature();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static Toolchain probe() {
        return new Toolchain(
                System.getProperty("java.vm.vendor", "?"),
                System.getProperty("java.runtime.version", System.getProperty("java.version", "?")),
                System.getProperty("java.vm.name", "?") + " " + System.getProperty("java.vm.version", "?"),
                System.getProperty("java.home", "?"),
                System.getProperty("os.name", "?"),
                System.getProperty("os.arch", "?"));
    }
}
