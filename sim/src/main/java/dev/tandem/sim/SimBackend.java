package dev.tandem.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Backend;
import dev.tandem.device.CommandContext;
import dev.tandem.device.Device;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.ToolExecutor;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import java.nio.file.Path;
import java.util.Map;

/** The sim platform's backend: one {@link SimDevice}, tools through the shared {@link ToolExecutor}. */
public final class SimBackend implements Backend {
    private final SimDevice device;
    private final Path workDir;

    public SimBackend(SimDevice device, Path workDir) {
        this.device = device;
        this.workDir = workDir;
    }

    @Override
    public Device device() {
        return device;
    }

    /**
     * Runs the hot paths once on a scratch phone (never this device's state): launch, tap, type,
     * snapshot, element waits and a screenshot.
     */
    @Override
    public void prewarm() {
        SimConfig c = device.config();
        try (SimDevice scratch = new SimDevice(new SimConfig("prewarm", c.width(), c.height(), c.density(), LatencyProfile.INSTANT, c.catalog()))) {
            CommandContext ctx = CommandContext.withTimeout(10_000, workDir == null ? Path.of(".") : workDir);
            scratch.launchApp(new LaunchRequest("com.example.login", null, true, null, null, Map.of()));
            ToolExecutor.run(scratch, Tool.TAP_ON, Json.object().put("id", "email"), ctx);
            ToolExecutor.run(scratch, Tool.INPUT_TEXT, Json.object().put("text", "user@example.com"), ctx);
            ToolExecutor.run(scratch, Tool.INPUT_TEXT, Json.object().put("id", "password").put("text", "password123"), ctx);
            ToolExecutor.run(scratch, Tool.TAP_ON, Json.object().put("text", "Sign in"), ctx);
            ToolExecutor.run(scratch, Tool.ASSERT_VISIBLE, Json.object().put("text", "/Welcome.*/"), ctx);
            JsonNode observed = ToolExecutor.run(scratch, Tool.OBSERVE, Json.object(), ctx);
            Json.bytes(observed);
            ToolExecutor.run(scratch, Tool.PRESS_BUTTON, Json.object().put("button", Button.HOME.wireName()), ctx);
            scratch.screenshotPng();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
