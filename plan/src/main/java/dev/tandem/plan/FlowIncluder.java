package dev.tandem.plan;

import dev.tandem.protocol.Secrets;
import dev.tandem.protocol.Suggest;
import org.snakeyaml.engine.v2.nodes.Tag;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load-time pass between the YAML tree and the plan reader: fills in {@code ${NAME}}
 * parameters and splices {@code runFlow} sub-flows into the step lists where they stand, so the
 * plan reader (and the engine after it) only ever sees one flat plan: sync points inside a flow
 * stay in plan order and plans stay deadlock-free by construction (DESIGN §10). Every node of a
 * sub-flow keeps its own file's position, with the include chain in {@link SourcePos#via()}.
 * Bounded: include depth, nodes after expansion, bytes read; each file is read once per load.
 */
final class FlowIncluder {
    static final int MAX_DEPTH = 10;
    static final long MAX_NODES = YamlExpander.MAX_NODES;
    static final long MAX_BYTES = 8L * PlanLoader.MAX_FILE_BYTES;
    /** Keys of a runFlow step (beside {@code runFlow}), and of its mapping form. */
    static final List<String> STEP_KEYS = List.of("runFlow", "env", "device");
    static final List<String> NESTED_KEYS = List.of("file", "env", "device");
    /** Top-level keys of a sub-flow file. */
    static final List<String> FLOW_TOP_KEYS = List.of("name", "description", "env", "tags", "steps");

    private static final FastCoreSchema SCHEMA = new FastCoreSchema();
    /**
     * Stands where a runFlow could not be expanded (its problem is recorded): the plan reader
     * skips it, so a broken include is not also reported as an empty step list. YAML cannot
     * spell this key (it starts with U+0000), so no plan can write one.
     */
    static final String FAILED_KEY = "\u0000runFlow";

    /** How nodes are read in one file at one include: scope, include chain, target device. */
    private record Context(Parameters.Scope scope, SourcePos via, YNode.Entry device, Path dir, String displayDir, int depth,
            Map<YNode, YNode> memo) {
        SourcePos at(SourcePos p) {
            return via == null ? p : p.through(via);
        }
    }

    private final LoadOptions options;
    private final Problems problems;
    private final Set<String> used = new LinkedHashSet<>();
    private final Map<Path, YNode> files = new java.util.LinkedHashMap<>();
    private final Deque<Path> stack = new ArrayDeque<>();
    /** Flow files whose top-level keys were checked: a flow included ten times is reported once. */
    private final Set<Path> checked = new java.util.HashSet<>();
    private long nodes;
    private long bytes;

    FlowIncluder(LoadOptions options, Problems problems) {
        this.options = options;
        this.problems = problems;
    }

    /** Every -e value, and the environment's values the plan used: every output masks them. */
    Secrets secrets() {
        if (used.isEmpty() && options.params().isEmpty()) return Secrets.NONE;
        List<String> all = new ArrayList<>(options.params().values());
        all.addAll(used);
        return Secrets.of(all);
    }

    /** The flow files read, absolute, in the order first included. */
    List<String> files() {
        return files.entrySet().stream().filter(e -> e.getValue() != null).map(e -> e.getKey().toString()).toList();
    }

    /** The plan's tree with parameters filled in and sub-flows spliced in; null when a bound stopped it. */
    YNode expand(YNode root, String file) {
        if (!(root instanceof YNode.Map m)) return root;
        YNode.Entry envEntry = m.get("env");
        Map<String, String> planEnv = envEntry == null ? Map.of()
                : Parameters.env(envEntry.value(), Parameters.Scope.outside(options.params(), options.environment(), used), p -> p,
                        problems);
        Path path = Path.of(file).toAbsolutePath().normalize();
        stack.push(path);
        Context ctx = new Context(Parameters.Scope.root(options.params(), planEnv, options.environment(), used), null, null,
                path.getParent(), parentOf(file), 0, new IdentityHashMap<>());
        try {
            return map(m, ctx, true);
        } catch (YamlExpander.Fatal f) {
            problems.add(f.diagnostic);
            return null;
        }
    }

    private YNode node(YNode n, Context ctx) {
        if (n instanceof YNode.Scalar s) return scalar(s, ctx);
        YNode done = ctx.memo.get(n);
        if (done != null) return done; // an alias: the same tree, filled in once
        YNode out = n instanceof YNode.Seq q ? seq(q, ctx) : map((YNode.Map) n, ctx, false);
        ctx.memo.put(n, out);
        return out;
    }

