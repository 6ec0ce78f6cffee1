package dev.tandem.daemon.sources.grid;

import dev.tandem.protocol.state.StateRecord;
import java.util.List;

/**
 * {@code runners/grid-sessions/<device>-<session>.json}: a Grid session this daemon opened and has
 * not closed yet. Written before the device's runner starts and removed once the session is
 * closed, so a daemon that crashed leaves the list of what the next one must close (DESIGN §7).
 *
 * @param grid the Grid's base URL
 */
public record GridSessionRecord(String device, String grid, String sessionId, long daemonPid, long startedAt) implements StateRecord {
    @Override
    public List<String> problems() {
        return Problems.of().text("device", device).text("grid", grid).text("sessionId", sessionId).list();
    }
}
