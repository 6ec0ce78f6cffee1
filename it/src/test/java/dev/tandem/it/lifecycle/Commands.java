package dev.tandem.it.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.apps.AppServices;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** Direct protocol calls for test set-up (not through the client under test). */
final class Commands {
    private static final AtomicLong IDS = new AtomicLong();

    private Commands() {}

    /** Runs one command on that runner and insists that it completes. */
    static CommandRecord run(RunnerHandle h, Tool tool, ObjectNode params) {
        String id = "setup-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
        try {
            HttpResponse r = h.client().send("POST", "/v1/commands",
                    Json.bytes(new CommandEnvelope(id, h.bootId(), tool.wireName(), params, 30_000)), 40_000);
            CommandRecord rec = Json.read(r.body(), CommandRecord.class);
            if (rec.state() != CommandState.COMPLETED) throw new AssertionError(tool + " failed during set-up: " + r.bodyText());
            return rec;
        } catch (IOException e) {
            throw new AssertionError(tool + " failed during set-up on boot " + h.bootId() + ": " + e, e);
        }
    }

    /** launchApp params with the chat context the daemon would pass. */
    static ObjectNode launch(String appId, AppServices services, String room, String user) {
        ObjectNode p = Json.object().put("appId", appId).put("clearState", true);
        ObjectNode ctx = p.putObject("context").put("room", room).put("user", user);
        ObjectNode s = ctx.putObject("services");
        services.services().forEach(s::put);
        return p;
    }

    /** Messages the chat service holds for a room: the effects, counted by their witness. */
    static long messages(AppServices services, String room, String text) {
        return services.chat().messages(room).stream().filter(m -> text == null || m.text().equals(text)).count();
    }
}
