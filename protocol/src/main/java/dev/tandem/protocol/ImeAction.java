package dev.tandem.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The soft keyboard's action key. A text field declares its own action (every value but
 * {@link #ENTER}); {@code imeAction enter} is the hardware Enter key, which every field accepts,
 * so an app definition cannot give it to a field.
 */
public enum ImeAction implements WireEnum {
    SEND, GO, DONE, SEARCH, NEXT, ENTER;

    /** Every wire name, in the order messages list them. */
    public static final List<String> WIRE_NAMES = WireEnum.wireNames(ImeAction.class);

    /** The actions a text field may declare as its own (all but enter). */
    public static final List<ImeAction> FIELD_ACTIONS = Arrays.stream(values()).filter(ImeAction::isFieldAction).toList();

    @Override
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a text field can declare this action as its own keyboard key. */
    public boolean isFieldAction() {
        return this != ENTER;
    }

    public static Optional<ImeAction> fromWire(String name) {
        return WireEnum.fromWire(ImeAction.class, name);
    }

    /** The action named {@code name}, or BAD_PARAMS naming the accepted ones. */
    public static ImeAction require(String name) {
        return fromWire(name).orElseThrow(() -> new TandemException(ErrorCode.BAD_PARAMS,
                "imeAction must be " + WireEnum.either(WIRE_NAMES) + ", not '" + name + "'."));
    }
}
