package dev.tandem.appium;

import dev.tandem.device.AppiumCapabilities;
import dev.tandem.device.AppiumLaunch;
import dev.tandem.device.Backend;
import dev.tandem.device.Device;
import dev.tandem.device.DeviceSpec;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.os.Host;
import dev.tandem.protocol.os.PortHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Appium device as a runner drives it: its host ports (held for the runner's life), its
 * server (started and owned here, or the user's), and its session. Closing ends the session, stops
 * an owned server with every driver process it started, and releases the ports. A session the
 * daemon opened on a Selenium Grid ({@link AppiumLaunch#attached()}) is attached to, with no ports
 * of its own, and left for the daemon to close.
 */
final class AppiumBackend implements Backend {
    /** The name of the owned server's port among the device's ports. */
    static final String SERVER_PORT = AppiumCapabilities.SERVER_PORT;

    private final AppiumDevice device;
    private final AppiumServer server;
    private final HostPorts ports;

    private AppiumBackend(AppiumDevice device, AppiumServer server, HostPorts ports) {
        this.device = device;
        this.server = server;
        this.ports = ports;
    }

    static Backend open(MobilePlatform platform, DeviceSpec spec) {
        AppiumLaunch launch = AppiumLaunch.fromOptions(spec.options());
        if (launch.capabilities().isEmpty()) return new Unopened(spec.deviceId());
        if (launch.lockDir() == null) {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "the Appium runner for " + spec.deviceId() + " was started without a lock directory");
        }
        HostPorts ports = HostPorts.assign(launch.lockDir(), spec.deviceId(), requests(platform, launch), AppiumBackend::holder);
        AppiumServer server = null;
        WebDriverClient client = null;
        try {
            server = launch.server() != null ? new AppiumServer.External(launch.server())
                    : AppiumServer.Owned.start(requireInstall(launch, spec), launch.appiumHome(), ports.port(SERVER_PORT),
                            spec.workDir().resolve("appium.log"));
            client = server instanceof AppiumServer.Owned ? WebDriverClient.ofOwnedServer(server.url())
                    : new WebDriverClient(server.url(), null);
            WebDriverSession session = launch.attached() != null
                    ? WebDriverSession.attach(client, launch.attached().sessionId(), launch.attached().capabilities())
                    : WebDriverSession.create(client, AppiumCapabilities.forSession(launch.capabilities(), ports.ports()));
            return new AppiumBackend(new AppiumDevice(spec.deviceId(), platform, session), server, ports);
        } catch (RuntimeException e) {
            if (client != null) client.close();
            if (server != null) server.close();
            ports.close();
            throw e;
        }
    }

    private static java.nio.file.Path requireInstall(AppiumLaunch launch, DeviceSpec spec) {
        if (launch.appiumBin() == null || launch.appiumHome() == null) {
            throw new TandemException(ErrorCode.APPIUM_NOT_PREPARED, "no prepared Appium server for " + spec.deviceId()
                    + "; run `tandem prepare --platform appium`, or give the device's source a `server:` URL");
        }
        return launch.appiumBin();
    }

    /**
     * The ports to assign: the server's own when Tandem starts it, and the driver's. With a server
     * elsewhere (not loopback) the driver's ports are that host's, not ours: only explicit ones are sent.
     */
    static List<HostPorts.Request> requests(MobilePlatform platform, AppiumLaunch launch) {
        List<HostPorts.Request> out = new ArrayList<>();
        if (launch.attached() != null) return out; // its owner created the session: no port of ours is in it
        if (launch.server() == null) out.add(new HostPorts.Request(SERVER_PORT, null, launch.previousPorts().get(SERVER_PORT)));
        boolean local = launch.server() == null || isLoopback(launch.server().getHost());
        for (String name : platform.ports()) {
            Integer explicit = explicitPort(launch.capabilities().get(name), name);
            if (explicit != null || local) out.add(new HostPorts.Request(name, explicit, launch.previousPorts().get(name)));
        }
        return out;
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    }

    private static Integer explicitPort(Object value, String name) {
        if (value == null) return null;
        if (value instanceof Number n && n.doubleValue() == n.intValue()) return n.intValue();
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new TandemException(ErrorCode.USAGE, name + " must be a port number, got '" + value + "'");
        }
    }

    /** Who listens on a port, for PORT_IN_USE messages: " by pid N (command)", or "" when the host cannot tell. */
    static String holder(int port) {
        return Host.current().portHolder(port).map(PortHolder::describe).orElse("");
    }

    @Override
    public Device device() {
        return device;
    }

    /**
     * A runner started with no device, as {@code tandem prepare} starts one to train and health-check
     * the platform's runner artifact: it answers {@code ping}; everything else says what is missing.
     */
    record Unopened(String deviceId) implements Backend {
        @Override
        public Device device() {
            throw noDevice();
        }

        private TandemException noDevice() {
            return new TandemException(ErrorCode.RUNNER_FAILED, "the Appium runner " + deviceId
                    + " was started without a device (no capabilities); declare the device in devices.yaml");
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode runCommand(dev.tandem.protocol.Tool tool,
                com.fasterxml.jackson.databind.JsonNode params, dev.tandem.device.CommandContext ctx) {
            if (tool == dev.tandem.protocol.Tool.PING) return dev.tandem.protocol.Json.object();
            throw noDevice();
        }

        @Override
        public void close() {
            // nothing was opened
        }
    }

    @Override
    public Map<String, Integer> ports() {
        return ports.ports();
    }

    @Override
    public void close() {
        try {
            device.close();
        } finally {
            server.close();
            ports.close();
        }
    }
}
