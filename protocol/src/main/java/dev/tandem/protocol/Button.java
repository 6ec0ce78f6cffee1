package dev.tandem.protocol;

import java.util.List;
import java.util.Optional;

/** The device buttons {@code pressButton} presses. */
public enum Button implements WireEnum {
    BACK, HOME, ENTER;

    /** Every wire name, in the order messages list them. */
    public static final List<String> WIRE_NAMES = WireEnum.wireNames(Button.class);

    @Override
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Button> fromWire(String name) {
        return WireEnum.fromWire(Button.class, name);
    }

    /** The button named {@code name}, or BAD_PARAMS naming the accepted ones. */
    public static Button require(String name) {
        return fromWire(name).orElseThrow(() -> new TandemException(ErrorCode.BAD_PARAMS,
                "pressButton button must be " + WireEnum.either(WIRE_NAMES) + ", not '" + name + "'."));
    }
}
