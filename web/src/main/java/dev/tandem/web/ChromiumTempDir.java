package dev.tandem.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chromium's TMPDIR: {@code <device work dir>/tmp}, fresh for each start. Chromium makes its own
 * temp dirs there (the singleton socket's {@code org.chromium.Chromium.*}) instead of in /tmp: it
 * is killed, never asked to quit, so it never removes them itself; its watchdog and
 * {@link ChromiumProcess#close} delete this dir with the profile.
 */
final class ChromiumTempDir {
    /** The most a Unix socket path may hold (sun_path is 108 bytes with its NUL). */
    static final int MAX_SOCKET_PATH = 107;
    /** What Chromium appends to TMPDIR for its socket. */
    static final int SOCKET_SUFFIX = "/org.chromium.Chromium.XXXXXX/SingletonSocket".length();

    private ChromiumTempDir() {}

    /**
     * Creates the temp dir. Chromium aborts at start when its socket path would pass
     * {@link #MAX_SOCKET_PATH}: under a work dir that deep, the temp dir is a private one (0700) in
     * the system temp dir instead, deleted the same way.
     */
    static Path create(Path workDir) throws IOException {
        Path tmp = workDir.toAbsolutePath().resolve("tmp");
        ChromiumProcess.deleteTree(tmp);
        if (fits(tmp)) return Files.createDirectories(tmp);
        return Files.createTempDirectory("tandem-chromium-");
    }

    static boolean fits(Path tmp) {
        return tmp.toString().getBytes(StandardCharsets.UTF_8).length + SOCKET_SUFFIX <= MAX_SOCKET_PATH;
    }
}
