package dev.tandem.daemon.sources.appium;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what {@code adb devices -l} prints: a header {@code List of devices attached}, then one line
 * per device — serial, state, then {@code key:value} pairs ({@code usb:}, {@code product:},
 * {@code model:}, {@code device:}, {@code transport_id:}) — with the adb server's start-up lines
 * ({@code * daemon not running; starting now at tcp:5037}) possibly mixed in.
 */
public final class AdbDevices {
    static final String HEADER = "List of devices attached";
    private static final Pattern PAIR = Pattern.compile("[a-z_]+:\\S*");
    private static final Pattern EMULATOR = Pattern.compile("emulator-\\d+");

    private AdbDevices() {}

    /**
     * One device line.
     *
     * @param state as adb says it: {@code device} (usable), {@code offline}, {@code unauthorized},
     *     {@code no permissions}, {@code authorizing}, {@code bootloader}, {@code recovery}…
     * @param model, product, device, usb, transportId the line's pairs, null when absent
     */
    public record Entry(String serial, String state, String model, String product, String device, String usb, String transportId,
            boolean emulator) {

        /** Only a device in state {@code device} can be driven. */
        public boolean usable() {
            return state.equals("device");
        }

        /** Why it cannot be driven and what to do, for {@code tandem devices}; empty when usable. */
        public Optional<String> note() {
            if (usable()) return Optional.empty();
            String what = switch (state) {
                case "unauthorized" -> "accept the USB debugging prompt on the phone";
                case "offline" -> "reconnect it or restart adb: adb kill-server";
                case "no permissions" -> "adb may not open its USB device: on Linux add a udev rule for the phone's vendor, then replug it";
                case "authorizing", "connecting" -> "adb is still connecting to it; wait a moment";
                case "bootloader", "recovery", "sideload", "rescue", "fastbootd" -> "boot it into Android: adb -s " + serial + " reboot";
                default -> "only state 'device' can be driven; `adb devices -l` shows it";
            };
            String is = state.equals("no permissions") ? " has no permissions" : " is " + state;
            return Optional.of("android: " + serial + is + " — " + what);
        }
    }

    /**
     * What one run printed.
     *
     * @param listed whether the header was there (no header: adb printed something else, an error)
     * @param other the lines that were neither the header, a device, blank nor adb's own {@code *} notices
     */
    public record Listing(boolean listed, List<Entry> entries, List<String> other) {
        public Listing {
            entries = List.copyOf(entries);
            other = List.copyOf(other);
        }
    }

    public static Listing parse(String output) {
        boolean listed = false;
        List<Entry> entries = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("* ")) continue; // the server's start-up notices
            if (line.equals(HEADER)) {
                listed = true;
                continue;
            }
            Entry e = listed ? entry(line) : null;
            if (e != null) entries.add(e);
            else other.add(line);
        }
        return new Listing(listed, entries, other);
    }

    /** A device line, or null if this is none. */
    private static Entry entry(String line) {
        String[] head = line.split("\\s+", 2);
        if (head.length < 2) return null;
        String serial = head[0];
        String rest = head[1];
        String state;
        List<String> tokens = new ArrayList<>(List.of(rest.split("\\s+")));
        if (rest.startsWith("no permissions")) {
            // "no permissions (user in plugdev group; are your udev rules wrong?); see [URL]": free text up to the pairs
            state = "no permissions";
            while (!tokens.isEmpty() && !isPair(tokens.getFirst())) tokens.removeFirst();
        } else {
            state = tokens.removeFirst();
            if (!state.matches("[a-z]+")) return null;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String t : tokens) {
            if (!isPair(t)) continue; // unknown words in newer adb versions: ignore, keep the line
            int c = t.indexOf(':');
            pairs.put(t.substring(0, c), t.substring(c + 1));
        }
        return new Entry(serial, state, pairs.get("model"), pairs.get("product"), pairs.get("device"), pairs.get("usb"),
                pairs.get("transport_id"), EMULATOR.matcher(serial).matches());
    }

    private static boolean isPair(String token) {
        return PAIR.matcher(token).matches() && token.indexOf(':') > 0;
    }
}
