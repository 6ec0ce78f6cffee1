package dev.tandem.junit;

import dev.tandem.client.DeviceSpecs;
import dev.tandem.client.Lease;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.state.DaemonSettings;
import dev.tandem.protocol.state.StateDir;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link Devices} parameter of a {@link TandemTest}: leases the devices (all or none,
 * waiting for busy ones) through the client and puts them in the test's store, which releases them
 * when the test ends, passed or not. The daemon is found or started as the engine does it.
 */
public final class TandemExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TandemExtension.class);
    private static final DeviceSpecs SPECS = new DeviceSpecs("@TandemTest(devices)", " ", Platform::isName);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Devices.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(Held.class, k -> new Held(open(context)), Held.class).devices();
    }

    /** The store closes what it holds when the test's context ends. */
    private record Held(Devices devices) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            devices.close();
        }
    }

    private static Devices open(ExtensionContext context) {
        TandemTest ann = annotation(context.getElement()).or(() -> context.getTestClass().flatMap(c -> annotation(Optional.of(c))))
                .orElse(null);
        List<String> given = ann != null && ann.devices().length > 0 ? List.of(ann.devices())
                : context.getConfigurationParameter("tandem.devices").map(v -> Arrays.stream(v.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList()).orElse(List.of("A=sim"));
        Map<String, String> specs = SPECS.parse(given);
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String key : keys()) context.getConfigurationParameter("tandem.daemon.env." + key).ifPresent(v -> env.put(key, v));
        long waitMs = (ann == null ? 120 : ann.waitTimeoutSeconds()) * 1000;
        TandemClient client = TandemClient.connect(StateDir.resolve(env), env, true);
        try {
            Lease lease = Lease.open(client, new LeaseRequest("junit " + context.getDisplayName(), ProcessHandle.current().pid(),
                    new ArrayList<>(specs.values()), null, null, waitMs, null));
            return new Devices(client, lease, new ArrayList<>(specs.keySet()));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(DaemonSettings.KEYS);
        keys.add("TANDEM_HOME");
        return keys;
    }

    private static Optional<TandemTest> annotation(Optional<? extends AnnotatedElement> e) {
        return e.map(x -> x.getAnnotation(TandemTest.class));
    }
}
