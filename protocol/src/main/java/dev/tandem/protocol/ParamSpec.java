package dev.tandem.protocol;

import java.util.List;

/**
 * One parameter a tool (or a nested mapping such as {@code notification}) accepts: its type, an
 * example value used in fix hints, and the sentence that documents it (plan reference, CLI help,
 * MCP schemas).
 *
 * @param choices the allowed values of a {@link Type#CHOICE}
 * @param min the smallest allowed value of an {@link Type#INT}
 * @param fields the keys of an {@link Type#OBJECT}
 * @param doc what the parameter does, one sentence
 */
public record ParamSpec(String name, Type type, List<String> choices, long min, List<ParamSpec> fields, String example, String doc) {

    public ParamSpec {
        choices = List.copyOf(choices);
        fields = List.copyOf(fields);
        doc = doc == null ? "" : doc;
    }

    public enum Type {
        /** Any scalar, kept as its text: {@code text: 42} types "42". */
        STRING,
        /** A string that is matched exactly, or as a regular expression when written /like this/. */
        PATTERN,
        INT,
        BOOL,
        CHOICE,
        /** A selector: a string (its text) or a mapping of text, id, role, index. */
        SELECTOR,
        OBJECT,
        /** A mapping of free keys to strings. */
        STRING_MAP,
        /** A list of declared device labels; checked by the step reader, which knows them. */
        LABELS,
        /** A list of steps (criticalSection); read by the step reader. */
        STEPS
    }

    /** The same parameter, documented. */
    public ParamSpec doc(String sentence) {
        return new ParamSpec(name, type, choices, min, fields, example, sentence);
    }

    public static ParamSpec string(String name, String example) {
        return new ParamSpec(name, Type.STRING, List.of(), 0, List.of(), example, "");
    }

    public static ParamSpec pattern(String name, String example) {
        return new ParamSpec(name, Type.PATTERN, List.of(), 0, List.of(), example, "");
    }

    public static ParamSpec integer(String name, long min, String example) {
        return new ParamSpec(name, Type.INT, List.of(), min, List.of(), example, "");
    }

    public static ParamSpec bool(String name) {
        return new ParamSpec(name, Type.BOOL, List.of(), 0, List.of(), "true", "");
    }

    public static ParamSpec choice(String name, String... values) {
        return choice(name, List.of(values));
    }

    /** A choice among a vocabulary's wire names (protocol's enums keep the one list). */
    public static ParamSpec choice(String name, List<String> values) {
        return new ParamSpec(name, Type.CHOICE, values, 0, List.of(), values.getFirst(), "");
    }

    public static ParamSpec selector(String name) {
        return new ParamSpec(name, Type.SELECTOR, List.of(), 0, List.of(), "{text: \"OK\"}", "");
    }

    public static ParamSpec object(String name, String example, ParamSpec... fields) {
        return new ParamSpec(name, Type.OBJECT, List.of(), 0, List.of(fields), example, "");
    }

    public static ParamSpec stringMap(String name, String example) {
        return new ParamSpec(name, Type.STRING_MAP, List.of(), 0, List.of(), example, "");
    }

    public static ParamSpec labels(String name) {
        return new ParamSpec(name, Type.LABELS, List.of(), 0, List.of(), "[\"A\", \"B\"]", "");
    }

    public static ParamSpec steps(String name) {
        return new ParamSpec(name, Type.STEPS, List.of(), 0, List.of(), "[{tool: tapOn, device: A, text: \"Send\"}]", "");
    }

    /** What a value must be, as the "must be X" part of a message. */
    public String expected() {
        return switch (type) {
            case STRING, PATTERN -> "a string";
            case INT -> min == 1 ? "a positive integer" : min == 0 ? "an integer of 0 or more" : "an integer";
            case BOOL -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case SELECTOR -> "a selector (a string, or a mapping of text, id, role, index)";
            case OBJECT -> "a mapping of " + String.join(", ", fields.stream().map(ParamSpec::name).toList());
            case STRING_MAP -> "a mapping of names to strings";
            case LABELS -> "a list of device labels";
            case STEPS -> "a list of steps";
        };
    }
}
