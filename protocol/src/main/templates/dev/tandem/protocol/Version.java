package dev.tandem.protocol;

/**
 * Tandem's version, stamped by the build; the daemon and runners compare it in their handshakes.
 * This file is a template (protocol/src/main/templates): the build writes the version into it, so
 * reading it costs nothing at start-up (a properties resource read from the jar cost every CLI
 * command ~25 ms: a second JarFile, its manifest and signature check).
 */
public final class Version {
    public static final String VERSION = "${project.version}";

    private Version() {}
}
