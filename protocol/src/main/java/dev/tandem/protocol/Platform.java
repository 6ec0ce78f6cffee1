package dev.tandem.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A device platform: the name in device specs ({@code sim}, {@code web:pixel-7}), plans
 * ({@code platform: web}) and on the wire. Serialized as its bare name.
 *
 * <p>A value type, not a closed enum: a platform exists when a backend module declares it
 * ({@code dev.tandem.device.BackendProvider}, found through {@code ServiceLoader}), so a new backend —
 * or a test-only fake one — adds its platform by registering its provider, without editing a list
 * here. The constants name the platforms Tandem knows of; {@link #ANDROID} and {@link #IOS} are
 * reserved until their backend is on the classpath.
 */
public record Platform(String name) {
    public static final Platform SIM = new Platform("sim");
    public static final Platform WEB = new Platform("web");
    public static final Platform ANDROID = new Platform("android");
    public static final Platform IOS = new Platform("ios");

    /** The platforms Tandem knows by name, whether or not their backend is installed. */
    public static final List<Platform> WELL_KNOWN = List.of(SIM, WEB, ANDROID, IOS);

    public Platform {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a platform name is lower-case letters, digits and '-', got '" + name + "'");
        }
    }

    /** The platform of this name (exactly as written: {@code SIM} is no platform); the well-known constant when there is one. */
    @JsonCreator
    public static Platform of(String name) {
        String n = name == null ? null : name.trim();
        for (Platform p : WELL_KNOWN) if (p.name.equals(n)) return p;
        return new Platform(n);
    }

    /** Whether a string could name a platform at all (letters, digits, '-'), before asking which exist. */
    public static boolean isName(String s) {
        return s != null && s.matches("[a-z][a-z0-9-]{0,31}");
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
