package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.apps.AppServices;
import dev.tandem.device.Device;
import dev.tandem.protocol.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The device contract: what every backend's {@link Device} primitives do, pinned on the built-in
 * apps, and what {@link dev.tandem.device.ToolExecutor} builds on them. A backend runs the whole
 * suite by subclassing this class in its tests (depend on {@code tandem-device} with
 * {@code <type>test-jar</type><scope>test</scope>}) and giving {@link #freshDevice}:
 *
 * <pre>{@code
 * class SimContractTest extends DeviceContract {
 *     protected Device freshDevice(Path workDir) { return new SimDevice(SimConfig.defaults("sim-contract", INSTANT)); }
 * }
 * }</pre>
 *
 * <p>Each test launches the apps it needs itself, on its fresh device, in its own chat room on the
 * suite's loopback {@link AppServices} (the launch carries {@code services}: the chat service and
 * the web twins). Where the backend legitimately behaves otherwise, it says so in
 * {@link #differences()} or {@link #unsupportedTools()}, with a reason; nothing is skipped silently.
 * The tests live in one interface per area ({@link TreeContract}, {@link TapContract}…), each named
 * for what it pins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeviceContract implements TreeContract, TapContract, TextContract, ImeContract, ButtonContract,
        ScrollContract, TrayContract, ScreenshotContract, SettlingContract, AppsContract {

    /** The devices' work dirs and the tools' artifacts; deleted after the last test, once the fixture has closed its devices. */
    private Path tmp;
    private AppServices services;
    private Device device;
    private ContractDriver driver;
    private int tests;

    /**
     * A device for one test, on its home screen: no app in front, the tray empty and closed. It
     * may be the same device each time (one browser for the suite) as long as no state of the last
     * test shows; {@code workDir} is a private directory for it.
     */
    protected abstract Device freshDevice(Path workDir) throws Exception;

    /** After each test, with the device {@link #freshDevice} gave: closes it. A fixture that reuses one device resets it here instead. */
    protected void release(Device device) {
        device.close();
    }

    /** After the last test: closes what the fixture shares across tests (a browser). */
    protected void closeShared() {}

    /** The backend's declared departures from the reference behaviour, each with its reason. */
    protected Map<Difference, String> differences() {
        return Map.of();
    }

    /** Tools the backend does not support, each with its reason; the tests that need one abort saying so. */
    protected Map<Tool, String> unsupportedTools() {
        return Map.of();
    }

    @BeforeAll
    void startServices() throws IOException {
        tmp = Files.createTempDirectory("tandem-contract-");
        services = AppServices.start();
    }

    @AfterAll
    void stopServices() {
        try {
            closeShared();
        } finally {
            if (services != null) services.close();
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) return;
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // scratch space under the system temp dir: a leftover is harmless
        }
    }

    @BeforeEach
    void openDevice() throws Exception {
        int n = ++tests;
        device = freshDevice(tmp.resolve("device-" + n));
        driver = new ContractDriver(device, services, "contract-" + n, tmp.resolve("artifacts-" + n));
    }

    @AfterEach
    void releaseDevice() {
        if (device != null) release(device);
        device = null;
    }

    @Override
    public final ContractDriver d() {
        return driver;
    }

    @Override
    public final boolean differs(Difference difference) {
        return differences().containsKey(difference);
    }

    @Override
    public final void requires(Tool tool) {
        String why = unsupportedTools().get(tool);
        Assumptions.assumeTrue(why == null, () -> tool.wireName() + " is declared unsupported by this backend: " + why);
    }

    @Test
    void everyDeclaredDifferenceAndUnsupportedToolGivesAReason() {
        // Pins: a fixture's declarations are explained, so a reader of the subclass knows why the backend differs.
        differences().forEach((k, why) -> assertThat(why).as(k.name()).isNotBlank());
        unsupportedTools().forEach((k, why) -> assertThat(why).as(k.name()).isNotBlank());
    }
}
