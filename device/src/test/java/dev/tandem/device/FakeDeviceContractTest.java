package dev.tandem.device;

import dev.tandem.device.contract.DeviceContract;
import java.nio.file.Path;

/**
 * The contract suite run against the hand-written {@link FakeDevice}: a check of the suite itself
 * (every test can pass, and passes on a device written from docs/apps.md alone), in this module.
 */
class FakeDeviceContractTest extends DeviceContract {
    @Override
    protected Device freshDevice(Path workDir) {
        return new FakeDevice();
    }
}
