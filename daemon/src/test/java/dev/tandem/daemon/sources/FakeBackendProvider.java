package dev.tandem.daemon.sources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Backend;
import dev.tandem.device.BackendProvider;
import dev.tandem.device.CommandContext;
import dev.tandem.device.Device;
import dev.tandem.device.DeviceSpec;
import dev.tandem.device.PlatformRow;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Tool;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A third platform defined in test code only, to prove that adding one touches nothing but its own
 * code and one registration ({@code META-INF/services/dev.tandem.device.BackendProvider} in the
 * daemon's test resources). Its devices record the commands they get and cannot swipe, scroll or
 * open the tray.
 */
public final class FakeBackendProvider implements BackendProvider {
    public static final Platform FAKE = Platform.of("fake");
    /** What the fake platform cannot do. */
    static final Set<Tool> MISSING = EnumSet.of(Tool.SWIPE, Tool.SCROLL_UNTIL_VISIBLE, Tool.SYSTEM_TRAY);
    /** The commands each fake device executed, by device id, in order. */
    static final Map<String, List<String>> EXECUTED = new ConcurrentHashMap<>();

    @Override
    public String platform() {
        return FAKE.name();
    }

    @Override
    public boolean deviceStateSurvivesRunnerRestart() {
        return false;
    }

    @Override
    public PlatformRow row() {
        Set<Tool> tools = EnumSet.copyOf(PlatformRow.runnerTools());
        tools.removeAll(MISSING);
        return PlatformRow.jvmRunner(FAKE, List.of("tandem-fake-"), List.of(), List.of()).withTools(tools);
    }

    @Override
    public Backend open(DeviceSpec spec) {
        List<String> log = EXECUTED.computeIfAbsent(spec.deviceId(), k -> new CopyOnWriteArrayList<>());
        return new Backend() {
            @Override
            public Device device() {
                throw new UnsupportedOperationException("the fake backend answers commands itself");
            }

            @Override
            public JsonNode runCommand(Tool tool, JsonNode params, CommandContext ctx) {
                log.add(tool.wireName());
                return Json.object();
            }

            @Override
            public void close() {}
        };
    }
}
