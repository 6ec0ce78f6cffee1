package dev.tandem.cli.commands;

import dev.tandem.mcp.ClientGateway;
import dev.tandem.mcp.TandemMcpServer;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.Options;

/**
 * {@code tandem mcp}: Tandem's MCP server on stdin/stdout for a coding agent. Stdout carries the
 * protocol only (no banner; anything else printed goes to stderr); the session's devices are
 * released when the client disconnects, and the daemon frees them if this process dies.
 */
public final class McpCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("mcp", "Serve Tandem's tools to a coding agent over MCP (stdio): devices, snapshots, taps, plans.", "");
    }

    @Override
    public Options options() {
        return Opts.of();
    }

    @Override
    public int run(Args args, Context ctx) throws Exception {
        PrintStream protocol = ctx.out();
        System.setOut(ctx.err()); // a stray print from any library must not corrupt the protocol stream
        ClientGateway gateway = new ClientGateway(() -> ctx.daemon(true), "mcp");
        return TandemMcpServer.serve(gateway, System.in, protocol, Path.of("").toAbsolutePath());
    }
}
