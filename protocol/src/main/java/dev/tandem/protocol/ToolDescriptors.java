package dev.tandem.protocol;

import static dev.tandem.protocol.ToolTraits.Effect.BY_ACTION;
import static dev.tandem.protocol.ToolTraits.Effect.MUTATING;
import static dev.tandem.protocol.ToolTraits.Effect.READ_ONLY;
import static dev.tandem.protocol.ParamSpec.bool;
import static dev.tandem.protocol.ParamSpec.choice;
import static dev.tandem.protocol.ParamSpec.integer;
import static dev.tandem.protocol.ParamSpec.labels;
import static dev.tandem.protocol.ParamSpec.object;
import static dev.tandem.protocol.ParamSpec.pattern;
import static dev.tandem.protocol.ParamSpec.selector;
import static dev.tandem.protocol.ParamSpec.steps;
import static dev.tandem.protocol.ParamSpec.string;
import static dev.tandem.protocol.ParamSpec.stringMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ToolTraits.Effect;
import dev.tandem.protocol.ToolTraits.Executor;
import dev.tandem.protocol.ToolDescriptor.Exposure;
import dev.tandem.protocol.ToolDescriptor.SelectorUse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tool table: one {@link ToolDescriptor} per {@link Tool}, an exhaustive switch, so a tool
 * added without its row does not compile (and {@code ToolDescriptorsTest} fails on a row without
 * docs). docs/plan-format.md and docs/agents.md mirror it, checked by tests.
 */
public final class ToolDescriptors {
    private ToolDescriptors() {}

    public static final List<String> DIRECTIONS = List.of("up", "down", "left", "right");
    public static final ParamSpec TIMEOUT = integer("timeout", 1, "5000")
            .doc("Bound on the whole step in ms; for tools that wait for an element it is also the element wait.");

    /**
     * The keys of a selector besides {@code text}, in one list: a step's inline keys, the
     * {@code selector:} mapping's fields (plan validation), CLI options and MCP schemas all come from it.
     */
    public static final List<ParamSpec> SELECTOR_FIELDS = List.of(
            string("textContains", "\"Welcome\"").doc("A part of the element's text (or an empty field's hint), case-sensitive."),
            pattern("id", "\"com.example:id/send\"").doc("The element's id, exact or /regex/."),
            string("role", "button").doc("The element's role: button, textfield, text, checkbox, list, listitem…"),
            integer("index", 0, "0").doc("Picks the n-th (0-based) of the matching elements, in document order."),
            bool("enabled").doc("Only an element that is enabled (true) or disabled (false)."),
            bool("checked").doc("Only an element that is checked (true) or not checked (false)."),
            bool("focused").doc("Only an element that has the input focus (true) or has not (false)."),
            bool("selected").doc("Only an element that is selected, like the current tab (true), or is not (false)."));
    /** The selector's {@code text} key (inputText's own {@code text} is what it types, so it has none inline). */
    public static final ParamSpec SELECTOR_TEXT =
            pattern("text", "\"OK\"").doc("The element's text (or an empty field's hint), exact or /regex/ over the whole text.");

    /** Bounds of the control blocks (repeat, retry, when): a plan cannot loop without end. */
    public static final int MAX_REPEAT_TIMES = 1_000;
    public static final int MAX_WHILE_ITERATIONS = 100;
    public static final int MAX_RETRIES = 10;
    /** Default bound on a whole control block, every iteration included (its {@code timeout} sets another). */
    public static final long BLOCK_TIMEOUT_MS = 600_000;

    private static final Map<Tool, ToolDescriptor> TABLE = new EnumMap<>(Tool.class);

    static {
        for (Tool t : Tool.values()) TABLE.put(t, row(t));
    }

    public static ToolDescriptor of(Tool tool) {
        return TABLE.get(tool);
    }

    /** Every row, in the order of {@link Tool}. */
    public static List<ToolDescriptor> all() {
        return Arrays.stream(Tool.values()).map(TABLE::get).toList();
    }

