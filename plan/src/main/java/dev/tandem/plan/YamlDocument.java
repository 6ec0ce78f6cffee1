package dev.tandem.plan;

import java.util.List;

/**
 * The plan language's YAML reader for other files Tandem reads ({@code devices.yaml}): the same
 * bounds (aliases, depth, size), merge keys, and diagnostics with {@code file:line:column}.
 *
 * @param root the document's tree; null when it is empty or could not be read
 * @param problems what made it unreadable, or what was odd but readable (duplicate keys), in file order
 */
public record YamlDocument(YNode root, List<Diagnostic> problems) {

    public static YamlDocument read(String text, String fileName) {
        Problems problems = new Problems();
        YNode root = YamlReader.read(text, fileName, problems);
        return new YamlDocument(root, problems.sorted());
    }
}
