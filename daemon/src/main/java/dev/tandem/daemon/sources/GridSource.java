package dev.tandem.daemon.sources;

import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.GridEntries;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.runner.RunnerStarter;
import dev.tandem.daemon.sources.grid.FreshStatus;
import dev.tandem.daemon.sources.grid.GridClient;
import dev.tandem.daemon.sources.grid.GridSessionRecord;
import dev.tandem.daemon.sources.grid.GridSessions;
import dev.tandem.daemon.sources.grid.GridSlots;
import dev.tandem.daemon.sources.grid.GridStatus;
import dev.tandem.daemon.sources.grid.SlotGate;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tandem.device.AppiumCapabilities;
import dev.tandem.device.AppiumLaunch;
import dev.tandem.device.RemoteBrowser;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.state.Log;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A {@code type: grid} source (DESIGN §7, docs/grid.md): its devices are slots of a Selenium Grid
 * 4, as many as the Grid's matching slots (capped by {@code slots}), following the Grid's status
 * while the daemon lives ({@link #refresh()}, {@link GridSlots}). A web
 * device's runner is a local runner process driving a Chrome session this source opens through the
 * Grid, over the session's {@code se:cdp} endpoint; an Appium device's runner is the Appium backend
 * attached to an Appium session this source opens through the Grid's relay node. A session lives as long as its runner, and the runner as long as the
 * lease ({@link #endsWithLease()}): every session is closed when its lease ends, and the record
 * under {@code runners/grid-sessions/} lets the next daemon close what a crashed one left.
 */
public final class GridSource implements DeviceSource, AutoCloseable {
    static final Duration STATUS_TIMEOUT = Duration.ofSeconds(3);
    /** A free slot's session starts in seconds (Chrome's start-up on the node); this bounds a stuck node. */
    static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);
    /** Chrome on the node, headless and quiet; the device profile (size, touch, user agent) is set over CDP by the runner. */
    static final List<String> CHROME_ARGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--disable-smooth-scrolling", "--no-first-run", "--disable-extensions", "--disable-background-networking",
            "--mute-audio", "--disable-features=Translate,OptimizationHints,BackForwardCache,OverscrollHistoryNavigation");

    private final GridEntries.Source entry;
    private final GridClient grid;
    private final GridSessions records;
    private final Path lockDir;
    private final Log log;
    private final GridSlots slots;
    private final FreshStatus status;
    /** The open sessions by id: each closed when its runner exits, or at {@link #close()}. */
    private final Map<String, GridSessionRecord> open = new ConcurrentHashMap<>();
    /** Sessions being closed now (session id → device), from before they leave {@link #open} until the Grid answered. */
    private final Map<String, String> closing = new ConcurrentHashMap<>();
    /** Why the Grid did not answer when the daemon started, while it has not answered since; else null. */
    private volatile String notAnsweredYet;
    private final SlotGate gate;

    /** Reads the Grid's status (bounded) to know its slots; an unreachable Grid offers {@code slots} devices, or none, and says why. */
    public GridSource(GridEntries.Source entry, GridSessions records, Path lockDir, Log log) {
        this(entry, records, lockDir, log, null, System::nanoTime);
    }

    /** @param reader reads the Grid's status (null: {@code GET /status} on its URL); tests give a fake Grid's */
    GridSource(GridEntries.Source entry, GridSessions records, Path lockDir, Log log, FreshStatus.Reader reader, LongSupplier nanos) {
        this.entry = entry;
        this.grid = new GridClient(entry.url());
        this.gate = new SlotGate(grid, CREATE_TIMEOUT.toMillis());
        this.records = records;
        this.lockDir = lockDir;
        this.log = log;
        this.status = new FreshStatus(reader != null ? reader : () -> grid.status(STATUS_TIMEOUT), nanos);
        this.slots = new GridSlots(entry);
        FreshStatus.Answer first = status.get();
        if (first.answered()) {
            slots.follow(first.status());
        } else {
            slots.assume();
            notAnsweredYet = first.error();
        }
    }

    @Override
    public String name() {
        return entry.name();
    }

    @Override
    public List<DeviceSlot> devices() {
        return slots.offered();
    }

    @Override
    public List<DeviceSlot> gone() {
        return slots.gone();
    }

    /**
     * Follows the Grid's status (read at most once a second, {@link FreshStatus}): devices for new
     * matching slots appear, those beyond the Grid's capacity now are gone. A Grid that does not
     * answer changes nothing: what it had is kept until it answers again.
     */
    @Override
    public boolean refresh() {
        FreshStatus.Answer a = status.get();
        if (!a.answered()) return false;
        notAnsweredYet = null;
        boolean changed = slots.follow(a.status());
        if (changed) {
            log.info("grid " + entry.name() + ": devices now " + ids(slots.offered())
                    + (slots.gone().isEmpty() ? "" : ", gone " + ids(slots.gone())) + " (from " + entry.url() + "/status)");
        }
        return changed;
    }

    private static List<String> ids(List<DeviceSlot> devices) {
        return devices.stream().map(DeviceSlot::id).toList();
    }

    /** A Grid slot is shared with everyone on the Grid: it is held only while leased. */
    @Override
    public boolean endsWithLease() {
        return true;
    }

    @Override
    public java.util.Optional<String> gridUrl() {
        return java.util.Optional.of(entry.url().toString());
    }

    /** Lines for {@code tandem devices}: the Grid's capacity and free slots now, the node each open session runs on, what is gone. */
    @Override
    public List<String> notes() {
        FreshStatus.Answer a = status.get();
        String why = notAnsweredYet;
        if (why != null) {
            List<DeviceSlot> assumed = slots.offered();
            return List.of("grid " + entry.name() + ": " + entry.url() + " has not answered since the daemon started (" + why + "); "
                    + (assumed.isEmpty() ? "it offers no devices" : "assuming " + assumed.size() + " slots (`slots:`)")
                    + " — start the Grid: its devices appear when it answers (`tandem devices` or a run asks it again)");
        }
        if (!a.answered()) {
            return List.of("grid " + entry.name() + ": " + entry.url() + " is not answering now (" + a.error() + ")");
        }
        GridStatus s = a.status();
        StringBuilder sb = new StringBuilder("grid " + entry.name() + ": " + entry.url() + " — "
                + s.nodes().stream().filter(GridStatus.Node::up).count() + " of " + s.nodes().size() + " nodes up");
        for (Map<String, Object> st : entry.stereotypes()) {
            sb.append("; ").append(st).append(": ").append(s.capacity(st)).append(" slots, ").append(s.free(st)).append(" free");
        }
        List<String> out = new ArrayList<>(List.of(sb.toString()));
        open.values().forEach(r -> out.add("  " + r.device() + " → node " + s.nodeOf(r.sessionId()) + " (session " + r.sessionId() + ")"));
        List<DeviceSlot> gone = slots.gone();
        if (!gone.isEmpty()) {
            out.add("  gone: " + String.join(", ", ids(gone)) + " (the Grid has no slot for them now; they come back when it has)");
        }
        return out;
    }

    @Override
    public RunnerHandle open(RunnerLauncher.Launch launch, RunnerLauncher.Artifact artifact, RunnerStarter processes) {
        Map<String, Object> stereotype = slots.stereotypeOf(launch.deviceId());
        if (stereotype == null) throw new IllegalArgumentException("source " + entry.name() + " has no device " + launch.deviceId());
        boolean web = launch.platform().platform().equals(Platform.WEB);
        Opened opened = web ? createWebSession(launch.deviceId(), stereotype) : createAppiumSession(launch.deviceId(), stereotype);
        GridSessionRecord session = opened.record();
        try {
            Map<String, String> options = web ? new RemoteBrowser(cdpOf(session, opened.cdp()),
                    "the Grid " + entry.url() + "'s session " + session.sessionId()).toOptions() : opened.appium().toOptions();
            RunnerHandle h = processes.start(withOptions(launch, options), artifact);
            h.onExit(() -> end(session));
            return h;
        } catch (RuntimeException e) {
            end(session);
            throw e;
        }
    }

    /** A session on record: a web one's {@code se:cdp}, or what an Appium runner attaches to. */
    private record Opened(GridSessionRecord record, String cdp, AppiumLaunch appium) {}

    private Opened createWebSession(String deviceId, Map<String, Object> stereotype) {
        Map<String, Object> caps = new LinkedHashMap<>(stereotype);
        caps.putIfAbsent("browserName", "chrome");
        caps.put("goog:chromeOptions", Map.of("args", CHROME_ARGS));
        caps.put("se:name", "tandem " + deviceId);
        Created c = createSession(deviceId, stereotype, caps, CREATE_TIMEOUT, "a Chrome session",
                "check the node's log and its Chrome and chromedriver");
        String cdp = c.session().capabilities().path("se:cdp").asText("");
        if (cdp.isEmpty()) {
            end(c.record());
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, deviceId + ": the Grid " + entry.url() + "'s session has no se:cdp"
                    + " endpoint, so Tandem cannot drive it; use Selenium Grid 4 with Chrome or Chromium nodes");
        }
        return new Opened(c.record(), cdp, null);
    }

    /**
     * An Appium session through the Grid's relay node, with the capabilities the Appium backend
     * would send for the stereotype (no host ports: the node's Appium server assigns its own); the
     * runner attaches to it, and this source closes it when the runner exits.
     */
    private Opened createAppiumSession(String deviceId, Map<String, Object> stereotype) {
        Created c = createSession(deviceId, stereotype, AppiumCapabilities.forSession(stereotype, Map.of()),
                AppiumCapabilities.CREATE_TIMEOUT, "an Appium session", "check the stereotype's capabilities in devices.yaml"
                        + " (appium:app must be a path or URL the node's Appium server can read) and the relay node's Appium log");
        Map<String, Object> returned = Json.MAPPER.convertValue(c.session().capabilities(), new TypeReference<>() {});
        AppiumLaunch attach = new AppiumLaunch(stereotype, entry.url(), null, null, lockDir, Map.of(),
                new AppiumLaunch.Attached(c.record().sessionId(), returned));
        return new Opened(c.record(), null, attach);
    }

    private record Created(GridSessionRecord record, GridClient.Session session) {}

    /**
     * Opens a session through the {@link SlotGate} (only into a free slot: never queued behind the
     * Grid's other clients) and records it under {@code runners/grid-sessions/} before anything else
     * happens, so a crash from here on leaves it to the next daemon to close.
     */
    private Created createSession(String deviceId, Map<String, Object> stereotype, Map<String, Object> caps, Duration timeout,
            String what, String advice) {
        GridClient.Session s;
        try {
            // this device's last session is closing when its runner is still stopping (the lease ended a moment ago)
            gate.enter(stereotype, () -> (int) open.values().stream().filter(r -> r.device().equals(deviceId)).count());
        } catch (SlotGate.Busy e) {
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, deviceId + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(ErrorCode.CANCELLED, deviceId + ": interrupted while waiting for a Grid slot");
        }
        try {
            s = grid.create(caps, timeout);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, deviceId + ": the Grid " + entry.url()
                    + " did not open " + what + ": " + e.getMessage() + "; " + advice);
        } finally {
            gate.done();
        }
        GridSessionRecord r = new GridSessionRecord(deviceId, entry.url().toString(), s.id(), ProcessHandle.current().pid(),
                System.currentTimeMillis());
        open.put(s.id(), r);
        try {
            records.record(r);
        } catch (IOException e) {
            end(r);
            throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot record Grid session " + s.id() + " under runners/: "
                    + e.getMessage() + "; closed it (an unrecorded session could outlive a crash)");
        }
        return new Created(r, s);
    }

    /**
     * The session's DevTools URL through the Grid URL Tandem was given: the Grid fills in its own
     * idea of its address ({@code se:cdp} may name a host or port this machine cannot reach, e.g.
     * behind a proxy), and its router serves {@code /session/ID/se/cdp} at any address it answers on.
     */
    private URI cdpOf(GridSessionRecord r, String seCdp) {
        URI given = URI.create(seCdp);
        URI base = entry.url();
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = given.getRawPath() != null && given.getRawPath().startsWith(basePath + "/session/") ? given.getRawPath()
                : basePath + "/session/" + r.sessionId() + "/se/cdp";
        return URI.create(scheme + "://" + base.getRawAuthority() + path);
    }

    /**
     * Closes a session once (its runner exited, or it never started); a Grid that refuses keeps the
     * record for the next daemon. The gate hears of the close before the session leaves {@code open}:
     * a request looking at the Grid meanwhile always sees it on its way out (open, or closing) and
     * waits for its slot, never a moment where it is neither and the slot looks taken by another client.
     */
    private void end(GridSessionRecord r) {
        gate.closing();
        closing.put(r.sessionId(), r.device()); // before it leaves `open`: a waiter never sees it in neither
        try {
            if (open.remove(r.sessionId(), r) && records.close(r)) log.info("closed Grid session " + r.sessionId() + " of " + r.device());
        } finally {
            closing.remove(r.sessionId());
            gate.closed();
            synchronized (closing) {
                closing.notifyAll();
            }
        }
    }

    /**
     * A run's lease ended: its runner is stopping and the session closes when it has exited; this
     * returns once the sessions the device had when it was called are closed (bounded), so the run's caller hears
     * of its end after the Grid has its slot back ({@code tandem run} then a Grid teardown is safe).
     */
    @Override
    public void awaitEnded(String deviceId, long deadlineNanos) throws InterruptedException {
        // the sessions of this lease: those of the device now (a run granted the device next opens its own seconds later)
        java.util.Set<String> ended = new java.util.HashSet<>();
        open.values().forEach(r -> {
            if (r.device().equals(deviceId)) ended.add(r.sessionId());
        });
        closing.forEach((id, device) -> {
            if (device.equals(deviceId)) ended.add(id);
        });
        synchronized (closing) {
            while (ended.stream().anyMatch(id -> open.containsKey(id) || closing.containsKey(id))) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    log.warn(deviceId + ": its Grid session was not closed within the lease's end wait; it closes when its runner exits");
                    return;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(closing, Math.min(left, java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    private static RunnerLauncher.Launch withOptions(RunnerLauncher.Launch launch, Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(launch.options());
        options.putAll(extra);
        return new RunnerLauncher.Launch(launch.deviceId(), launch.platform(), launch.profile(), launch.port(), options);
    }

    /** Daemon stop: the sessions whose runners' exits are not yet heard of are closed now. */
    @Override
    public void close() {
        List.copyOf(open.values()).forEach(this::end);
    }
}