    public static Optional<ToolDescriptor> byMcpName(String name) {
        return all().stream().filter(d -> name.equals(d.exposure().mcpName())).findFirst();
    }

    public static Optional<ToolDescriptor> byCommand(String command) {
        return all().stream().filter(d -> command.equals(d.exposure().command())).findFirst();
    }

    /** The JSON Schema of an MCP call of a device tool ({@link ToolSchemas}). */
    public static ObjectNode inputSchema(ToolDescriptor d) {
        return ToolSchemas.input(d);
    }

    private static ToolTraits runner(Effect effect, long timeoutMs) {
        return new ToolTraits(effect, timeoutMs, Executor.RUNNER, true);
    }

    private static ToolTraits engine(long timeoutMs) {
        return new ToolTraits(READ_ONLY, timeoutMs, Executor.ENGINE, true);
    }

    private static ToolDescriptor row(Tool t) {
        return switch (t) {
            case LAUNCH_APP -> new Row(t, runner(MUTATING, 30_000),
                    "Start an app (appId) or open a web page (url) on the device, optionally with its state cleared.")
                    .add(string("appId", "com.example.app").doc("The installed app to start (Android package, iOS bundle id, sim app id)."),
                            string("url", "https://example.com").doc("The page a web device opens (http, https, data, file or about)."),
                            bool("clearState").doc("Clear the app's data first, as after a fresh install."),
                            object("context", "{room: lobby, user: alice}",
                                    string("room", "lobby").doc("The chat room the built-in apps join."),
                                    string("user", "alice").doc("The user the built-in apps sign in as."),
                                    stringMap("services", "{chat: \"http://127.0.0.1:8080\"}").doc("Service URLs by name."))
                                    .doc("Launch context read by the built-in apps; keys given here win over the run's own."))
                    .oneOf("add appId: com.example.app (an installed app) or url: https://example.com (a web page)", "appId", "url")
                    .mcp("launch_app").command("launch", "appId").build();
            case STOP_APP -> new Row(t, runner(MUTATING, 10_000),
                    "Stop an app.")
                    .add(string("appId", "com.example.app").doc("The app to stop.")).mcp("stop_app").command("stop-app", "appId").build();
            case TAP_ON -> new Row(t, runner(MUTATING, 15_000),
                    "Tap an element (waits for it to be on screen and enabled); doubleTap and longPress too.")
                    .selects(SelectorUse.REQUIRED)
                    .add(choice("action", "tap", "doubleTap", "longPress").doc("The gesture; default tap.")).mcp("tap").command("tap", null).build();
            case INPUT_TEXT -> new Row(t, runner(MUTATING, 15_000),
                    "Type text into the focused field, or into the field the selector names (tapped first).")
                    .add(string("text", "\"Hello\"").doc("What to type.")).required("text")
                    .add(choice("imeAction", ImeAction.WIRE_NAMES).doc("The keyboard action pressed after typing."),
                            bool("replace").doc("Replace the field's value instead of typing at its end."))
                    .selects(SelectorUse.OPTIONAL).mcp("type").command("type", "text").build();
            case CLEAR_TEXT -> new Row(t, runner(MUTATING, 15_000),
                    "Clear the focused field, or the field the selector names (tapped first).")
                    .selects(SelectorUse.OPTIONAL).mcp("clear_text").build();
            case IME_ACTION -> new Row(t, runner(MUTATING, 15_000),
                    "Press the keyboard's action key (send, go, done, search, next, enter).")
                    .add(choice("action", ImeAction.WIRE_NAMES).doc("The keyboard action.")).required("action")
                    .mcp("ime_action").build();
            case PRESS_BUTTON -> new Row(t, runner(MUTATING, 10_000),
                    "Press a hardware or system button (back, home, enter).")
                    .add(choice("button", Button.WIRE_NAMES).doc("The button.")).required("button").mcp("press").command("press", "button").build();
            case SWIPE -> new Row(t, runner(MUTATING, 10_000),
                    "Swipe the screen, or within the element the selector names, in a direction (the way the finger moves).")
                    .add(choice("direction", DIRECTIONS).doc("The way the finger moves: up scrolls content down.")).required("direction")
                    .selects(SelectorUse.OPTIONAL).mcp("swipe").command("swipe", "direction").build();
            case SCROLL_UNTIL_VISIBLE -> new Row(t, runner(MUTATING, 30_000),
                    "Scroll until the element is on screen, bounded by the timeout.")
                    .selects(SelectorUse.REQUIRED)
                    .add(choice("direction", "down", "up", "left", "right").doc("The way the content scrolls; default down."))
                    .mcp("scroll_until_visible").build();
            case ASSERT_VISIBLE -> new Row(t, runner(READ_ONLY, 15_000),
                    "Check that an element is on screen (waits for it up to the timeout).")
                    .selects(SelectorUse.REQUIRED).mcp("assert_visible").build();
            case ASSERT_NOT_VISIBLE -> new Row(t, runner(READ_ONLY, 15_000),
                    "Check that no element matches (waits for it to go up to the timeout).")
                    .selects(SelectorUse.REQUIRED).mcp("assert_not_visible").build();
            case OBSERVE -> new Row(t, runner(READ_ONLY, 15_000),
                    "Read the screen's elements, after it settles or once the waitFor element shows.")
                    .add(selector("waitFor").doc("An element to wait for before reading the screen.")).build();
            case SYSTEM_TRAY -> new Row(t, runner(BY_ACTION, 30_000),
                    "Find, open, tap or dismiss a notification, or clear them all (the notification shade).")
                    .add(choice("action", TrayAction.WIRE_NAMES).doc("What to do with the notifications."),
                            object("notification", "{body: \"Hello\"}",
                                    pattern("title", "\"New message\"").doc("The title, exact or /regex/."),
                                    pattern("body", "\"Hello\"").doc("The body, exact or /regex/."))
                                    .doc("Which notification: its title and body."),
                            integer("awaitTimeout", 0, "5000").doc("How long find, tap and dismiss wait for the notification, in ms."))
                    .required("action").mcp("notifications").build();
            case SCREENSHOT -> new Row(t, runner(READ_ONLY, 15_000),
                    "Take a PNG screenshot of the device.")
                    .add(string("name", "after-login").doc("Names the file screenshots/LABEL-NAME.png in the run directory."),
                            string("path", "shots/after-login.png").doc("A relative path inside the run directory."))
                    .mcp("screenshot").command("screenshot", null).build();
            case WAIT -> new Row(t, engine(600_000),
                    "Pause this device's track.")
                    .add(integer("ms", 0, "500").doc("How long, in ms.")).required("ms").build();
            case CRITICAL_SECTION -> new Row(t, engine(60_000),
                    "Run steps while holding a named lock, across the devices that take part.").sync()
                    .add(string("lock", "chat-room").doc("The lock's name."),
                            integer("deviceCount", 1, "2").doc("How many devices take part."),
                            steps("steps").doc("The steps run inside the section.")).required("lock", "steps").build();
            case BARRIER -> new Row(t, engine(60_000),
                    "Wait until every listed device reaches this point.").sync()
                    .add(labels("devices").doc("The labels that meet here; default every declared device."),
                            string("name", "all-logged-in").doc("The barrier's name (its label when no label is given).")).build();
            case REPEAT -> new Row(t, engine(BLOCK_TIMEOUT_MS),
                    "Run steps several times on one device: a number of times, or while an element is on screen.").block()
                    .add(integer("times", 1, "3").doc("How many times (at most " + MAX_REPEAT_TIMES + "); with while, the most iterations."),
                            selector("while").doc("Go on while this element is on screen, checked before each iteration (at most "
                                    + MAX_WHILE_ITERATIONS + " iterations unless times says otherwise)."),
                            steps("steps").doc("The steps of each iteration, on the block's device."))
                    .required("steps").oneOf("add times: 3, or while: {text: \"Load more\"}", "times", "while").build();
            case RETRY -> new Row(t, engine(BLOCK_TIMEOUT_MS),
                    "Run steps again from the first when one fails, up to maxRetries more times.").block()
                    .add(integer("maxRetries", 0, "2").doc("How many more attempts after a failed one (at most " + MAX_RETRIES
                                    + "; default 1)."),
                            steps("steps").doc("The steps of each attempt, on the block's device.")).required("steps").build();
            case WHEN -> new Row(t, engine(BLOCK_TIMEOUT_MS),
                    "Run steps only when a condition holds: an element is (or is not) on screen, or the device's platform.").block()
                    .add(selector("visible").doc("Run only when this element is on screen now."),
                            selector("notVisible").doc("Run only when no such element is on screen now."),
                            choice("platform", Platform.WELL_KNOWN.stream().map(Platform::name).toList())
                                    .doc("Run only on this platform."),
                            steps("steps").doc("The steps run when every condition given holds."))
                    .required("steps").oneOf("add visible: {text: \"Accept cookies\"}, notVisible: ..., or platform: web",
                            "visible", "notVisible", "platform").build();
            case PING -> new Row(t, new ToolTraits(READ_ONLY, 5_000, Executor.RUNNER, false),
                    "Protocol-level no-op for health checks and benchmarks; not usable in plans.").build();
        };
    }

