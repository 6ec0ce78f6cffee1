package dev.tandem.daemon.sources;

import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.DevicesFile;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.runner.RunnerStarter;
import java.util.List;

/** A local pool ({@code type: sim} or {@code type: web}): its devices' runners are processes on this host. */
public record LocalPool(DevicesFile.Pool pool) implements DeviceSource {
    @Override
    public String name() {
        return pool.name();
    }

    @Override
    public List<DeviceSlot> devices() {
        return pool.slots();
    }

    @Override
    public RunnerHandle open(RunnerLauncher.Launch launch, RunnerLauncher.Artifact artifact, RunnerStarter processes) {
        return processes.start(launch, artifact);
    }
}
