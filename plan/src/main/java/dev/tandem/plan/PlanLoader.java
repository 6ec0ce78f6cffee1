package dev.tandem.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads plan files: bounded reading, YAML with positions, normalisation into {@link Plan}, and
 * validation that reports every problem at once. Never throws for bad input.
 */
public final class PlanLoader {
    /** Plans larger than this are rejected before parsing. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private PlanLoader() {}

    /** Reads and loads a plan file; positions name the path as given; parameters from this process's environment. */
    public static LoadResult load(Path file) {
        return load(file, LoadOptions.here(java.util.Map.of()));
    }

    /** Reads and loads a plan file with its parameters' values from {@code options}. */
    public static LoadResult load(Path file, LoadOptions options) {
        String name = file.toString();
        Text t = read(file, new SourcePos(name, 1, 1));
        return t.problem() != null ? failed(t.problem()) : parse(t.text(), name, options);
    }

    /** A file's text, or why it cannot be read (positions in the file as {@code start} names it). */
    record Text(String text, Diagnostic problem) {}

    /** Bounded reading and strict UTF-8 decoding, shared by plans and the sub-flows they include. */
    static Text read(Path file, SourcePos start) {
        String name = start.file();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) return new Text(null, Messages.fileUnreadable(start, "it is a directory"));
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) return new Text(null, Messages.tooLarge(start, size, MAX_FILE_BYTES));
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1); // the file may grow after the size check
            }
        } catch (NoSuchFileException e) {
            return new Text(null, Messages.fileNotFound(start));
        } catch (IOException | SecurityException e) {
            return new Text(null, Messages.fileUnreadable(start, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (bytes.length > MAX_FILE_BYTES) return new Text(null, Messages.tooLarge(start, bytes.length, MAX_FILE_BYTES));
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = decoder.decode(in, text, true);
        if (!r.isError()) r = decoder.flush(text);
        if (r.isError()) return new Text(null, Messages.notUtf8(bytePos(bytes, in.position(), name), bytes[in.position()]));
        String s = text.flip().toString();
        return new Text(s.startsWith("\uFEFF") ? s.substring(1) : s, null);
    }

    /** Loads a plan from YAML text; {@code fileName} names it in positions and gives the default name. */
    public static LoadResult parse(String yaml, String fileName) {
        return parse(yaml, fileName, LoadOptions.here(java.util.Map.of()));
    }

    /** Loads a plan from YAML text with its parameters' values from {@code options}; sub-flows are found beside {@code fileName}. */
    public static LoadResult parse(String yaml, String fileName, LoadOptions options) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(fileName, "fileName");
        if (yaml.startsWith("\uFEFF")) yaml = yaml.substring(1);
        if ((long) yaml.length() * 3 > MAX_FILE_BYTES) { // cheap bound first: a char is at most 3 UTF-8 bytes
            long bytes = utf8Length(yaml);
            if (bytes > MAX_FILE_BYTES) return failed(Messages.tooLarge(new SourcePos(fileName, 1, 1), bytes, MAX_FILE_BYTES));
        }
        Problems problems = new Problems();
        YNode root = YamlReader.read(yaml, fileName, problems);
        if (root == null && !problems.isEmpty()) return new LoadResult(null, problems.sorted());
        FlowIncluder flows = new FlowIncluder(options, problems);
        root = flows.expand(root, fileName);
        if (root == null && !problems.isEmpty()) return new LoadResult(null, problems.sorted());
        Plan plan = PlanReader.read(root, fileName, defaultName(fileName), problems, flows.secrets(), flows.files());
        return problems.isEmpty() ? new LoadResult(plan, List.of()) : new LoadResult(null, masked(problems.sorted(), flows.secrets()));
    }

    /** Checks a start step given outside the plan (the CLI's --start-step) against it. */
    public static List<Diagnostic> checkStartStep(Plan plan, int startStep, SourcePos where) {
        int steps = plan.steps().size();
        if (startStep >= 0 && startStep < steps) return List.of();
        return List.of(Messages.startStepRange(where, startStep, steps));
    }

    /** The file name without directories and extension: {@code plans/chat.yaml} is "chat". */
    static String defaultName(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        return name.isEmpty() ? fileName : name;
    }

    /** A message may echo a value: one that came from -e or the environment is shown masked. */
    private static List<Diagnostic> masked(List<Diagnostic> found, dev.tandem.protocol.Secrets secrets) {
        if (secrets.isEmpty()) return found;
        return found.stream().map(d -> new Diagnostic(d.pos(), secrets.mask(d.message()), secrets.mask(d.hint()))).toList();
    }

    private static LoadResult failed(Diagnostic d) {
        return new LoadResult(null, List.of(d));
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    /** Line and column (in characters) of a byte offset in UTF-8 text. */
    private static SourcePos bytePos(byte[] bytes, int offset, String file) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++; // count characters, not continuation bytes
            }
        }
        return new SourcePos(file, line, col);
    }
}
