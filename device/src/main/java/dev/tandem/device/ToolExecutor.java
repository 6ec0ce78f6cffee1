package dev.tandem.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.StepNote;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolTraits;
import dev.tandem.protocol.UiNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * The device tools, defined once over {@link Device} primitives: selectors, implicit element
 * waits, settling after actions, and error messages that show what is on screen.
 */
public final class ToolExecutor {
    private ToolExecutor() {}

    public static JsonNode run(Device d, Tool tool, JsonNode params, CommandContext ctx) throws InterruptedException {
        try {
            return switch (tool) {
                case LAUNCH_APP -> launchApp(d, params, ctx);
                case STOP_APP -> {
                    d.stopApp(Params.string(params, "appId"));
                    yield settled(d, ctx, Json.object());
                }
                case TAP_ON -> tapOn(d, params, ctx);
                case INPUT_TEXT -> inputText(d, params, ctx);
                case CLEAR_TEXT -> {
                    focus(d, params, ctx);
                    d.clearText();
                    yield settled(d, ctx, Json.object());
                }
                case IME_ACTION -> {
                    d.imeAction(ImeAction.require(Params.requireString(params, "action", "imeAction")));
                    yield settled(d, ctx, Json.object());
                }
                case PRESS_BUTTON -> {
                    d.pressButton(Button.require(Params.requireString(params, "button", "pressButton")));
                    yield settled(d, ctx, Json.object());
                }
                case SWIPE -> swipe(d, params, ctx);
                case SCROLL_UNTIL_VISIBLE -> scrollUntilVisible(d, params, ctx);
                case ASSERT_VISIBLE -> {
                    UiNode n = Waits.forElement(d, selector(params, tool), elementTimeout(params), ctx);
                    yield element(n);
                }
                case ASSERT_NOT_VISIBLE -> {
                    Waits.forAbsence(d, selector(params, tool), elementTimeout(params), ctx);
                    yield Json.object();
                }
                case OBSERVE -> observe(d, params, ctx);
                case SYSTEM_TRAY -> TrayTools.run(d, params, ctx);
                case SCREENSHOT -> screenshot(d, params, ctx);
                case PING -> Json.object();
                case WAIT, CRITICAL_SECTION, BARRIER, REPEAT, RETRY, WHEN -> throw new TandemException(ErrorCode.INTERNAL,
                        tool + " is executed by the plan engine, not by a device runner");
            };
        } catch (IllegalArgumentException e) {
            throw new TandemException(ErrorCode.BAD_PARAMS, tool + ": " + e.getMessage());
        }
    }

