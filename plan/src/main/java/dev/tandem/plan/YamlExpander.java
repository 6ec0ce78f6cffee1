package dev.tandem.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Converts a composed node graph into a {@link YNode} tree: applies {@code <<} merge keys, rejects
 * recursive aliases and excessive nesting, and counts every node the expanded document would
 * hold. An anchored node is converted once and its (immutable) tree shared by its aliases, so a
 * billion-laughs document costs a few thousand nodes of work before the budget stops it.
 */
final class YamlExpander {
    /** Nodes the expanded tree may hold; a 10,000-step plan needs well under a tenth of it. */
    static final int MAX_NODES = 1_000_000;
    static final int MAX_DEPTH = 500;

    private static final String MERGE_KEY = "<<";

    /** An anchored node's tree and how many nodes it stands for. */
    private record Expanded(YNode node, long size) {}

    /** Stops the expansion: the tree would be wrong or unbounded past this point. */
    static final class Fatal extends RuntimeException {
        final Diagnostic diagnostic;

        Fatal(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    private final String file;
    private final Problems problems;
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Node, Expanded> expanded = new IdentityHashMap<>();
    private long produced;

    YamlExpander(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * Converts {@code n}. An anchored node is converted once and its tree shared by every alias
     * (the tree is immutable); each use still adds the full size of what it stands for to the
     * budget, so a billion laughs stops at the budget after a few thousand nodes of work.
     */
    YNode convert(Node n, int depth) {
        SourcePos pos = YamlReader.markPos(file, n.getStartMark());
        boolean anchored = n.getAnchor().isPresent();
        if (anchored) {
            Expanded done = expanded.get(n);
            if (done != null) {
                count(done.size(), pos);
                return asAlias(done.node());
            }
            if (!onPath.add(n)) throw new Fatal(Messages.recursiveAlias(pos, n.getAnchor().get().getValue()));
        }
        count(1, pos);
        if (depth > MAX_DEPTH) throw new Fatal(Messages.tooDeep(pos, MAX_DEPTH));
        long before = produced;
        YNode out;
        if (n instanceof ScalarNode s) {
            out = new YNode.Scalar(kind(s, pos), s.getValue(), pos, anchored, s.isPlain());
        } else if (n instanceof SequenceNode q) {
            if (!Tag.SEQ.equals(q.getTag())) problems.add(Messages.unsupportedTag(pos, q.getTag().getValue()));
            List<YNode> items = new ArrayList<>(q.getValue().size());
            for (Node item : q.getValue()) items.add(convert(item, depth + 1));
            out = new YNode.Seq(List.copyOf(items), pos, anchored);
        } else {
            MappingNode m = (MappingNode) n;
            if (!Tag.MAP.equals(m.getTag())) problems.add(Messages.unsupportedTag(pos, m.getTag().getValue()));
            out = mapping(m, pos, depth, anchored);
        }
        if (anchored) {
            onPath.remove(n);
            expanded.put(n, new Expanded(out, produced - before + 1));
        }
        return out;
    }

    private void count(long nodes, SourcePos pos) {
        produced += nodes;
        if (produced > MAX_NODES) throw new Fatal(Messages.expansionTooLarge(pos, MAX_NODES));
    }

    /** The shared tree as an alias sees it: not the anchor's definition. */
    private static YNode asAlias(YNode node) {
        return switch (node) {
            case YNode.Scalar s -> new YNode.Scalar(s.kind(), s.text(), s.pos(), false, s.plain());
            case YNode.Seq q -> new YNode.Seq(q.items(), q.pos(), false);
            case YNode.Map m -> new YNode.Map(m.entries(), m.pos(), false);
        };
    }

    private YNode.Kind kind(ScalarNode s, SourcePos pos) {
        Tag tag = s.getTag();
        if (Tag.STR.equals(tag)) return YNode.Kind.STR;
        if (Tag.INT.equals(tag)) return YNode.Kind.INT;
        if (Tag.BOOL.equals(tag)) return YNode.Kind.BOOL;
        if (Tag.NULL.equals(tag)) return YNode.Kind.NULL;
        if (Tag.FLOAT.equals(tag)) return YNode.Kind.FLOAT;
        problems.add(Messages.unsupportedTag(pos, tag.getValue()));
        return YNode.Kind.STR;
    }

    /**
     * Explicit keys win over merged ones wherever the {@code <<} stands; among several merged
     * mappings the earlier one wins (YAML merge-key semantics). Entries keep document order.
     */
    private YNode.Map mapping(MappingNode m, SourcePos pos, int depth, boolean anchorDef) {
        List<NodeTuple> tuples = m.getValue();
        Set<String> explicit = null;
        for (NodeTuple t : tuples) {
            if (t.getKeyNode() instanceof ScalarNode k && isMerge(k)) {
                explicit = new HashSet<>();
                for (NodeTuple u : tuples) if (u.getKeyNode() instanceof ScalarNode uk && !isMerge(uk)) explicit.add(uk.getValue());
                break;
            }
        }
        Keys keys = new Keys(explicit != null || tuples.size() > 12);
        for (NodeTuple t : tuples) {
            Node keyNode = t.getKeyNode();
            SourcePos keyPos = YamlReader.markPos(file, keyNode.getStartMark());
            count(1, keyPos);
            if (!(keyNode instanceof ScalarNode k)) {
                problems.add(Messages.complexKey(keyPos, keyNode instanceof SequenceNode ? "a list" : "a mapping"));
                continue;
            }
            if (isMerge(k)) {
                for (YNode.Map source : mergeSources(t.getValueNode(), depth)) {
                    for (YNode.Entry e : source.entries()) {
                        if (!explicit.contains(e.key()) && keys.get(e.key()) == null) keys.add(e);
                    }
                }
                continue;
            }
            YNode.Entry first = keys.get(k.getValue());
            if (first != null) {
                problems.add(Messages.duplicateKey(keyPos, k.getValue(), first.keyPos()));
                continue;
            }
            keys.add(new YNode.Entry(k.getValue(), keyPos, convert(t.getValueNode(), depth + 1)));
        }
        return new YNode.Map(List.copyOf(keys.entries), pos, anchorDef);
    }

    /** A mapping's entries so far; hashed only when it may grow large (a scan is faster for a step). */
    private static final class Keys {
        final List<YNode.Entry> entries = new ArrayList<>();
        final Map<String, YNode.Entry> index;

        Keys(boolean hashed) {
            index = hashed ? new HashMap<>() : null;
        }

        YNode.Entry get(String key) {
            if (index != null) return index.get(key);
            for (YNode.Entry e : entries) if (e.key().equals(key)) return e;
            return null;
        }

        void add(YNode.Entry e) {
            entries.add(e);
            if (index != null) index.put(e.key(), e);
        }
    }

    /** The mappings a {@code <<} names; converted as one value so an aliased list is reused, not redone. */
    private List<YNode.Map> mergeSources(Node value, int depth) {
        YNode v = convert(value, depth + 1);
        if (v instanceof YNode.Map m) return List.of(m);
        List<YNode.Map> sources = new ArrayList<>();
        if (v instanceof YNode.Seq q) {
            for (YNode item : q.items()) {
                if (item instanceof YNode.Map m) sources.add(m);
                else problems.add(Messages.badMerge(item.pos(), item.describe()));
            }
        } else {
            problems.add(Messages.badMerge(v.pos(), v.describe()));
        }
        return sources;
    }

    private static boolean isMerge(ScalarNode k) {
        return k.isPlain() && MERGE_KEY.equals(k.getValue());
    }
}
