package dev.tandem.protocol;

import java.util.List;
import java.util.Optional;

/** What {@code systemTray} does: find, tap or dismiss a notification, open the tray, or clear it. */
public enum TrayAction implements WireEnum {
    FIND("find"), OPEN("open"), TAP("tap"), DISMISS("dismiss"), CLEAR_ALL("clearAll");

    /** Every wire name, in the order messages list them. */
    public static final List<String> WIRE_NAMES = WireEnum.wireNames(TrayAction.class);

    private final String wireName;

    TrayAction(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<TrayAction> fromWire(String name) {
        return WireEnum.fromWire(TrayAction.class, name);
    }

    /** The action named {@code name}, or BAD_PARAMS naming the accepted ones. */
    public static TrayAction require(String name) {
        return fromWire(name).orElseThrow(() -> new TandemException(ErrorCode.BAD_PARAMS,
                "systemTray action must be " + WireEnum.either(WIRE_NAMES) + ", not '" + name + "'"));
    }
}
