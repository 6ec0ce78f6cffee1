package dev.tandem.bench.core;

/** Generated plans for the harnesses, all on the built-in login app. */
final class Plans {
    private Plans() {}

    /** A single-device plan: launch, then {@code steps - 1} alternating taps and assertions. */
    static String singleDevice(String name, int steps) {
        StringBuilder sb = new StringBuilder("name: " + name + "\nsteps:\n  - tool: launchApp\n    appId: com.example.login\n");
        for (int i = 1; i < steps; i++) {
            if (i % 2 == 1) sb.append("  - tool: tapOn\n    id: remember\n");
            else sb.append("  - tool: assertVisible\n    id: email\n");
        }
        return sb.toString();
    }

    /** {@code devices} labels, each a track of {@code steps} steps like {@link #singleDevice}, interleaved in plan order. */
    static String multiDevice(String name, int devices, int steps) {
        StringBuilder sb = new StringBuilder("name: " + name + "\ndevices: [");
        for (int d = 0; d < devices; d++) sb.append(d == 0 ? "" : ", ").append(label(d));
        sb.append("]\nsteps:\n");
        for (int i = 0; i < steps; i++) {
            for (int d = 0; d < devices; d++) {
                String tool = i == 0 ? "launchApp\n    appId: com.example.login" : i % 2 == 1 ? "tapOn\n    id: remember" : "assertVisible\n    id: email";
                sb.append("  - tool: ").append(tool).append("\n    device: ").append(label(d)).append('\n');
            }
        }
        return sb.toString();
    }

    static String label(int d) {
        return d < 26 ? String.valueOf((char) ('A' + d)) : "D" + d;
    }
}
