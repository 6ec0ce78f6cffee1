package dev.tandem.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.PageUrl;
import dev.tandem.protocol.Tool;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks on values that are well-typed but can be known bad before a run: a URL no browser
 * opens, a screenshot name that cannot be a file name, a path that leaves the run directory.
 * Whatever fails here would otherwise fail at run time, after {@code validate} said "valid".
 */
final class ValueChecks {
    /** Longest screenshot name, and longest segment of a screenshot path (file systems allow 255 bytes). */
    static final int MAX_FILE_NAME = 100;
    /** Longest screenshot path. */
    static final int MAX_PATH = 400;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._ -]+");

    private ValueChecks() {}

    static void check(Tool tool, Map<String, YNode.Entry> fields, ObjectNode params, SourcePos stepPos, Problems problems) {
        switch (tool) {
            case LAUNCH_APP -> {
                if (params.has("appId") && params.has("url")) problems.add(Messages.appIdAndUrl(fields.get("url").keyPos()));
                if (params.has("url")) {
                    String url = params.get("url").asText();
                    String problem = PageUrl.problem(url);
                    if (problem != null) problems.add(Messages.badUrl(fields.get("url").value().pos(), url, problem));
                }
            }
            case SCREENSHOT -> {
                if (params.has("name")) name(params.get("name").asText(), fields.get("name").value().pos(), problems);
                if (params.has("path")) path(params.get("path").asText(), fields.get("path").value().pos(), problems);
            }
            default -> { }
        }
    }

    private static void name(String name, SourcePos pos, Problems problems) {
        if (name.length() > MAX_FILE_NAME) problems.add(Messages.tooLong(pos, "'name'", name.length(), MAX_FILE_NAME));
        else if (!FILE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            problems.add(Messages.badFileName(pos, "name", name));
        }
    }

    /** Relative to the run directory, never out of it: no absolute path, no '..', no drive letter. */
    private static void path(String path, SourcePos pos, Problems problems) {
        if (path.length() > MAX_PATH) {
            problems.add(Messages.tooLong(pos, "'path'", path.length(), MAX_PATH));
            return;
        }
        if (path.isBlank() || path.startsWith("/") || path.startsWith("\\") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            problems.add(Messages.escapingPath(pos, path));
            return;
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                problems.add(Messages.escapingPath(pos, path));
                return;
            }
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.length() > MAX_FILE_NAME) {
                problems.add(Messages.tooLong(pos, "a part of 'path'", segment.length(), MAX_FILE_NAME));
                return;
            }
            if (!FILE_NAME.matcher(segment).matches()) {
                problems.add(Messages.badFileName(pos, "path", path));
                return;
            }
        }
    }
}
