package dev.tandem.plan;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * YAML text to a {@link YNode} tree: snakeyaml-engine composes the node graph (aliases are shared
 * nodes there, never copies) with its errors turned into diagnostics, then {@link YamlExpander}
 * converts it within its bounds.
 */
final class YamlReader {
    /** Aliases of collections the composer accepts (one per merged step in large generated plans). */
    static final int MAX_ALIASES = 100_000;

    // Immutable, so one instance serves every load on every thread.
    static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(new FastCoreSchema())
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(PlanLoader.MAX_FILE_BYTES + 16)
            .build();

    private YamlReader() {}

    /**
     * The document's tree, or null when the document is empty or could not be read (then
     * {@code problems} says why). Problems that leave the tree usable (duplicate keys, odd tags)
     * are recorded and reading goes on, so validation can report everything at once.
     */
    static YNode read(String text, String file, Problems problems) {
        Optional<Node> root;
        try {
            root = new Compose(SETTINGS).composeString(text);
        } catch (ComposerException e) {
            SourcePos pos = markPos(file, e.getProblemMark().or(e::getContextMark));
            String problem = e.getProblem() == null ? "" : e.getProblem().strip();
            if ("expected a single document in the stream".equals(e.getContext())) problems.add(secondDocument(text, file, pos));
            else if (problem.startsWith("found undefined alias ")) problems.add(Messages.undefinedAlias(pos, problem.substring(22)));
            else problems.add(Messages.syntax(pos, problem, e.getContext()));
            return null;
        } catch (MarkedYamlEngineException e) {
            problems.add(Messages.syntax(markPos(file, e.getProblemMark().or(e::getContextMark)), e.getProblem(), e.getContext()));
            return null;
        } catch (ReaderException e) {
            problems.add(Messages.badCharacter(codePointPos(text, file, e.getPosition()), e.getCodePoint()));
            return null;
        } catch (StackOverflowError e) {
            problems.add(Messages.tooDeep(new SourcePos(file, 1, 1), YamlExpander.MAX_DEPTH));
            return null;
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.startsWith("Number of aliases")) problems.add(Messages.tooManyAliases(new SourcePos(file, 1, 1), MAX_ALIASES));
            else problems.add(Messages.syntax(new SourcePos(file, 1, 1), msg, null));
            return null;
        }
        if (root.isEmpty()) return null;
        try {
            return new YamlExpander(file, problems).convert(root.get(), 0);
        } catch (YamlExpander.Fatal f) {
            problems.add(f.diagnostic);
            return null;
        }
    }

    /** A second document: a Maestro flow's steps after its header get their own message (and keep their steps). */
    private static Diagnostic secondDocument(String text, String file, SourcePos pos) {
        var maestro = MaestroFlow.parts(text, file);
        return maestro != null ? MaestroHints.maestroFile(pos, MaestroFlow.appId(maestro.header())) : Messages.multipleDocuments(pos);
    }

    static SourcePos markPos(String file, Optional<Mark> mark) {
        if (mark.isEmpty()) return new SourcePos(file, 1, 1);
        Mark m = mark.get();
        return new SourcePos(file, m.getLine() + 1, m.getColumn() + 1);
    }

    /** Line and column of the code point at {@code index}: the reader reports offsets, not marks. */
    static SourcePos codePointPos(String text, String file, int index) {
        int line = 1;
        int col = 1;
        int i = 0;
        for (int seen = 0; i < text.length() && seen < index; seen++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new SourcePos(file, line, col);
    }
}