    /** Builds one row; the common keys (selector keys, timeout, device, label, optional) are added here, once. */
    private static final class Row {
        private final Tool tool;
        private final String summary;
        private final Map<String, ParamSpec> params = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private List<String> oneOf = List.of();
        private String oneOfHint;
        private SelectorUse selector = SelectorUse.NONE;
        private boolean sync;
        private boolean block;
        private Exposure exposure = Exposure.PLAN_ONLY;

        private final ToolTraits traits;

        Row(Tool tool, ToolTraits traits, String summary) {
            this.tool = tool;
            this.traits = traits;
            this.summary = summary;
        }

        Row add(ParamSpec... specs) {
            for (ParamSpec s : specs) params.put(s.name(), s);
            return this;
        }

        Row required(String... keys) {
            Collections.addAll(required, keys);
            return this;
        }

        Row oneOf(String hint, String... keys) {
            oneOf = List.of(keys);
            oneOfHint = hint;
            return this;
        }

        Row selects(SelectorUse use) {
            selector = use;
            return this;
        }

        Row sync() {
            sync = true;
            return this;
        }

        /** A control block: it takes the device its steps run on and a label, but is never optional itself. */
        Row block() {
            block = true;
            return this;
        }

        Row mcp(String name) {
            exposure = new Exposure(name, exposure.command(), exposure.positional());
            return this;
        }

        Row command(String name, String positional) {
            exposure = new Exposure(exposure.mcpName(), name, positional);
            return this;
        }

        ToolDescriptor build() {
            List<String> inline = new ArrayList<>();
            if (selector != SelectorUse.NONE) {
                add(selector("selector").doc("The element: a string (its text) or a mapping of text, id, role, index."));
                // inputText's own `text` is what it types, so its field is chosen by id, role or index.
                if (!params.containsKey("text")) {
                    add(SELECTOR_TEXT);
                    inline.add("text");
                }
                for (ParamSpec f : SELECTOR_FIELDS) {
                    add(f);
                    inline.add(f.name());
                }
            }
            add(TIMEOUT);
            List<String> allowed = new ArrayList<>(params.keySet());
            allowed.addAll(sync ? List.of("label") : block ? List.of("device", "label") : List.of("device", "label", "optional"));
            return new ToolDescriptor(tool, summary, traits, Collections.unmodifiableMap(params), List.copyOf(required), oneOf, oneOfHint,
                    selector, List.copyOf(inline), List.copyOf(allowed), exposure);
        }
    }
}
