package dev.tandem.daemon.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.runner.BootPin;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.runner.CommandRecord;

/** How an agent's command reaches its device: the runner, started with the lease's profile (tests fake it). */
public interface DeviceCommands {
    /** Runs one tool to its final record; a runner that cannot start is a TandemException. */
    CommandRecord execute(String device, String profile, String commandId, Tool tool, ObjectNode params, long timeoutMs)
            throws InterruptedException;

    /** A read-only look at whatever runner the device has now (beside a run that holds it: never restarts one). */
    CommandRecord observe(String device, String commandId, long timeoutMs) throws InterruptedException;

    /** The daemon's: the supervisor's runner for the device, each command pinned to the boot it starts on (as a run's are). */
    static DeviceCommands runners(RunnerSupervisor supervisor, RunnerClient client) {
        return new DeviceCommands() {
            @Override
            public CommandRecord execute(String device, String profile, String id, Tool tool, ObjectNode params, long timeoutMs)
                    throws InterruptedException {
                return client.execute(new BootPin(supervisor.ensure(device, profile)), id, tool, params, timeoutMs);
            }

            @Override
            public CommandRecord observe(String device, String id, long timeoutMs) throws InterruptedException {
                return client.execute(device, id, Tool.OBSERVE, dev.tandem.protocol.Json.object(), timeoutMs);
            }
        };
    }
}