    private YNode scalar(YNode.Scalar s, Context ctx) {
        count(ctx, s.pos());
        if (s.kind() == YNode.Kind.STR && options.fill() && Parameters.mayHold(s.text())) {
            SourcePos pos = ctx.at(s.pos());
            String v = Parameters.fill(s.text(), pos, ctx.scope(), problems);
            if (v == null || v.equals(s.text())) return ctx.via == null ? s : new YNode.Scalar(s.kind(), s.text(), pos, s.anchorDef(), s.plain());
            YNode.Kind kind = s.plain() ? kindOf(v) : Parameters.whole(s.text()) ? quotedKindOf(v) : YNode.Kind.STR;
            return new YNode.Scalar(kind, v, pos, s.anchorDef(), s.plain());
        }
        return ctx.via == null ? s : new YNode.Scalar(s.kind(), s.text(), ctx.at(s.pos()), s.anchorDef(), s.plain());
    }

    /**
     * A value's type after filling in, as if it had been written so: {@code timeout: ${T}} and
     * {@code timeout: "${T}"} are integers when T is one (a string is expected? any scalar reads as written).
     */
    private static YNode.Kind kindOf(String v) {
        Tag tag = SCHEMA.resolve(v, true);
        if (Tag.INT.equals(tag)) return YNode.Kind.INT;
        if (Tag.BOOL.equals(tag)) return YNode.Kind.BOOL;
        if (Tag.NULL.equals(tag)) return YNode.Kind.NULL;
        if (Tag.FLOAT.equals(tag)) return YNode.Kind.FLOAT;
        return YNode.Kind.STR;
    }

    /** A quoted value is never null: {@code label: "${L}"} with L empty is the empty string. */
    private static YNode.Kind quotedKindOf(String v) {
        YNode.Kind k = kindOf(v);
        return k == YNode.Kind.NULL ? YNode.Kind.STR : k;
    }

    private YNode.Seq seq(YNode.Seq q, Context ctx) {
        count(ctx, q.pos());
        List<YNode> items = new ArrayList<>(q.items().size());
        boolean changed = ctx.via != null;
        for (YNode item : q.items()) {
            YNode v = node(item, ctx);
            changed |= v != item;
            items.add(v);
        }
        return changed ? new YNode.Seq(List.copyOf(items), ctx.at(q.pos()), q.anchorDef()) : q;
    }

    /** {@code top}: the plan's or a flow's own mapping, whose {@code env} was read before. */
    private YNode.Map map(YNode.Map m, Context ctx, boolean top) {
        count(ctx, m.pos());
        List<YNode.Entry> entries = new ArrayList<>(m.entries().size());
        boolean changed = ctx.via != null;
        for (YNode.Entry e : m.entries()) {
            YNode v;
            if (top && e.key().equals("env")) v = e.value();
            else if (e.key().equals("steps") && e.value() instanceof YNode.Seq q) v = steps(q, ctx);
            else v = node(e.value(), ctx);
            changed |= v != e.value();
            entries.add(changed ? new YNode.Entry(e.key(), ctx.at(e.keyPos()), v) : e);
        }
        if (!changed) return m;
        // entries before the first change were kept as they were: give them this context's positions too
        if (ctx.via != null) return new YNode.Map(List.copyOf(entries), ctx.at(m.pos()), m.anchorDef());
        return new YNode.Map(List.copyOf(entries), m.pos(), m.anchorDef());
    }

    /** A step list: runFlow steps replaced by their flows' steps, the others filled in (and put on the flow's device). */
    private YNode.Seq steps(YNode.Seq q, Context ctx) {
        count(ctx, q.pos());
        List<YNode> items = new ArrayList<>(q.items().size());
        boolean changed = ctx.via != null;
        for (YNode item : q.items()) {
            if (item instanceof YNode.Map im && im.get("runFlow") != null) {
                List<YNode> included = include(im, ctx);
                items.addAll(included.isEmpty() ? List.of(failed(im, ctx)) : included);
                changed = true;
                continue;
            }
            YNode v = node(item, ctx);
            if (ctx.device() != null) v = onDevice(v, ctx.device());
            changed |= v != item;
            items.add(v);
        }
        return changed ? new YNode.Seq(List.copyOf(items), ctx.at(q.pos()), q.anchorDef()) : q;
    }

    private static YNode failed(YNode.Map step, Context ctx) {
        SourcePos at = ctx.at(step.pos());
        return new YNode.Map(List.of(new YNode.Entry(FAILED_KEY, at, new YNode.Scalar(YNode.Kind.NULL, "", at, false))), at, false);
    }

    /**
     * A step holding steps (a criticalSection, or any block written {@code - block: {..., steps: [...]}}):
     * the device goes to the steps inside, not to the block.
     */
    private static boolean isBlock(YNode.Map m) {
        if (m.get("steps") != null) return true;
        for (YNode.Entry e : m.entries()) if (e.value() instanceof YNode.Map inner && inner.get("steps") != null) return true;
        return false;
    }

