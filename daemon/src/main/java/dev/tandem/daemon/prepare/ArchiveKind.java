package dev.tandem.daemon.prepare;

import java.nio.file.Path;
import java.util.List;

/**
 * How a prepared artifact stores the runner's class data. JDK 25 and later write an AOT cache
 * (JEP 483 and 514: classes loaded and linked ahead of time, recorded by one training run); older
 * JDKs a dynamic AppCDS archive. The JDK decides, and the JDK is part of the key, so one key always
 * means one kind. Measured on the sim runner with JDK 25 (PrepareBench): cold start ×0.48 of an
 * unprepared one with the AOT cache, ×0.58–0.61 with AppCDS.
 */
public enum ArchiveKind {
    APP_CDS("runner.jsa"),
    AOT_CACHE("runner.aot");

    /** First JDK feature release with the one-step AOT cache ({@code -XX:AOTCacheOutput}). */
    static final int AOT_SINCE = 25;

    private final String file;

    ArchiveKind(String file) {
        this.file = file;
    }

    public static ArchiveKind forJdk(int feature) {
        return feature >= AOT_SINCE ? AOT_CACHE : APP_CDS;
    }

    /** The archive's file name in the artifact dir. */
    public String file() {
        return file;
    }

    /**
     * A training run with these writes the archive when the JVM exits; the dump's per-class
     * "skipping" notes are silenced (log tags differ by JDK: an unknown one stops the JVM).
     */
    public List<String> trainOptions(Path archive) {
        return switch (this) {
            case APP_CDS -> List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error:stderr");
            case AOT_CACHE -> List.of("-XX:AOTCacheOutput=" + archive, "-Xlog:cds=error:stderr", "-Xlog:aot=error:stderr");
        };
    }

    /** How runners use it: a rejected archive (a jar touched since) costs speed, never the run. */
    public List<String> launchOptions(Path archive) {
        return switch (this) {
            case APP_CDS -> List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
            case AOT_CACHE -> List.of("-XX:AOTCache=" + archive, "-XX:AOTMode=auto");
        };
    }

    /** With these the JVM refuses to start when it cannot map the archive: the acceptance check. */
    public List<String> strictOptions(Path archive) {
        return switch (this) {
            case APP_CDS -> List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on");
            case AOT_CACHE -> List.of("-XX:AOTCache=" + archive, "-XX:AOTMode=on");
        };
    }
}
