package dev.tandem.mcp;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.LeaseReply;
import java.nio.file.Path;
import java.util.List;

/**
 * One MCP session: its gateway to the daemon (and through it its one lease) and the directory its
 * relative paths resolve against. Device tools name devices this session acquired; that is checked
 * here, before any request, so the agent learns at once what to do (the daemon checks again).
 */
final class Session {
    final DeviceGateway gateway;
    final Path cwd;

    Session(DeviceGateway gateway, Path cwd) {
        this.gateway = gateway;
        this.cwd = cwd;
    }

    List<String> leasedIds() {
        return gateway.leased().stream().map(LeaseReply.Device::id).toList();
    }

    void requireLeased(String device) {
        List<String> mine = leasedIds();
        if (mine.contains(device)) return;
        DevicesReply.Device known = find(device);
        String holder = known == null ? "" : known.state() == DevicesReply.DeviceState.BUSY && known.run() != null
                ? " (held by " + known.run() + (known.ownerPid() == null ? "" : ", pid " + known.ownerPid()) + ")"
                : " (nobody holds it)";
        String spec = known == null ? device : known.platform() + ":" + device;
        throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, device + " is not leased by this MCP session" + holder
                + "; call `acquire` with specs [\"" + spec + "\"] first"
                + (mine.isEmpty() ? " (this session holds no device yet)" : " (this session holds " + String.join(", ", mine) + ")"));
    }

    /** The device as `devices` lists it, or null when it is unknown or the daemon cannot be asked. */
    private DevicesReply.Device find(String device) {
        try {
            return gateway.devices().devices().stream().filter(d -> d.id().equals(device)).findFirst().orElse(null);
        } catch (TandemException e) {
            return null;
        }
    }

    Path resolve(String path) {
        Path p = Path.of(path);
        return (p.isAbsolute() ? p : cwd.resolve(p)).normalize();
    }
}
