package dev.tandem.runner;

import dev.tandem.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The append-only journal of one runner boot: {@code journal/<device>/<bootId>.jsonl}. Each record
 * is one {@code write} call (plus an fsync with {@link Durability#FSYNC}) before the caller goes on.
 * Past {@value #SEGMENT_BYTES} bytes the file becomes {@code <bootId>.prev.jsonl} (replacing the
 * older one) and a new file starts: a boot keeps at least its last {@value #SEGMENT_BYTES} bytes of
 * records, which always holds the commands still in flight. Reading tolerates a torn last line: a
 * crash mid-write loses only that record, written before the effect it guards.
 */
final class JournalFile implements AutoCloseable {
    /** Boot journals kept per device; older ones are pruned when a runner starts. */
    static final int KEEP_BOOTS = 8;
    static final long SEGMENT_BYTES = 4L << 20;
    private static final String CURRENT = ".jsonl";
    private static final String PREVIOUS = ".prev.jsonl";

    /** What an earlier boot's journal says about one id. */
    sealed interface Found permits NoJournal, Absent, Line {}

    /** There is no journal for that boot (never written, pruned, or durability was none). */
    record NoJournal() implements Found {}

    /** The journal exists and does not mention the id: the command never started there. */
    record Absent() implements Found {}

    /** The last record for the id. */
    record Line(JournalLine line) implements Found {}

    private final Path dir;
    private final String bootId;
    private final boolean fsync;
    private FileChannel channel;
    private long size;

    private JournalFile(Path dir, String bootId, boolean fsync) throws IOException {
        this.dir = dir;
        this.bootId = bootId;
        this.fsync = fsync;
        this.channel = open(dir.resolve(bootId + CURRENT));
    }

    static JournalFile create(Path dir, String bootId, Durability durability) throws IOException {
        Files.createDirectories(dir);
        prune(dir);
        return new JournalFile(dir, bootId, durability == Durability.FSYNC);
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    synchronized void append(JournalLine line) throws IOException {
        byte[] json = Json.bytes(line);
        ByteBuffer buf = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (buf.hasRemaining()) size += channel.write(buf);
        if (fsync) channel.force(false);
        if (size >= SEGMENT_BYTES) rotate();
    }

    private void rotate() throws IOException {
        channel.close();
        Files.move(dir.resolve(bootId + CURRENT), dir.resolve(bootId + PREVIOUS),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = open(dir.resolve(bootId + CURRENT));
        size = 0;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** What an earlier boot's journal says about {@code id}; reads the files, holds nothing in memory. */
    static Found find(Path dir, String bootId, String id) {
        if (dir == null || !bootId.matches("[A-Za-z0-9_-]{1,64}")) return new NoJournal();
        Path prev = dir.resolve(bootId + PREVIOUS);
        Path cur = dir.resolve(bootId + CURRENT);
        if (!Files.isRegularFile(cur) && !Files.isRegularFile(prev)) return new NoJournal();
        String needle = Json.text(id);
        JournalLine last = null;
        for (Path file : List.of(prev, cur)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String text;
                while ((text = in.readLine()) != null) {
                    if (!text.contains(needle)) continue;
                    try {
                        JournalLine l = Json.read(text, JournalLine.class);
                        if (id.equals(l.id()) && l.s() != null) last = l;
                    } catch (IOException torn) {
                        // a torn or garbage line: the crash cut this record; the rest still stands
                    }
                }
            } catch (NoSuchFileException rotatedAway) {
                // the other segment holds the records
            } catch (IOException e) {
                return new NoJournal();
            }
        }
        return last == null ? new Absent() : new Line(last);
    }

    /** Deletes all but the newest {@code KEEP_BOOTS - 1} boots' files (by last write). */
    private static void prune(Path dir) throws IOException {
        Map<String, Long> newest = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(CURRENT)).toList();
        }
        for (Path p : files) newest.merge(boot(p), mtime(p), Math::max);
        List<String> old = newest.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .skip(KEEP_BOOTS - 1).map(Map.Entry::getKey).toList();
        for (String boot : old) {
            Files.deleteIfExists(dir.resolve(boot + CURRENT));
            Files.deleteIfExists(dir.resolve(boot + PREVIOUS));
        }
    }

    private static String boot(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(PREVIOUS) ? n.substring(0, n.length() - PREVIOUS.length()) : n.substring(0, n.length() - CURRENT.length());
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
