package dev.tandem.device;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Which local files a device may open ({@code file://} URLs): those under an allowed root and
 * under no denied root, judged by real path, so a symlink cannot lead out. The daemon allows the
 * plan's directory and {@code TANDEM_WEB_FILE_ROOTS}, and denies its state dir and cache: a page
 * never reads Tandem's tokens. Denied wins; nothing allowed means no file at all.
 */
public record FileAccess(List<Path> allowed, List<Path> denied) {
    public static final FileAccess NONE = new FileAccess(List.of(), List.of());

    public FileAccess {
        allowed = allowed == null ? List.of() : allowed.stream().map(FileAccess::real).toList();
        denied = denied == null ? List.of() : denied.stream().map(FileAccess::real).toList();
    }

    /** The same access with {@code more} denied too. */
    public FileAccess deny(Path more) {
        List<Path> d = new java.util.ArrayList<>(denied);
        d.add(more);
        return new FileAccess(allowed, d);
    }

    /** Whether a {@code file:} URL may be opened; any other URL is not this rule's business. */
    public boolean permits(String url) {
        if (!url.regionMatches(true, 0, "file:", 0, 5)) return true;
        Path p;
        try {
            URI u = URI.create(url.replaceAll("[?#].*$", ""));
            if (u.getHost() != null && !u.getHost().isEmpty() && !u.getHost().equals("localhost")) return false;
            p = real(Path.of(new URI("file", null, u.getPath(), null)));
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return false;
        }
        for (Path d : denied) if (p.startsWith(d)) return false;
        for (Path a : allowed) if (p.startsWith(a)) return true;
        return false;
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended (a file not there yet). */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (Path head = abs; head != null; head = head.getParent()) {
            if (!Files.exists(head, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                return head.toRealPath().resolve(head.relativize(abs)).normalize();
            } catch (IOException e) {
                return abs; // a dangling link: nothing to read behind it
            }
        }
        return abs;
    }
}
