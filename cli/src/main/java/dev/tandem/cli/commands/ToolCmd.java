package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.client.LeanWire;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.LeanJson;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.ParamSpec;
import dev.tandem.protocol.ToolDescriptor;
import dev.tandem.protocol.ToolDescriptors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * A one-shot device command ({@code tandem tap --device sim-1 @e3}), projected from the tool's row
 * of the tool table: its options are the tool's params (camelCase keys as {@code --kebab-case}),
 * its positional argument fills the row's positional param, or, for a tool that takes a selector,
 * is a ref ({@code @e3}, from the latest {@code tandem snapshot} of the device), an id as the
 * snapshot prints it ({@code #sign_in}) or the element's text ({@code --text} for a text that starts
 * with {@code @} or {@code #}). The daemon checks the params as it checks a plan step and takes the device for the one
 * command: a device another run holds exclusively is waited for ({@code --wait-timeout S}) or refused
 * with DEVICE_UNAVAILABLE naming the holder.
 */
public final class ToolCmd implements Command {
    private final ToolDescriptor tool;

    public ToolCmd(ToolDescriptor tool) {
        if (tool.exposure().command() == null) throw new IllegalArgumentException(tool.tool() + " has no command");
        this.tool = tool;
    }

    /** Every one-shot command of the tool table, in its order. */
    public static List<Command> all() {
        return ToolDescriptors.all().stream().filter(d -> d.exposure().command() != null).<Command>map(ToolCmd::new).toList();
    }

    @Override
    public Spec spec() {
        String positional = tool.exposure().positional();
        String arg = positional != null ? option(positional).toUpperCase(java.util.Locale.ROOT)
                : tool.takesSelector() ? "@REF|#ID|TEXT" : "";
        return new Spec(tool.exposure().command(), tool.summary(), "--device D " + (arg.isEmpty() ? "" : arg + " ") + "[options]");
    }

    @Override
    public Options options() {
        Options o = Opts.of(Opts.value("d", "device", "D", "Device id, e.g. sim-1 (see `tandem devices`)."),
                Opts.value("wait-timeout", "S", "Seconds to wait for a device another run or agent holds (default 0: fail at once, naming the holder)."),
                Opts.json());
        if (tool.takesSelector()) {
            o.addOption(Opts.value("ref", "REF", "An element of the latest `tandem snapshot --device D`, e.g. @e3."));
        }
        if (tool.tool() == Tool.SCREENSHOT) {
            o.addOption(Opts.value("out", "FILE", "Where to write the PNG (default: a file under $TANDEM_HOME/agent/cli/, printed)."));
            return o;
        }
        for (ParamSpec p : tool.params().values()) {
            if (p.type() == ParamSpec.Type.SELECTOR) continue; // the selector's keys are options of their own
            o.addOption(p.type() == ParamSpec.Type.BOOL ? Opts.flag(option(p.name()), p.doc())
                    : Opts.value(option(p.name()), argName(p), p.doc() + choices(p)));
        }
        return o;
    }

    @Override
    public int run(Args args, Context ctx) throws IOException {
        String device = args.value("device");
        String command = tool.exposure().command();
        if (device == null) throw new TandemException(ErrorCode.USAGE, command + " needs --device D (see `tandem devices`)");
        ObjectNode params = params(args);
        String ref = args.value("ref");
        List<String> positional = args.positional(0, 1, "argument");
        String positionalParam = tool.exposure().positional();
        if (!positional.isEmpty()) {
            String value = positional.getFirst();
            if (positionalParam != null) params.put(positionalParam, value);
            else if (tool.takesSelector() && value.startsWith("@")) ref = value;
            else if (tool.takesSelector() && value.startsWith("#") && value.length() > 1) params.put("id", value.substring(1));
            else if (tool.takesSelector()) params.put("text", value);
            else throw new TandemException(ErrorCode.USAGE, command + " takes no argument, not '" + value + "'");
        }
        boolean json = args.flag("json");
        try (TandemClient daemon = ctx.daemon(json)) {
            CommandReply reply = daemon.command(new CommandRequest(null, device, tool.tool().wireName(), params, ref,
                waitMs(args), ProcessHandle.current().pid()));
            if (json) ctx.out().println(LeanJson.pretty(LeanWire.tree(reply)));
            else ctx.out().println(line(reply));
        }
        return ErrorCategory.PASSED_EXIT_CODE;
    }

    private static Long waitMs(Args args) {
        Long seconds = args.longValue("wait-timeout");
        if (seconds != null && seconds < 0) throw new TandemException(ErrorCode.USAGE, "--wait-timeout takes seconds of 0 or more");
        return seconds == null ? null : seconds * 1000;
    }

    /** The options given, as the tool's params: values typed as the row says; the validator checks the rest. */
    private ObjectNode params(Args args) throws IOException {
        ObjectNode params = JsonNodeFactory.instance.objectNode(); // not Json.object(): no ObjectMapper on this path (LeanJson says why)
        if (tool.tool() == Tool.SCREENSHOT) {
            String out = args.value("out");
            if (out != null) params.put("path", Path.of(out).toAbsolutePath().normalize().toString());
            return params;
        }
        for (ParamSpec p : tool.params().values()) {
            String name = option(p.name());
            switch (p.type()) {
                case BOOL -> {
                    if (args.flag(name)) params.put(p.name(), true);
                }
                case INT -> {
                    Long v = args.longValue(name);
                    if (v != null) params.put(p.name(), v);
                }
                case OBJECT, STRING_MAP -> {
                    String v = args.value(name);
                    if (v != null) params.set(p.name(), jsonObject(name, v));
                }
                case STRING, PATTERN, CHOICE -> {
                    String v = args.value(name);
                    if (v != null) params.put(p.name(), v);
                }
                case SELECTOR, LABELS, STEPS -> { }
            }
        }
        return params;
    }

    private static JsonNode jsonObject(String option, String value) {
        try {
            JsonNode n = LeanJson.parse(value);
            if (n.isObject()) return n;
        } catch (IllegalArgumentException ignored) {
            // the message below says what is expected
        }
        throw new TandemException(ErrorCode.USAGE, "--" + option + " takes a JSON object, e.g. '{\"room\": \"lobby\"}', not '" + value + "'");
    }

    /** What the user reads: the device, what was done to which element, how long it took. */
    private String line(CommandReply r) {
        StringBuilder sb = new StringBuilder(r.device()).append(": ").append(tool.tool().wireName());
        if (r.element() != null) sb.append(' ').append(r.element());
        JsonNode path = r.result() == null ? null : r.result().get("path");
        if (tool.tool() == Tool.SCREENSHOT && path != null) sb.append(" → ").append(path.asText());
        return sb.append(" · ").append(r.durationMs()).append(" ms").toString();
    }

    /** {@code clearState} → {@code clear-state}. */
    static String option(String param) {
        return param.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String argName(ParamSpec p) {
        return switch (p.type()) {
            case INT -> "N";
            case OBJECT, STRING_MAP -> "JSON";
            default -> option(p.name()).toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static String choices(ParamSpec p) {
        return p.type() == ParamSpec.Type.CHOICE ? " One of " + String.join(", ", p.choices()) + "." : "";
    }

    /** Used by help tests: the option a param becomes. */
    static Option optionOf(Options o, String param) {
        return o.getOption(option(param));
    }
}
