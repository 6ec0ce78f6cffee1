package dev.tandem.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A closed vocabulary whose values travel by name: in plans, app definitions and runner
 * commands. The wire name is the one spelling users write; the enum is the one list of them.
 */
public interface WireEnum {

    /** The name used in plans and on the wire, e.g. {@code clearAll}. */
    String wireName();

    /** The value whose wire name is exactly {@code name} (case-sensitive, as plans are). */
    static <E extends Enum<E> & WireEnum> Optional<E> fromWire(Class<E> type, String name) {
        if (name == null) return Optional.empty();
        for (E e : type.getEnumConstants()) if (e.wireName().equals(name)) return Optional.of(e);
        return Optional.empty();
    }

    /** Every wire name, in declaration order (the order messages list them in). */
    static <E extends Enum<E> & WireEnum> List<String> wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).toList();
    }

    /** "a, b or c": the choices as a sentence lists them. */
    static String either(List<String> names) {
        if (names.size() <= 1) return String.join("", names);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
