package dev.tandem.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Tandem's version, stamped by the build; the daemon and runners compare it in their handshakes. */
public final class Version {
    public static final String VERSION = load();

    private Version() {}

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
