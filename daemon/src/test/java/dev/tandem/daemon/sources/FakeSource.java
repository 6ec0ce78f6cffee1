package dev.tandem.daemon.sources;

import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.runner.RunnerFile;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.runner.RunnerStarter;
import dev.tandem.device.BackendProvider;
import dev.tandem.device.DeviceSpec;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A device source written in a test: {@code count} devices of the fake platform whose runners run
 * in the daemon's process ({@link InProcessRunner}), never as processes.
 */
final class FakeSource implements DeviceSource {
    private final List<DeviceSlot> devices = new ArrayList<>();
    final List<InProcessRunner> started = new CopyOnWriteArrayList<>();
    private final Path workDir;

    FakeSource(int count, Path workDir) {
        this.workDir = workDir;
        for (int i = 1; i <= count; i++) devices.add(new DeviceSlot("fake-" + i, FakeBackendProvider.FAKE, "plain", "fakes"));
    }

    @Override
    public String name() {
        return "fakes";
    }

    @Override
    public List<DeviceSlot> devices() {
        return devices;
    }

    @Override
    public RunnerHandle open(RunnerLauncher.Launch launch, RunnerLauncher.Artifact artifact, RunnerStarter processes) {
        // found like the runner finds its backend: by platform, through ServiceLoader
        BackendProvider provider = BackendProvider.find(launch.platform().name()).orElseThrow();
        String boot = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
        String token = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
        try {
            InProcessRunner r = new InProcessRunner(launch.deviceId(), launch.platform().name(), artifact.artifactKey(), boot, token,
                    provider.open(new DeviceSpec(launch.deviceId(), launch.profile(), workDir.resolve(launch.deviceId()), launch.options())));
            started.add(r);
            RunnerFile file = new RunnerFile(launch.deviceId(), launch.platform().name(), launch.profile(),
                    ProcessHandle.current().pid(), r.port(), boot, token, artifact.artifactKey(), Version.VERSION,
                    System.currentTimeMillis());
            return RunnerHandle.inProcess(file, r, provider.deviceStateSurvivesRunnerRestart());
        } catch (IOException e) {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot start the in-process runner for " + launch.deviceId() + ": " + e);
        }
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }
}
