package dev.tandem.daemon.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Json;
import java.util.Map;

/**
 * What a launched app learns about its run: the room that scopes shared services (the run id, so
 * parallel runs never see each other's chat), its user name (the plan label), the services' URLs,
 * and the app definitions the run brings ({@code --app FILE}, as JSON text), installed for the run.
 */
record LaunchContext(String room, String user, Map<String, String> services, java.util.List<String> apps) {
    /** A run that brings no app definitions of its own. */
    LaunchContext(String room, String user, Map<String, String> services) {
        this(room, user, services, java.util.List.of());
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("room", room);
        o.put("user", user);
        ObjectNode s = o.putObject("services");
        services.forEach(s::put);
        if (!apps.isEmpty()) apps.forEach(o.putArray("apps")::add);
        return o;
    }
}