    /** Whether a step is where a runFlow failed (nothing to read or report there). */
    static boolean isFailed(YNode step) {
        return step instanceof YNode.Map m && m.entries().size() == 1 && m.entries().getFirst().key().equals(FAILED_KEY);
    }

    /** A leaf step of a flow included with {@code device:}: that device, unless it names one itself. */
    private YNode onDevice(YNode step, YNode.Entry device) {
        if (!(step instanceof YNode.Map m) || !(device.value() instanceof YNode.Scalar label)) return step;
        if (isBlock(m)) return step; // its steps got the device
        YNode.Map params = m.get("params") != null && m.get("params").value() instanceof YNode.Map pm ? pm : null;
        YNode.Entry tool = m.get("tool");
        if (tool != null && tool.value() instanceof YNode.Scalar t && t.text().equals("barrier")) return step;
        YNode.Entry own = params != null && params.get("device") != null ? params.get("device") : m.get("device");
        if (own != null) {
            if (own.value() instanceof YNode.Scalar s && !s.text().equals(label.text())) {
                problems.add(FlowMessages.flowDeviceClash(own.value().pos(), s.text(), label.text()));
            }
            return step;
        }
        List<YNode.Entry> entries = new ArrayList<>(m.entries());
        entries.add(device);
        return new YNode.Map(List.copyOf(entries), m.pos(), m.anchorDef());
    }

    /** The steps of the flow a runFlow step names, read in their own scope; nothing when it cannot be read. */
    private List<YNode> include(YNode.Map step, Context ctx) {
        SourcePos at = ctx.at(step.pos());
        YNode.Entry rf = step.get("runFlow");
        YNode.Entry file = rf;
        YNode.Entry env = null;
        YNode.Entry device = null;
        for (YNode.Entry e : step.entries()) {
            switch (e.key()) {
                case "runFlow" -> {}
                case "env" -> env = e;
                case "device" -> device = e;
                default -> problems.add(Messages.unknownKey(ctx.at(e.keyPos()), e.key(), "in a runFlow step",
                        Suggest.closest(e.key(), STEP_KEYS), STEP_KEYS, null));
            }
        }
        if (rf.value() instanceof YNode.Map nested) {
            file = null;
            for (YNode.Entry e : nested.entries()) {
                switch (e.key()) {
                    case "file" -> file = e;
                    case "env" -> env = twice(env, e, ctx);
                    case "device" -> device = twice(device, e, ctx);
                    default -> problems.add(Messages.unknownKey(ctx.at(e.keyPos()), e.key(), "in 'runFlow'",
                            Suggest.closest(e.key(), NESTED_KEYS), NESTED_KEYS, null));
                }
            }
            if (file == null) {
                problems.add(Messages.missingParam(ctx.at(nested.pos()), "runFlow", "file", "flows/login.yaml"));
                return List.of();
            }
        }
        YNode fileValue = node(file.value(), ctx);
        if (!(fileValue instanceof YNode.Scalar fs) || fs.kind() != YNode.Kind.STR || fs.text().isBlank()) {
            problems.add(FlowMessages.flowNeedsFile(fileValue.pos(), fileValue.describe()));
            return List.of();
        }
        if (ctx.depth() + 1 > MAX_DEPTH) {
            problems.add(FlowMessages.flowTooDeep(fs.pos(), MAX_DEPTH));
            return List.of();
        }
        Map<String, String> bound = env == null ? Map.of() : Parameters.env(env.value(), ctx.scope(), ctx::at, problems);
        YNode.Entry target = ctx.device();
        if (device != null) {
            YNode.Entry mine = new YNode.Entry("device", ctx.at(device.keyPos()), node(device.value(), ctx));
            if (!(mine.value() instanceof YNode.Scalar ds) || ds.kind() == YNode.Kind.NULL) {
                problems.add(Messages.wrongType(mine.value().pos(), "device", "a string", mine.value().describe(), "A"));
                return List.of();
            }
            if (target != null && target.value() instanceof YNode.Scalar outer && mine.value() instanceof YNode.Scalar inner
                    && !outer.text().equals(inner.text())) {
                problems.add(FlowMessages.flowDeviceClash(mine.value().pos(), inner.text(), outer.text()));
            }
            target = mine;
        }
        Path path = ctx.dir().resolve(fs.text()).normalize();
        String display = ctx.displayDir() == null ? Path.of(fs.text()).normalize().toString()
                : Path.of(ctx.displayDir()).resolve(fs.text()).normalize().toString();
        if (stack.contains(path)) {
            List<String> chain = new ArrayList<>();
            stack.descendingIterator().forEachRemaining(p -> chain.add(p.getFileName().toString()));
            chain.add(path.getFileName().toString());
            problems.add(FlowMessages.flowCycle(fs.pos(), chain.subList(chain.indexOf(path.getFileName().toString()), chain.size())));
            return List.of();
        }
        YNode root = read(path, display, fs, at);
        if (root == null) return List.of();
        YNode.Seq stepList;
        Map<String, String> defaults = Map.of();
        Parameters.Scope callerSide = ctx.scope().include(bound, Map.of());
        Context sub;
        if (root instanceof YNode.Seq q) {
            stepList = q;
        } else if (root instanceof YNode.Map fm) {
            SourcePos flowPos = fm.pos().through(at);
            for (YNode.Entry e : checked.add(path) ? fm.entries() : List.<YNode.Entry>of()) {
                if (e.key().equals("devices")) problems.add(FlowMessages.flowDevices(e.keyPos().through(at)));
                else if (!FLOW_TOP_KEYS.contains(e.key()) && !PlanReader.onlyAnchors(e.value())) {
                    problems.add(Messages.unknownKey(e.keyPos().through(at), e.key(), "at the top level of a sub-flow",
                            Suggest.closest(e.key(), FLOW_TOP_KEYS), FLOW_TOP_KEYS, null));
                }
            }
            YNode.Entry fenv = fm.get("env");
            if (fenv != null) defaults = Parameters.env(fenv.value(), callerSide, p -> p.through(at), problems);
            YNode.Entry s = fm.get("steps");
            if (s == null) {
                problems.add(Messages.missingSteps(flowPos));
                return List.of();
            }
            if (!(s.value() instanceof YNode.Seq q)) {
                problems.add(Messages.wrongType(s.value().pos().through(at), "steps", "a list of steps", s.value().describe(),
                        "[{tool: launchApp, appId: com.example.app}]"));
                return List.of();
            }
            stepList = q;
        } else {
            problems.add(Messages.wrongType(root.pos().through(at), "runFlow", "a file holding a list of steps or a mapping with 'steps'",
                    root.describe(), "flows/login.yaml"));
            return List.of();
        }
        if (stepList.items().isEmpty()) {
            problems.add(Messages.emptyList(stepList.pos().through(at), "steps", "a sub-flow needs at least one step"));
            return List.of();
        }
        sub = new Context(ctx.scope().include(bound, defaults), at, target, path.getParent(), parentOf(display), ctx.depth() + 1,
                new IdentityHashMap<>());
        stack.push(path);
        try {
            return steps(stepList, sub).items();
        } finally {
            stack.pop();
        }
    }

