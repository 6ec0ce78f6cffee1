package dev.tandem.apps;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The chat service's memory: independent rooms of numbered messages, with long-polling reads.
 * No deduplication (the service is the witness that counts effects). Bounded: at most
 * {@link #MAX_ROOMS} rooms (the least recently used is dropped), {@link #MAX_MESSAGES} per room
 * (the oldest are dropped; numbering goes on), {@link #MAX_TEXT} characters per message.
 */
public final class ChatRooms {
    public static final int MAX_ROOMS = 1_000;
    public static final int MAX_MESSAGES = 10_000;
    public static final int MAX_TEXT = 4_096;
    public static final int MAX_FROM = 128;
    /** Most messages one read returns; the client continues from {@code last}. */
    public static final int PAGE = 500;
    public static final long MAX_WAIT_MS = 30_000;
    public static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** A read's result: messages after the asked sequence number, and where to continue from. */
    public record Page(List<ChatMessage> messages, long last) {}

    private final ReentrantLock roomsLock = new ReentrantLock();
    private final Map<String, Room> rooms = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Room> eldest) {
            if (size() <= MAX_ROOMS) return false;
            eldest.getValue().wakeAll();
            return true;
        }
    };
    private volatile boolean closed;

    /** Appends a message; throws IllegalArgumentException naming the bad field. */
    public ChatMessage post(String room, String from, String text) {
        checkRoom(room);
        if (from == null || from.isBlank() || from.length() > MAX_FROM) {
            throw new IllegalArgumentException("'from' must be a non-empty sender name of at most " + MAX_FROM + " characters");
        }
        if (text == null || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("'text' must be a string of at most " + MAX_TEXT + " characters");
        }
        return room(room).post(from, text);
    }

    /**
     * Messages with {@code seq > after}, waiting up to {@code waitMs} (capped at
     * {@link #MAX_WAIT_MS}) for the first one when there are none yet.
     */
    public Page read(String room, long after, long waitMs) throws InterruptedException {
        checkRoom(room);
        if (after < 0 || waitMs < 0) throw new IllegalArgumentException("'after' and 'waitMs' must not be negative");
        return room(room).read(after, Math.min(waitMs, MAX_WAIT_MS));
    }

    /** Every message still held for the room (tests and diagnostics). */
    public List<ChatMessage> messages(String room) {
        checkRoom(room);
        return room(room).snapshot();
    }

    /** Wakes every waiting reader; later reads return at once. */
    public void close() {
        closed = true;
        roomsLock.lock();
        try {
            rooms.values().forEach(Room::wakeAll);
        } finally {
            roomsLock.unlock();
        }
    }

    private static void checkRoom(String room) {
        if (room == null || !ROOM_NAME.matcher(room).matches()) {
            throw new IllegalArgumentException("room names are 1-128 letters, digits, '.', '_', ':' or '-', not '" + room + "'");
        }
    }

    private Room room(String name) {
        roomsLock.lock();
        try {
            return rooms.computeIfAbsent(name, n -> new Room());
        } finally {
            roomsLock.unlock();
        }
    }

    private final class Room {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private final ArrayDeque<ChatMessage> messages = new ArrayDeque<>();
        private long lastSeq;

        ChatMessage post(String from, String text) {
            lock.lock();
            try {
                ChatMessage m = new ChatMessage(++lastSeq, from, text, System.currentTimeMillis());
                messages.addLast(m);
                if (messages.size() > MAX_MESSAGES) messages.removeFirst();
                arrived.signalAll();
                return m;
            } finally {
                lock.unlock();
            }
        }

        Page read(long after, long waitMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            lock.lock();
            try {
                while (lastSeq <= after && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    arrived.awaitNanos(left);
                }
                List<ChatMessage> out = new ArrayList<>();
                for (ChatMessage m : messages) {
                    if (m.seq() > after) {
                        out.add(m);
                        if (out.size() == PAGE) break;
                    }
                }
                // A reader ahead of the room (the service restarted) is brought back to its end.
                long last = out.isEmpty() ? Math.min(after, lastSeq) : out.getLast().seq();
                return new Page(out, last);
            } finally {
                lock.unlock();
            }
        }

        List<ChatMessage> snapshot() {
            lock.lock();
            try {
                return List.copyOf(messages);
            } finally {
                lock.unlock();
            }
        }

        void wakeAll() {
            lock.lock();
            try {
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
