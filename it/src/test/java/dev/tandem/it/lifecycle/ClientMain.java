package dev.tandem.it.lifecycle;

import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.runner.CommandEnvelope;

/**
 * A daemon stand-in for the "daemon killed mid-command" fault: a separate process that sends one
 * command exactly as the daemon's client does (one POST of the envelope) and is killed by the test
 * while it waits. Args: port token bootId commandId.
 */
public final class ClientMain {
    private ClientMain() {}

    public static void main(String[] args) throws Exception {
        try (LoopbackHttpClient client = new LoopbackHttpClient(Integer.parseInt(args[0]), args[1])) {
            byte[] body = Json.bytes(new CommandEnvelope(args[3], args[2], "tapOn", Json.object().put("id", "send"), 10_000));
            System.out.println("SENDING");
            System.out.flush();
            HttpResponse r = client.send("POST", "/v1/commands", body, 20_000);
            System.out.println("REPLY " + r.bodyText());
        }
    }
}
