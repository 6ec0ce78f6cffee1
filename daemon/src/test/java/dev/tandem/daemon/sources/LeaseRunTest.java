package dev.tandem.daemon.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.daemon.agent.LeaseRegistry;
import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.MachineLocks;
import dev.tandem.daemon.run.ActiveRuns;
import dev.tandem.daemon.run.History;
import dev.tandem.daemon.run.PlanRuns;
import dev.tandem.daemon.run.RunEvents;
import dev.tandem.daemon.run.RunService;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.state.StateSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on a client's lease ({@code RunRequest.lease}) uses the lease's devices, allocates none, and leaves them leased. */
class LeaseRunTest {
    @TempDir
    Path home;
    @TempDir
    Path locks;

    private FakeSource fakes;
    private Allocator allocator;
    private RunnerSupervisor supervisor;
    private LeaseRegistry leases;
    private RunService runs;
    private Path plan;

    @BeforeEach
    void daemon() throws Exception {
        StateDir state = new StateDir(home.resolve("state")).ensure();
        fakes = new FakeSource(2, home.resolve("work"));
        DeviceSources sources = new DeviceSources(List.of(fakes));
        Log quiet = new Log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "test");
        MachineLocks machine = new MachineLocks(locks, state.root().toString());
        allocator = new Allocator(sources.pool(), machine.claims(id -> false));
        supervisor = new RunnerSupervisor(state, sources.pool(), sources.starter(new RunnerLauncher(state, Map.of(), 0)),
                p -> RunnerLauncher.Artifact.current(), machine, quiet);
        PlanRuns planRuns = new PlanRuns(allocator, supervisor, new RunnerClient(supervisor), Map.of(),
                new ActiveRuns(state.root().resolve("runs"), quiet), new History(state.history(), quiet), p -> true, quiet,
                () -> StateSecrets.read(state), List.of(), List.of());
        leases = new LeaseRegistry(sources.pool(), allocator, quiet);
        runs = new RunService(sources.pool(), allocator, supervisor, planRuns, leases::holderName);
        plan = Files.writeString(home.resolve("tap.yaml"), """
                steps:
                  - {tool: launchApp, appId: com.chat.app}
                  - {tool: tapOn, text: Send}
                """);
        FakeBackendProvider.EXECUTED.clear();
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private int run(String lease, Map<String, String> devices, ByteArrayOutputStream out) throws InterruptedException {
        return runs.run(new RunRequest(plan.toString(), devices, null, null, null, home.resolve("out").toString(), 0L,
                ProcessHandle.current().pid(), null, List.of(), lease), new RunEvents(out));
    }

    @Test
    void aRunOnALeaseUsesItsDeviceAndTheDeviceStaysLeased() throws Exception {
        LeaseReply lease = leases.acquire(new LeaseRequest("java test", ProcessHandle.current().pid(), List.of("fake-2"), null, null,
                null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = run(lease.lease(), Map.of("device", "fake-2"), out);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(FakeBackendProvider.EXECUTED.get("fake-2")).contains("launchApp", "tapOn");
        assertThat(FakeBackendProvider.EXECUTED).doesNotContainKey("fake-1");
        assertThat(allocator.holderOf("fake-2").map(Allocation::owner)).contains("java test (lease 1)");
        assertThat(allocator.allocations()).hasSize(1);
    }

    @Test
    void aRunNamingADeviceOutsideTheLeaseIsRefusedAndAllocatesNothing() throws Exception {
        LeaseReply lease = leases.acquire(new LeaseRequest("java test", ProcessHandle.current().pid(), List.of("fake-2"), null, null,
                null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = run(lease.lease(), Map.of("device", "fake-1"), out);
        assertThat(exit).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("DEVICE_NOT_LEASED").contains("fake-1, which the lease does not hold");
        assertThat(allocator.holderOf("fake-1")).isEmpty();
        assertThat(fakes.started).isEmpty();
    }
}
