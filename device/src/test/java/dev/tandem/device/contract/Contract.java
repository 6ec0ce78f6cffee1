package dev.tandem.device.contract;

import dev.tandem.protocol.Tool;

/**
 * What every part of the device contract suite builds on: the driver of the current test and the
 * fixture's declared differences. The parts are interfaces of default test methods, one per area
 * of {@link dev.tandem.device.Device}; {@link DeviceContract} implements them all.
 */
public interface Contract {
    /** The built-in apps the suite drives (docs/apps.md §2); every backend has them (sim natively, web as twins). */
    String LOGIN = "com.example.login";
    String LIST = "com.example.list";
    String CHAT = "com.chat.app";
    String COUNTER = "com.tandem.counter";
    String CLOCK = "com.google.android.deskclock";

    /** The driver of the current test, on a fresh device. */
    ContractDriver d();

    /** Whether the fixture declared this difference. */
    boolean differs(Difference difference);

    /**
     * Aborts the current test, visibly and with the fixture's reason, when the backend declared the
     * tool unsupported ({@link DeviceContract#unsupportedTools()}); returns otherwise.
     */
    void requires(Tool tool);
}
