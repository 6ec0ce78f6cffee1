package dev.tandem.sim;

import dev.tandem.device.Device;
import dev.tandem.device.contract.DeviceContract;
import java.nio.file.Path;

/** The sim runs the whole device contract: it is the reference, so it declares no differences. */
class SimContractTest extends DeviceContract {
    @Override
    protected Device freshDevice(Path workDir) {
        return new SimDevice(SimConfig.defaults("sim-contract", LatencyProfile.INSTANT));
    }
}
