package dev.tandem.protocol.os;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * macOS (and any system without {@code /proc}): {@code lsof -nP -iTCP:PORT -sTCP:LISTEN -Fpc}, whose
 * field output is one field per line, its kind in the first character: {@code p<pid>}, then
 * {@code c<command>} (and {@code f<fd>} lines on some builds, ignored).
 */
final class Lsof {
    /** macOS ships lsof in /usr/sbin, Linux distributions in /usr/bin; else whatever the PATH has. */
    private static final List<String> PLACES = List.of("/usr/sbin/lsof", "/usr/bin/lsof");

    private Lsof() {}

    static List<String> command(Host host, int port) {
        String lsof = PLACES.stream().filter(host::isExecutable).findFirst().orElse("lsof");
        // -n -P: no DNS or service-name lookups (fast, never blocks on the network)
        return List.of(lsof, "-nP", "-iTCP:" + port, "-sTCP:LISTEN", "-Fpc");
    }

    /** The first process in the output; its command is "?" when lsof did not name it. */
    static Optional<PortHolder> parse(String out) {
        Long pid = null;
        String command = null;
        for (String line : out.split("\n")) {
            if (line.isEmpty()) continue;
            String value = line.substring(1).strip();
            switch (line.charAt(0)) {
                case 'p' -> {
                    if (pid != null) return Optional.of(new PortHolder(pid, command == null ? "?" : command));
                    try {
                        pid = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
                case 'c' -> {
                    if (pid != null && command == null) command = value;
                }
                default -> { } // f (fd) and any other field
            }
        }
        return pid == null ? Optional.empty() : Optional.of(new PortHolder(pid, command == null ? "?" : command));
    }
}
