package dev.tandem.mcp;

import java.nio.file.Path;

/** {@code tandem mcp} over a {@link FakeGateway}: the server process the unit tests talk to over stdio. */
public final class FakeServerMain {
    private FakeServerMain() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        System.exit(TandemMcpServer.serve(new FakeGateway(work), System.in, System.out, work));
    }
}
