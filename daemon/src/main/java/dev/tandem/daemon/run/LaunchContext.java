package dev.tandem.daemon.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Json;
import java.util.List;
import java.util.Map;

/**
 * What a launched app learns about its run: the room that scopes shared services (the run id, so
 * parallel runs never see each other's chat), its user name (the plan label), the services' URLs,
 * the app definitions the run brings ({@code --app FILE}, as JSON text), installed for the run, and
 * where it may open local files.
 */
public record LaunchContext(String room, String user, Map<String, String> services, List<String> apps, Files files) {
    /** The directories a device may open local files under, and those it never may (dev.tandem.device.FileAccess). */
    public record Files(List<String> allow, List<String> deny) {}

    /** A run that brings no app definitions of its own and allows no local files. */
    LaunchContext(String room, String user, Map<String, String> services) {
        this(room, user, services, List.of(), new Files(List.of(), List.of()));
    }

    public LaunchContext(String room, String user, Map<String, String> services, Files files) {
        this(room, user, services, List.of(), files);
    }

    LaunchContext(String room, String user, Map<String, String> services, List<String> apps) {
        this(room, user, services, apps, new Files(List.of(), List.of()));
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("room", room);
        o.put("user", user);
        ObjectNode s = o.putObject("services");
        services.forEach(s::put);
        if (!apps.isEmpty()) apps.forEach(o.putArray("apps")::add);
        o.set("files", Json.toTree(files));
        return o;
    }
}
