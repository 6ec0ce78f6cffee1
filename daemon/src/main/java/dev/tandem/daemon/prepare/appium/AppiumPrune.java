package dev.tandem.daemon.prepare.appium;

import dev.tandem.daemon.prepare.CacheLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the current install and the most recently used others, up to {@link CacheLayout#KEEP}
 * (an install is ~150 MB), and removes leftover work dirs ({@code .scratch-*}, {@code .bad-*}).
 * Runs under the Appium lock, so no other prepare is building.
 */
final class AppiumPrune {
    private AppiumPrune() {}

    static List<Path> prune(Path folder, Path current) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(folder)) return removed;
        List<Path> installs = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path e : s.toList()) {
                String n = e.getFileName().toString();
                if (n.startsWith(".bad-") || n.startsWith(".scratch-")) {
                    CacheLayout.deleteTree(e);
                    removed.add(e);
                } else if (!n.startsWith(".") && !e.equals(current)) {
                    installs.add(e);
                }
            }
        }
        installs.sort(Comparator.comparing(AppiumPrune::lastUsed).reversed());
        for (Path old : installs.subList(Math.min(installs.size(), CacheLayout.KEEP - 1), installs.size())) {
            CacheLayout.deleteTree(old);
            removed.add(old);
        }
        return removed;
    }

    private static FileTime lastUsed(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
