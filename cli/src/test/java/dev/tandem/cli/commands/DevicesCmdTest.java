package dev.tandem.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.render.Style;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.api.DevicesReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tandem devices}: the table keeps its columns, the daemon's notes follow it; --json keeps its array. */
class DevicesCmdTest {
    static final DevicesReply.Device SIM = new DevicesReply.Device("sim-1", "sim", "instant", "sim", DevicesReply.RunnerState.RUNNING,
            42L, 5000, DevicesReply.DeviceState.BUSY, "r1", 7L);
    static final DevicesReply.Device EMU = new DevicesReply.Device("android-emulator-5554", "android", null, "android",
            DevicesReply.RunnerState.STOPPED, null, null, DevicesReply.DeviceState.FREE, null, null);
    static final String ADB = "android: 0A1B2C3D4E5F is unauthorized — accept the USB debugging prompt on the phone";
    static final String IOS = "ios: no simulators discovered — xcrun simctl needs macOS with Xcode";

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    String render(DevicesReply reply, boolean json, boolean colors) {
        DevicesCmd.render(reply, json, new Style(colors), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutNotesTheTableIsTodays() {
        assertThat(render(new DevicesReply(List.of(SIM)), false, false)).isEqualTo(String.format(
                "%-8s %-9s %-10s %-16s %s%n%-8s %-9s %-10s %-16s %s%n", "DEVICE", "PLATFORM", "PROFILE", "RUNNER", "STATE",
                "sim-1", "sim", "instant", "running pid 42", "busy (run r1, pid 7)"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void notesFollowTheTableOneLineEach() {
        String shown = render(new DevicesReply(List.of(SIM, EMU), List.of(ADB, IOS)), false, false);
        assertThat(shown.lines().toList()).containsExactly(
                String.format("%-21s %-9s %-10s %-16s %s", "DEVICE", "PLATFORM", "PROFILE", "RUNNER", "STATE"),
                String.format("%-21s %-9s %-10s %-16s %s", "sim-1", "sim", "instant", "running pid 42", "busy (run r1, pid 7)"),
                String.format("%-21s %-9s %-10s %-16s %s", "android-emulator-5554", "android", "", "stopped", "free"),
                "",
                ADB,
                IOS);
    }

    @Test
    void onATerminalNotesAreDimmed() {
        String shown = render(new DevicesReply(List.of(), List.of(IOS)), false, true);
        assertThat(shown).endsWith("\n\u001b[2m" + IOS + "\u001b[0m" + System.lineSeparator());
        assertThat(shown).startsWith("DEVICE ");
    }

    @Test
    void jsonKeepsTheArrayOfDevicesOnStdoutAndPutsNotesOnStderr() throws Exception {
        String shown = render(new DevicesReply(List.of(SIM), List.of(ADB, IOS)), true, false);
        var tree = Json.tree(shown.getBytes(StandardCharsets.UTF_8));
        assertThat(tree.isArray()).isTrue();
        assertThat(tree.get(0).path("id").asText()).isEqualTo("sim-1");
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(ADB, IOS);
    }
}
