package dev.tandem.protocol.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one seam between Tandem and what differs between Linux and macOS: who holds a port, how to
 * start a child in a session of its own, whether a process is a zombie. Everything is read
 * relative to {@code root} and helpers run through {@code commands}, so tests hand in a fake file
 * tree and a fake command runner and check both branches on any machine.
 */
public record Host(Os os, Path root, CommandRunner commands) {
    private static final Host CURRENT = new Host(Os.current(), Path.of("/"), CommandRunner.system());
    private static final Duration LSOF_TIMEOUT = Duration.ofSeconds(3);

    /**
     * macOS has no setsid(1). perl ships with every macOS (/usr/bin/perl) and starts in a few ms;
     * python3 there is a stub that may open the "install developer tools" dialog. exec keeps the
     * pid, so the caller's {@code Process} is the command itself. setsid() cannot fail here: a child
     * started by the JVM is never a process-group leader.
     */
    static final String PERL_SETSID = "my $s = setsid(); die \"setsid: $!\\n\" unless defined $s && $s > 0; "
            + "exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";";

    /** This machine. */
    public static Host current() {
        return CURRENT;
    }

    /** The process listening on TCP {@code port} (any address), when this user may see it. */
    public Optional<PortHolder> portHolder(int port) {
        return switch (os) {
            case LINUX -> ProcNet.holder(root, port);
            case MAC, OTHER -> {
                try {
                    CommandRunner.Result r = commands.run(Lsof.command(this, port), LSOF_TIMEOUT);
                    yield r.exit() == 0 ? Lsof.parse(r.out()) : Optional.empty(); // 1: nothing listens
                } catch (IOException | RuntimeException e) {
                    yield Optional.empty(); // no lsof: the message just names no holder
                }
            }
        };
    }

    /**
     * The words to put before a command so that it runs as the leader of a new session (and
     * process group): detached from the terminal's Ctrl-C and hang-up, and killable as a group.
     * setsid(1) where it exists (Linux), else perl's setsid (macOS), else nothing: the command then
     * shares its parent's group.
     */
    public List<String> newSessionPrefix() {
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (isExecutable(setsid)) return List.of(setsid);
        }
        if (isExecutable("/usr/bin/perl")) return List.of("/usr/bin/perl", "-MPOSIX=setsid", "-e", PERL_SETSID, "--");
        return List.of();
    }

    /**
     * Whether {@code pid} is a zombie (dead, not yet reaped: the JDK still counts it alive). Linux
     * reads {@code /proc/PID/stat}; elsewhere this is false (a {@code ps} per heartbeat would cost
     * a process every 100 ms), so a dead process counts until its parent reaps it, usually at once.
     */
    public boolean isZombie(long pid) {
        return switch (os) {
            case LINUX -> {
                try {
                    String stat = Files.readString(root.resolve("proc").resolve(Long.toString(pid)).resolve("stat"));
                    int close = stat.lastIndexOf(')'); // the command in (...) may hold spaces and ')'
                    yield close >= 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
                } catch (IOException | RuntimeException e) {
                    yield false;
                }
            }
            case MAC, OTHER -> false;
        };
    }

    /** Where the absolute path {@code path} of a real machine is in this host's tree (itself, on the real one). */
    public Path path(String path) {
        return root.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Whether the absolute path {@code path} is an executable file in this host's tree. */
    public boolean isExecutable(String path) {
        Path p = path(path);
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