    private static JsonNode launchApp(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        String appId = Params.string(params, "appId");
        String url = Params.string(params, "url");
        if (appId == null && url == null) throw new TandemException(ErrorCode.BAD_PARAMS, "launchApp needs 'appId' or 'url'");
        JsonNode context = params.path("context");
        Map<String, String> services = new HashMap<>();
        context.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue().asText()));
        List<String> apps = new ArrayList<>();
        context.path("apps").forEach(a -> apps.add(a.isTextual() ? a.asText() : a.toString()));
        d.launchApp(new LaunchRequest(appId, url, Params.bool(params, "clearState"),
                Params.string(context, "room"), Params.string(context, "user"), services, apps, files(context.path("files"))));
        return settled(d, ctx, Json.object());
    }

    /** {@code context.files}: {@code {allow: [dir…], deny: [dir…]}}, from the daemon (FileAccess). */
    private static FileAccess files(JsonNode files) {
        java.util.function.Function<String, List<Path>> paths = key -> {
            List<Path> out = new java.util.ArrayList<>();
            files.path(key).forEach(p -> out.add(Path.of(p.asText())));
            return out;
        };
        return new FileAccess(paths.apply("allow"), paths.apply("deny"));
    }

    private static JsonNode tapOn(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        TapKind kind = TapKind.parse(Params.string(params, "action"));
        UiNode n = Actionable.forTap(d, selector(params, Tool.TAP_ON), elementTimeout(params), ctx);
        d.tap(n, kind);
        return settled(d, ctx, element(n));
    }

    private static JsonNode inputText(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        String text = Params.requireString(params, "text", "inputText");
        // here `text` is what to type, never a selector: only `selector` or id/role name the field
        ObjectNode target = params.deepCopy();
        target.remove("text");
        focus(d, target, ctx);
        if (Params.bool(params, "replace")) d.clearText(); // like Playwright's fill: the text replaces the value
        d.inputText(text);
        String ime = Params.string(params, "imeAction");
        if (ime != null) d.imeAction(ImeAction.require(ime)); // checked after typing, as the backends did
        return settled(d, ctx, Json.object());
    }

    /** Taps the step's selector first when it has one, so inputText/clearText can name their field. */
    private static void focus(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        var sel = Selector.fromParams(params);
        if (sel.isPresent()) {
            d.tap(Actionable.forTap(d, sel.get(), elementTimeout(params), ctx), TapKind.TAP);
            Waits.settle(d, ctx);
        } else {
            Waits.forFocus(d, elementTimeout(params), ctx); // a field the screen is about to focus (a page still starting)
        }
    }

    private static JsonNode swipe(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        Direction dir = Direction.parse(Params.requireString(params, "direction", "swipe"));
        var sel = Selector.fromParams(params);
        UiNode within = sel.isPresent() ? Waits.forElement(d, sel.get(), elementTimeout(params), ctx) : null;
        d.swipe(dir, within);
        return settled(d, ctx, Json.object());
    }

    /** Scrolls (content {@code direction}, default down) until the element is on screen or the list ends. */
    private static JsonNode scrollUntilVisible(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        Selector sel = selector(params, Tool.SCROLL_UNTIL_VISIBLE);
        String dirName = Params.string(params, "direction");
        Direction content = dirName == null ? Direction.DOWN : Direction.parse(dirName);
        Direction finger = switch (content) {
            case DOWN -> Direction.UP;
            case UP -> Direction.DOWN;
            case LEFT -> Direction.RIGHT;
            case RIGHT -> Direction.LEFT;
        };
        long start = System.nanoTime();
        long deadline = ctx.deadlineIn(Params.longOr(params, "timeout", ctx.remainingMs()));
        int unchanged = 0;
        while (true) {
            ctx.checkCancelled();
            Waits.settle(d, ctx);
            var found = Waits.now(d, sel);
            if (found.isPresent()) return element(found.get());
            var before = d.snapshot();
            if (unchanged >= 2 || System.nanoTime() - deadline >= 0) {
                long waited = (System.nanoTime() - start) / 1_000_000;
                String why = unchanged >= 2 ? " Scrolling " + content.name().toLowerCase() + " no longer changes the screen (end reached)." : "";
                throw new TandemException(ErrorCode.ELEMENT_NOT_FOUND,
                        ClosestMatches.notFoundMessage(sel, before, waited) + why);
            }
            d.swipe(finger, null);
            Waits.settle(d, ctx);
            unchanged = before.root().equals(d.snapshot().root()) ? unchanged + 1 : 0;
        }
    }

    private static JsonNode observe(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        var waitFor = params == null || !params.has("waitFor") ? java.util.Optional.<Selector>empty()
                : Selector.fromParams(Json.object().set("selector", params.get("waitFor")));
        if (waitFor.isPresent()) Waits.forElement(d, waitFor.get(), elementTimeout(params), ctx);
        else Waits.settle(d, ctx);
        return Json.toTree(d.snapshot());
    }

    private static JsonNode screenshot(Device d, JsonNode params, CommandContext ctx) throws InterruptedException {
        Waits.settle(d, ctx);
        String name = Params.string(params, "name");
        String pathParam = Params.string(params, "path");
        Path path = pathParam != null ? Path.of(pathParam)
                : ctx.artifactsDir().resolve((name == null ? "screenshot-" + System.currentTimeMillis() : name) + ".png");
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.write(path, d.screenshotPng());
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot write the screenshot to " + path + " (" + why
                    + "): check that the output directory is writable and has space");
        }
        ObjectNode out = Json.object();
        out.put("path", path.toAbsolutePath().toString());
        return out;
    }

    static Selector selector(JsonNode params, Tool tool) {
        return Selector.fromParams(params).orElseThrow(() -> new TandemException(ErrorCode.BAD_PARAMS,
                tool + " needs a selector: text, id or role (directly or under 'selector')"));
    }

    static long elementTimeout(JsonNode params) {
        return Params.longOr(params, "timeout", ToolTraits.DEFAULT_ELEMENT_WAIT_MS);
    }

    /** The result once the screen settled after the action, or once it was handed to settle after the reply. */
    private static JsonNode settled(Device d, CommandContext ctx, ObjectNode result) throws InterruptedException {
        if (ctx.settleAfterReply() != null) {
            ctx.settleAfterReply().accept(d);
        } else if (!Waits.settle(d, ctx)) {
            StepNote.SCREEN_NEVER_SETTLED.addTo(result);
        }
        return result;
    }

    private static ObjectNode element(UiNode n) {
        ObjectNode out = Json.object();
        out.put("element", n.describe());
        if (n.ref() != null) out.put("ref", n.ref());
        return out;
    }
}
