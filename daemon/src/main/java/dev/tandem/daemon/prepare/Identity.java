package dev.tandem.daemon.prepare;

import java.util.List;
import java.util.Map;

/**
 * Everything a prepared runner artifact depends on; its canonical form hashes to the artifact key
 * ({@link Canonical#key}). Adding, removing or renaming a field changes what is hashed: bump
 * {@link Metadata#SCHEMA_VERSION} in the same change.
 *
 * @param schemaVersion {@link Metadata#SCHEMA_VERSION}, so a schema change is also a new key
 * @param jars runner jar file name → sha256 of its content
 * @param toolchain the JDK that trains and runs the runner, and the OS/arch
 * @param archive the kind of class-data archive (follows from the JDK; explicit so a change of strategy is a new key)
 * @param tools the platform's external tools as its backend reports them (web: {@code chromium.version})
 */
public record Identity(
        int schemaVersion,
        String platform,
        String runnerMain,
        List<String> jvmOptions,
        Map<String, String> jars,
        Toolchain toolchain,
        ArchiveKind archive,
        Map<String, String> tools) {

    public String key() {
        return Canonical.key(this);
    }
}
