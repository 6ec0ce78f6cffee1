package dev.tandem.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A plan's {@code tags:}: a list of names (or one name), each letters, digits, '.', '_', '-', ':'. */
final class Tags {
    private Tags() {}

    static List<String> read(YNode value, Problems problems) {
        List<YNode> items = value instanceof YNode.Seq q ? q.items() : List.of(value);
        if (value instanceof YNode.Map) {
            problems.add(Messages.wrongType(value.pos(), "tags", "a list of tags", value.describe(), "[smoke, login]"));
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (YNode item : items) {
            if (!(item instanceof YNode.Scalar s) || s.kind() == YNode.Kind.NULL) {
                problems.add(Messages.wrongType(item.pos(), "tags", "a list of tags", item.describe(), "[smoke, login]"));
            } else if (!isTag(s.text())) {
                problems.add(FlowMessages.badTag(s.pos(), s.text()));
            } else {
                out.add(s.text());
            }
        }
        return new ArrayList<>(out);
    }

    static boolean isTag(String s) {
        if (s.isEmpty() || s.length() > 100) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && c != '-' && c != ':') return false;
        }
        return true;
    }
}
