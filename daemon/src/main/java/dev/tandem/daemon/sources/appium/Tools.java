package dev.tandem.daemon.sources.appium;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where discovery's tools are on this host, from the environment it is given (not the process's own). */
final class Tools {
    private Tools() {}

    /** {@code $ANDROID_HOME/platform-tools/adb}, then {@code $ANDROID_SDK_ROOT/…}, then the first {@code adb} on {@code PATH}. */
    static Optional<Path> adb(Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        for (String var : List.of("ANDROID_HOME", "ANDROID_SDK_ROOT")) {
            String sdk = env.get(var);
            if (sdk != null && !sdk.isBlank()) path(sdk, "platform-tools", "adb").ifPresent(candidates::add);
        }
        candidates.addAll(onPath(env, "adb"));
        return candidates.stream().filter(Tools::executable).findFirst();
    }

    /** The first {@code xcrun} on {@code PATH}. */
    static Optional<Path> xcrun(Map<String, String> env) {
        return onPath(env, "xcrun").stream().filter(Tools::executable).findFirst();
    }

    /** The SDK variables that are set but hold no adb, for the note that says adb is missing. */
    static List<String> sdkWithoutAdb(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (String var : List.of("ANDROID_HOME", "ANDROID_SDK_ROOT")) {
            String sdk = env.get(var);
            if (sdk != null && !sdk.isBlank() && path(sdk, "platform-tools", "adb").filter(Tools::executable).isEmpty()) {
                out.add(var + "=" + sdk);
            }
        }
        return out;
    }

    private static List<Path> onPath(Map<String, String> env, String name) {
        String path = env.getOrDefault("PATH", "");
        List<Path> out = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) path(dir, name).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Path> path(String first, String... more) {
        try {
            return Optional.of(Path.of(first, more));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
