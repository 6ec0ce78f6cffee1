package dev.tandem.web;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.os.Host;
import dev.tandem.protocol.os.Os;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Which Chromium this machine has: {@code TANDEM_CHROMIUM}, else the first of {@link #NAMES} on
 * the PATH, else (macOS) the first of {@link #MAC_APPS} in /Applications or ~/Applications. Its
 * identity (path + {@code --version}) is part of the prepared artifact's cache key.
 */
record ChromiumBinary(Path path, String version) {
    static final String ENV = "TANDEM_CHROMIUM";
    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    /** macOS installs browsers as app bundles off the PATH; Chromium first, as on the PATH. */
    static final List<String> MAC_APPS = List.of("Chromium.app/Contents/MacOS/Chromium",
            "Google Chrome.app/Contents/MacOS/Google Chrome");
    private static final long VERSION_TIMEOUT_MS = 15_000;
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    /** Looks the binary up on this machine (no process started). */
    static Path locate(Map<String, String> env) {
        return locate(env, Host.current());
    }

    /** Looks the binary up in {@code host}'s file tree (a fake one in tests). */
    static Path locate(Map<String, String> env, Host host) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
            throw new TandemException(ErrorCode.CHROMIUM_MISSING, ENV + " is set to '" + configured
                    + "', which is not an executable file: point it at a Chromium binary, or unset it and " + install(host.os()) + ".");
        }
        String pathVar = env.getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : pathVar.split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = dir.startsWith("/") ? host.path(dir + "/" + name) : Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
            }
        }
        List<String> apps = apps(env, host.os());
        for (String app : apps) {
            if (host.isExecutable(app)) return host.path(app);
        }
        throw new TandemException(ErrorCode.CHROMIUM_MISSING, "Web devices need Chromium and none was found (looked for "
                + ENV + ", then " + String.join(", ", NAMES) + " on the PATH" + (apps.isEmpty() ? "" : ", then " + String.join(", ", apps))
                + "): " + install(host.os()) + " or set " + ENV + " to its path.");
    }

    /** Where app bundles live on this OS, in the order they are tried. */
    static List<String> apps(Map<String, String> env, Os os) {
        return switch (os) {
            case MAC -> {
                List<String> dirs = new ArrayList<>(List.of("/Applications"));
                String home = env.get("HOME");
                if (home != null && home.startsWith("/")) dirs.add(home + "/Applications");
                yield dirs.stream().flatMap(d -> MAC_APPS.stream().map(a -> d + "/" + a)).toList();
            }
            case LINUX, OTHER -> List.of();
        };
    }

    /** What to install, in this OS's words. Homebrew's chromium cask is unsigned (Gatekeeper balks), so Chrome comes first. */
    static String install(Os os) {
        return switch (os) {
            case MAC -> "install Google Chrome (`brew install --cask google-chrome`) or Chromium";
            case LINUX, OTHER -> "install it with `sudo apt-get install -y chromium`";
        };
    }

    /** The line that names the version; wrapper scripts may print warnings around it. */
    static String versionLine(String output) {
        String found = "";
        for (String line : output.split("\\R")) {
            String l = line.strip();
            if (VERSION.matcher(l).find() && (found.isEmpty() || l.contains("Chrom"))) found = l;
        }
        return found.isEmpty() ? output.strip() : found;
    }

    /** Locates the binary and asks it for its version (one short-lived process). */
    static ChromiumBinary identify(Map<String, String> env) {
        Path path = locate(env);
        try {
            Process p = new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(VERSION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new TandemException(ErrorCode.CHROMIUM_MISSING, path + " --version did not answer within "
                        + VERSION_TIMEOUT_MS + " ms: check that this Chromium runs (try it in a shell) or set " + ENV + " to another one.");
            }
            String version = versionLine(new String(out, StandardCharsets.UTF_8));
            if (p.exitValue() != 0 || version.isEmpty()) {
                throw new TandemException(ErrorCode.CHROMIUM_MISSING, path + " --version failed (exit " + p.exitValue()
                        + "): " + version + "; " + install(Os.current()) + " or set " + ENV + " to a working binary.");
            }
            return new ChromiumBinary(path, version);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.CHROMIUM_MISSING, "cannot run " + path + ": " + e.getMessage()
                    + "; " + install(Os.current()) + " or set " + ENV + " to a working binary.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(ErrorCode.CHROMIUM_MISSING, "interrupted while asking " + path + " for its version");
        }
    }
}
