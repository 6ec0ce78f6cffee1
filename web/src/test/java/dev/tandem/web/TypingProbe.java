package dev.tandem.web;

import static dev.tandem.web.PageSession.obj;

import dev.tandem.device.CommandContext;
import dev.tandem.device.Waits;
import dev.tandem.protocol.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What typing as keystrokes costs (not a test: run by hand). {@code java -cp ...
 * dev.tandem.web.TypingProbe [iterations]}: inputText of 100 characters into a textarea through
 * ToolExecutor (key events), against the same text committed by one Input.insertText (the old way).
 */
public final class TypingProbe {
    private TypingProbe() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path dir = Files.createTempDirectory("tandem-typing-probe");
        String text = "The quick brown fox jumps over the lazy dog, 0123456789! ".repeat(2).substring(0, 100);
        try (TestPages pages = new TestPages()) {
            for (String profile : new String[] {"pixel-7", "desktop"}) {
                WebBackend b = WebFixture.open(dir.resolve(profile), profile);
                try {
                    WebFixture.run(b, Tool.LAUNCH_APP, "{\"url\": \"" + pages.url("fields.html") + "\"}", dir);
                    WebFixture.run(b, Tool.TAP_ON, "{\"id\": \"notes\"}", dir);
                    long[] keys = new long[n];
                    long[] insert = new long[n];
                    for (int i = 0; i < n; i++) {
                        long s = System.nanoTime();
                        WebFixture.run(b, Tool.INPUT_TEXT, "{\"text\": \"" + text + "\"}", dir);
                        keys[i] = System.nanoTime() - s;
                        s = System.nanoTime();
                        PageSession p = b.webDevice().signals.page();
                        b.webDevice().signals.agent(p, "__tandem.focused()");
                        p.send("Input.insertText", obj("text", text));
                        Waits.settle(b.device(), CommandContext.withTimeout(10_000, dir));
                        insert[i] = System.nanoTime() - s;
                    }
                    Arrays.sort(keys);
                    Arrays.sort(insert);
                    System.out.printf("%-8s inputText 100 chars: keystrokes p50 %.0f ms | one insertText p50 %.0f ms%n",
                            profile, keys[n / 2] / 1e6, insert[n / 2] / 1e6);
                } finally {
                    b.close();
                }
            }
        }
    }
}
