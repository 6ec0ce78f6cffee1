package dev.tandem.daemon.sources;

import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.runner.RunnerStarter;
import java.util.List;

/**
 * Where devices come from (DESIGN §7): a source lists its devices — id, platform, profile, its own
 * name — and opens a runner for one of them. The local sim and web pools ({@link LocalPool}) are
 * the first two; an Appium server or a Selenium Grid are later ones. The daemon allocates, leases
 * and supervises every source's devices the same way; only how a runner starts is the source's.
 */
public interface DeviceSource {
    /** The source's name: its {@code devices.yaml} entry's {@code name}, by default its type. */
    String name();

    /**
     * Its devices that can be leased now, each with a daemon-wide unique id: fixed for the daemon's
     * life, except a source's whose {@link #refresh()} follows something that changes (a Grid).
     */
    List<DeviceSlot> devices();

    /** Devices it offered and does not now (a Grid node left); their ids keep their meaning and may come back. */
    default List<DeviceSlot> gone() {
        return List.of();
    }

    /**
     * Looks again at what its devices follow (a Grid's {@code /status}), bounded and at most once a
     * second; true when {@link #devices()} or {@link #gone()} changed. Most sources never change.
     */
    default boolean refresh() {
        return false;
    }

    /**
     * Starts the runner of one of its devices. {@code processes} starts a runner process with the
     * platform's row and the artifact (what the local pools do); a source may start it otherwise, as
     * long as the handle it returns speaks the runner protocol (a test source runs it in-process).
     */
    RunnerHandle open(RunnerLauncher.Launch launch, RunnerLauncher.Artifact artifact, RunnerStarter processes);

    /**
     * Whether a device's runner stops when its lease ends instead of staying warm: true for devices
     * shared beyond this daemon (a Selenium Grid's slots), which must not be held while idle.
     */
    default boolean endsWithLease() {
        return false;
    }

    /**
     * For a source whose devices {@link #endsWithLease() end with their lease}: returns once the
     * device's ended lease holds nothing outside this host any more (its Grid session closed), or at
     * {@code deadlineNanos} ({@link System#nanoTime()}). The others return at once.
     */
    default void awaitEnded(String deviceId, long deadlineNanos) throws InterruptedException {}

    /** The Selenium Grid this source lends slots of, if it is one: its capacity is shared and can change. */
    default java.util.Optional<String> gridUrl() {
        return java.util.Optional.empty();
    }

    /** Lines for {@code tandem devices} about this source now (e.g. a Grid's free slots); asked at each listing. */
    default List<String> notes() {
        return List.of();
    }
}
