package dev.tandem.protocol.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Linux: the listening socket's inode from {@code /proc/net/tcp} (and tcp6), then the process
 * whose {@code /proc/PID/fd} links to {@code socket:[inode]}. No helper process, a few ms.
 */
final class ProcNet {
    private static final String LISTEN = "0A";

    private ProcNet() {}

    static Optional<PortHolder> holder(Path root, int port) {
        try {
            Optional<String> inode = Optional.empty();
            for (String table : List.of("proc/net/tcp", "proc/net/tcp6")) {
                Path p = root.resolve(table);
                if (inode.isEmpty() && Files.isReadable(p)) inode = listeningInode(Files.readString(p), port);
            }
            return inode.isEmpty() ? Optional.empty() : owner(root.resolve("proc"), "socket:[" + inode.get() + "]");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The inode of the socket listening on {@code port} in one {@code /proc/net/tcp*} table. */
    static Optional<String> listeningInode(String table, int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals(LISTEN)) return Optional.of(f[9]);
        }
        return Optional.empty();
    }

    private static Optional<PortHolder> owner(Path proc, String socket) throws IOException {
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : pids) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (socket.equals(Files.readSymbolicLink(fd).toString())) {
                            return Optional.of(new PortHolder(Long.parseLong(pid.getFileName().toString()),
                                    Files.readString(pid.resolve("comm")).trim()));
                        }
                    }
                } catch (IOException | SecurityException ignored) {
                    // another user's process, or one that just exited: nothing to see there
                }
            }
        }
        return Optional.empty();
    }
}
