package dev.tandem.cli.selfcheck;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.DevicesReply;
import java.util.List;

/**
 * What the self-check's daemon answers the one-shot commands, {@code snapshot} and {@code devices}
 * with: a login screen on sim-1. They exist so the class-data archive holds what those commands
 * load (an agent runs them one process each, so their start-up is their cost).
 */
final class SampleReplies {
    private SampleReplies() {}

    static final String DEVICE = "sim-1";

    static DevicesReply devices() {
        return new DevicesReply(List.of(new DevicesReply.Device(DEVICE, "sim", "instant", "local", DevicesReply.RunnerState.RUNNING,
                1L, 1, DevicesReply.DeviceState.BUSY, "mcp self-check (lease 1)", 1L)), List.of());
    }

    static Snapshot snapshot() {
        UiNode signIn = new UiNode("e2", "button", "sign_in", "Sign in", null, new Bounds(20, 400, 370, 48), true, null, false, List.of());
        UiNode remember = new UiNode("e3", "checkbox", "remember", "Remember me", null, new Bounds(20, 340, 370, 40), true, false, false,
                List.of());
        UiNode email = new UiNode("e1", "textfield", "email", null, "Email", new Bounds(20, 200, 370, 48), true, null, true, List.of());
        UiNode root = new UiNode(null, "screen", null, null, null, new Bounds(0, 0, 411, 891), true, null, false,
                List.of(email, remember, signIn));
        return new Snapshot(DEVICE, "com.example.login", "login", 411, 891, 2.625, root);
    }

    static CommandReply command() {
        return new CommandReply(DEVICE, "tapOn", Json.object().put("ref", "e2").put("path", "/tmp/self-check.png"),
                "button \"Sign in\" #sign_in", 3);
    }
}
