package dev.tandem.runner;

import dev.tandem.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The append-only journal of one runner boot: {@code journal/<device>/<bootId>.jsonl}. Each record
 * is one {@code write} call (and an fsync with {@link Durability#FSYNC}) before the caller goes on.
 * Reading tolerates a torn last line: a crash mid-write loses at most that record.
 */
final class JournalFile implements AutoCloseable {
    /** Boot journals kept per device; older ones are pruned at start-up. */
    static final int KEEP_BOOTS = 8;

    private final FileChannel channel;
    private final boolean fsync;

    private JournalFile(FileChannel channel, boolean fsync) {
        this.channel = channel;
        this.fsync = fsync;
    }

    static JournalFile create(Path dir, String bootId, Durability durability) throws IOException {
        Files.createDirectories(dir);
        prune(dir);
        FileChannel ch = FileChannel.open(dir.resolve(bootId + ".jsonl"),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new JournalFile(ch, durability == Durability.FSYNC);
    }

    synchronized void append(JournalLine line) throws IOException {
        byte[] json = Json.bytes(line);
        ByteBuffer buf = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (buf.hasRemaining()) channel.write(buf);
        if (fsync) channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The last line per command id in an earlier boot's journal, or null when no such journal exists. */
    static Map<String, JournalLine> read(Path dir, String bootId) {
        if (!bootId.matches("[A-Za-z0-9_-]{1,64}")) return null;
        Path file = dir.resolve(bootId + ".jsonl");
        if (!Files.isRegularFile(file)) return null;
        Map<String, JournalLine> last = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                try {
                    JournalLine l = Json.read(line, JournalLine.class);
                    if (l.id() != null && l.s() != null) last.put(l.id(), l);
                } catch (IOException torn) {
                    // a torn or garbage line: the crash cut this record; the rest still stands
                }
            }
        } catch (IOException e) {
            return null;
        }
        return last;
    }

    private static void prune(Path dir) throws IOException {
        List<Path> boots;
        try (Stream<Path> s = Files.list(dir)) {
            boots = s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted(Comparator.comparingLong(JournalFile::mtime).reversed())
                    .toList();
        }
        for (int i = KEEP_BOOTS - 1; i < boots.size(); i++) Files.deleteIfExists(boots.get(i));
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