    private YNode.Entry twice(YNode.Entry sibling, YNode.Entry nested, Context ctx) {
        if (sibling != null) problems.add(FlowMessages.flowKeyTwice(ctx.at(nested.keyPos()), nested.key()));
        return nested;
    }

    /** A flow file's tree (read once per load); null when it cannot be read (the problem recorded at the runFlow). */
    private YNode read(Path path, String display, YNode.Scalar written, SourcePos via) {
        SourcePos fileAt = written.pos();
        if (files.containsKey(path)) return files.get(path);
        YNode root = null;
        if (!java.nio.file.Files.exists(path)) {
            problems.add(FlowMessages.flowNotFound(fileAt, written.text(), path.toString()));
        } else if (!java.nio.file.Files.isRegularFile(path)) { // a FIFO would block the load forever
            problems.add(Messages.fileUnreadable(fileAt, java.nio.file.Files.isDirectory(path) ? "it is a directory"
                    : "it is not a regular file (a FIFO or a device?)"));
        } else {
            PlanLoader.Text t = PlanLoader.read(path, new SourcePos(display, 1, 1));
            if (t.problem() != null) {
                problems.add(relocated(t.problem(), via));
            } else if ((bytes += t.text().length()) > MAX_BYTES) {
                problems.add(FlowMessages.flowTooManyBytes(fileAt, MAX_BYTES));
            } else {
                Problems own = new Problems();
                root = YamlReader.read(t.text(), display, own);
                for (Diagnostic d : own.sorted()) problems.add(relocated(d, via));
                if (root == null && own.isEmpty()) problems.add(Messages.emptyPlan(new SourcePos(display, 1, 1, via)));
            }
        }
        files.put(path, root);
        return root;
    }

    private static Diagnostic relocated(Diagnostic d, SourcePos via) {
        return new Diagnostic(d.pos().through(via), d.message(), d.hint());
    }

    private void count(Context ctx, SourcePos pos) {
        if (++nodes > MAX_NODES) throw new YamlExpander.Fatal(FlowMessages.flowTooLarge(ctx.at(pos), MAX_NODES));
    }

    private static String parentOf(String file) {
        Path parent = Path.of(file).getParent();
        return parent == null ? null : parent.toString();
    }
}
