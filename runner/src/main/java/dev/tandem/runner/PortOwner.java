package dev.tandem.runner;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Names the process listening on a loopback port (Linux /proc), for PORT_IN_USE messages. */
final class PortOwner {
    private PortOwner() {}

    /** " by pid N (command)" or "" when it cannot be told. */
    static String describe(int port) {
        try {
            String inode = listeningInode(port);
            if (inode == null) return "";
            String needle = "socket:[" + inode + "]";
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path proc : procs) {
                    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                        for (Path fd : fds) {
                            if (needle.equals(Files.readSymbolicLink(fd).toString())) {
                                String cmd = Files.readString(proc.resolve("comm")).trim();
                                return " by pid " + proc.getFileName() + " (" + cmd + ")";
                            }
                        }
                    } catch (IOException | SecurityException ignored) {
                        // another user's process: cannot look inside
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    private static String listeningInode(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) continue;
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) return f[9];
            }
        }
        return null;
    }
}
