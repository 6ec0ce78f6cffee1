package dev.tandem.it.lifecycle;

import dev.tandem.apps.AppServices;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon killed mid-command: a client process sends a tap to a live runner (realistic
 * profile, so the tap takes tens of ms) and is {@code kill -9}ed at a random moment. A new client
 * (the next daemon) then asks the runner, which must tell the truth, and resends the id, which must
 * not run the tap a second time.
 */
final class DaemonKill {
    /** What one trial saw. */
    record Trial(CommandState seenByNextDaemon, long effectsAtQuery, CommandRecord resend, long effects) {}

    private final AppServices services;
    private final TestRunners runners;
    private final String device;
    private final String room;

    DaemonKill(AppServices services, TestRunners runners, String device, String room) {
        this.services = services;
        this.runners = runners;
        this.device = device;
        this.room = room;
        runners.setup(device, h -> Commands.run(h, Tool.LAUNCH_APP, Commands.launch(FaultMatrixIT.COUNTER, services, room, "A")));
    }

    Trial run(String id) throws Exception {
        RunnerHandle h = runners.current(device);
        long before = Commands.messages(services, room, "+1");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(PlatformProfile.of("sim").jvmOptions());
        cmd.addAll(RunnerProcesses.cacheOptions());
        cmd.addAll(List.of("-cp", TestClasspath.jarred(), ClientMain.class.getName(),
                Integer.toString(h.file().port()), h.file().token(), h.bootId(), id));
        Process client = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (!"SENDING".equals(line)) throw new AssertionError("client did not start: " + line);
            // the fault's timing, not a wait for a condition: somewhere in the tap's lifetime
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(0, 150)));
            client.destroyForcibly();
            if (!client.waitFor(10, TimeUnit.SECONDS)) throw new AssertionError("client did not die");
        }
        // the next daemon: a fresh connection, a status query, then a resend of the id
        long atQuery = Commands.messages(services, room, "+1") - before;
        CommandRecord seen;
        try (LoopbackHttpClient fresh = new LoopbackHttpClient(h.file().port(), h.file().token())) {
            seen = Json.read(fresh.send("GET", "/v1/commands/" + id + "?bootId=" + h.bootId(), null, 5_000).body(),
                    CommandRecord.class);
        }
        long afterQuery = Commands.messages(services, room, "+1") - before;
        if (seen.state() == CommandState.COMPLETED && afterQuery != 1) {
            throw new AssertionError(id + ": the runner says completed but the effect count is " + afterQuery);
        }
        if (seen.state() == CommandState.NOT_ACCEPTED && atQuery != 0) {
            throw new AssertionError(id + ": the runner says not accepted but the effect count was " + atQuery);
        }
        CommandRecord resend = new RunnerClient(runners).execute(device, id, Tool.TAP_ON, Json.object().put("id", "send"), 10_000);
        return new Trial(seen.state(), atQuery, resend, Commands.messages(services, room, "+1") - before);
    }
}
