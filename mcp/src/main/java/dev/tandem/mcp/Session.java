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
        String holder = holderOf(device);
        throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, device + " is not leased by this MCP session"
                + (holder == null ? "" : " (" + holder + ")") + "; call `acquire` with specs [\"" + device + "\"] first"
                + (mine.isEmpty() ? " (this session holds no device yet)" : " (this session holds " + String.join(", ", mine) + ")"));
    }

    /** Who holds the device, as `tandem devices` says it, or null when that cannot be told. */
    private String holderOf(String device) {
        try {
            for (DevicesReply.Device d : gateway.devices().devices()) {
                if (!d.id().equals(device)) continue;
                if (d.state() == DevicesReply.DeviceState.BUSY && d.run() != null) {
                    return "held by " + d.run() + (d.ownerPid() == null ? "" : ", pid " + d.ownerPid());
                }
                return "nobody holds it";
            }
            return "no such device: `devices` lists them";
        } catch (TandemException e) {
            return null;
        }
    }

    Path resolve(String path) {
        Path p = Path.of(path);
        return (p.isAbsolute() ? p : cwd.resolve(p)).normalize();
    }
}
