package dev.tandem.appium;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.state.FileLock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The host ports one device's Appium stack listens on (its server, UiAutomator2's system port,
 * WebDriverAgent's port…), assigned by Tandem and unique on the host across processes and daemons
 * (DESIGN §7). Each port is held through a lock file {@code port-N.lock} in the machine-wide lock
 * directory, the one that keeps two daemons off one device, for as long as this runner lives: the
 * OS releases it when the runner dies, so a killed runner never strands a port. A port is only
 * handed out when its lock is ours and it binds on 127.0.0.1 — never one another process has.
 *
 * <p>An explicit port (a capability the user set) is validated, never replaced: taken is
 * {@code PORT_IN_USE} naming the holder. A port the device had before (its previous runner's
 * {@code runners/<device>.json}) is kept when it is still free, so a restarted runner reuses it.
 */
public final class HostPorts implements AutoCloseable {
    private static final int ATTEMPTS = 64;

    /** Where a port came from. */
    public enum Origin { EXPLICIT, KEPT, ASSIGNED }

    /** One requested port: its name ({@code server}, {@code appium:systemPort}), and a port it must or should have. */
    public record Request(String name, Integer explicit, Integer previous) {}

    private final Map<String, Integer> ports;
    private final Map<String, Origin> origins;
    private final List<FileLock> locks;

    private HostPorts(Map<String, Integer> ports, Map<String, Origin> origins, List<FileLock> locks) {
        this.ports = Map.copyOf(ports);
        this.origins = Map.copyOf(origins);
        this.locks = List.copyOf(locks);
    }

    /**
     * Assigns every requested port, in order.
     *
     * @param lockDir the machine-wide lock directory
     * @param holder names a process listening on a port, for messages ({@code " by pid 12 (node)"} or {@code ""})
     */
    public static HostPorts assign(Path lockDir, String deviceId, List<Request> requests, IntFunction<String> holder) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        List<FileLock> locks = new ArrayList<>();
        try {
            for (Request r : requests) {
                if (r.explicit() != null) {
                    locks.add(claimExplicit(lockDir, deviceId, r, holder));
                    ports.put(r.name(), r.explicit());
                    origins.put(r.name(), Origin.EXPLICIT);
                    continue;
                }
                Optional<FileLock> kept = r.previous() == null || ports.containsValue(r.previous()) ? Optional.empty()
                        : claim(lockDir, deviceId, r.previous());
                if (kept.isPresent()) {
                    locks.add(kept.get());
                    ports.put(r.name(), r.previous());
                    origins.put(r.name(), Origin.KEPT);
                    continue;
                }
                int port = fresh(lockDir, deviceId, locks, r.name());
                ports.put(r.name(), port);
                origins.put(r.name(), Origin.ASSIGNED);
            }
        } catch (RuntimeException e) {
            locks.forEach(FileLock::close);
            throw e;
        }
        return new HostPorts(ports, origins, locks);
    }

    private static FileLock claimExplicit(Path lockDir, String deviceId, Request r, IntFunction<String> holder) {
        int port = r.explicit();
        if (port < 1 || port > 65_535) {
            throw new TandemException(ErrorCode.USAGE, r.name() + " " + port + " for " + deviceId
                    + " is not a port; give one from 1024 to 65535, or drop it and Tandem assigns one");
        }
        Optional<FileLock> lock = lock(lockDir, deviceId, port);
        if (lock.isEmpty()) {
            throw new TandemException(ErrorCode.PORT_IN_USE, r.name() + " " + port + " for " + deviceId + " is held by "
                    + owner(lockDir, port) + "; give each device its own port, or drop " + r.name() + " and Tandem assigns one");
        }
        if (!bindable(port)) {
            lock.get().close();
            throw new TandemException(ErrorCode.PORT_IN_USE, r.name() + " " + port + " for " + deviceId + " is in use on 127.0.0.1"
                    + holder.apply(port) + "; stop that process, or drop " + r.name() + " and Tandem assigns one");
        }
        return lock.get();
    }

    /** The port, locked and bindable, or empty. */
    private static Optional<FileLock> claim(Path lockDir, String deviceId, int port) {
        Optional<FileLock> lock = lock(lockDir, deviceId, port);
        if (lock.isPresent() && !bindable(port)) {
            lock.get().close();
            return Optional.empty();
        }
        return lock;
    }

    /** A port the kernel offers, then locked: another Tandem process may have been offered the same one a moment earlier. */
    private static int fresh(Path lockDir, String deviceId, List<FileLock> locks, String name) {
        for (int i = 0; i < ATTEMPTS; i++) {
            int candidate;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                candidate = s.getLocalPort();
            } catch (IOException e) {
                throw new TandemException(ErrorCode.PORT_IN_USE, "cannot find a free port on 127.0.0.1 for " + name + " of "
                        + deviceId + ": " + e.getMessage());
            }
            Optional<FileLock> lock = claim(lockDir, deviceId, candidate);
            if (lock.isPresent()) {
                locks.add(lock.get());
                return candidate;
            }
        }
        throw new TandemException(ErrorCode.PORT_IN_USE, "no free port on 127.0.0.1 for " + name + " of " + deviceId + " after "
                + ATTEMPTS + " tries; the host is short of ports: stop some devices");
    }

    private static Optional<FileLock> lock(Path lockDir, String deviceId, int port) {
        try {
            Optional<FileLock> lock = FileLock.tryAcquire(lockDir.resolve("port-" + port + ".lock"));
            if (lock.isPresent()) {
                Path owner = lockDir.resolve("port-" + port + ".owner");
                Files.deleteIfExists(owner); // never write through a planted link
                Files.write(owner, ("pid " + ProcessHandle.current().pid() + ", device " + deviceId + "\n").getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            }
            return lock;
        } catch (IOException e) {
            throw new TandemException(ErrorCode.UNSAFE_DIRECTORY, "cannot lock port " + port + " in " + lockDir + ": " + e.getMessage()
                    + "; check that the directory is yours and writable");
        }
    }

    private static String owner(Path lockDir, int port) {
        try {
            String s = Files.readString(lockDir.resolve("port-" + port + ".owner"), StandardCharsets.UTF_8).strip();
            return s.matches("pid \\d+, device [A-Za-z0-9._-]+") ? "another Tandem runner (" + s + ")" : "another Tandem runner";
        } catch (IOException e) {
            return "another Tandem runner";
        }
    }

    static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every port by name. */
    public Map<String, Integer> ports() {
        return ports;
    }

    public int port(String name) {
        Integer p = ports.get(name);
        if (p == null) throw new IllegalArgumentException("no port " + name);
        return p;
    }

    public Origin origin(String name) {
        return origins.get(name);
    }

    /** Releases the ports (the runner is stopping, or its device failed to start). */
    @Override
    public void close() {
        locks.forEach(FileLock::close);
    }
}
