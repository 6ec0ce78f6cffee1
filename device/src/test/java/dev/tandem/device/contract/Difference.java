package dev.tandem.device.contract;

/**
 * A way a backend legitimately departs from the reference behaviour (the sim's). A fixture
 * declares each with its reason ({@link DeviceContract#differences()}); the tests it touches then
 * pin the backend's own behaviour instead. Add a constant here, with the test that reads it,
 * rather than skipping a test in a subclass.
 */
public enum Difference {
    /**
     * Going home discards the app: launching it again without {@code clearState} starts it fresh,
     * and it receives nothing while away. (Reference: the app keeps running in the background.)
     */
    HOME_DISCARDS_THE_APP,
    /**
     * Screenshots have the device's physical pixels: {@code density} pixels per dp of the
     * snapshot's size. (Reference: one pixel per dp.)
     */
    SCREENSHOT_IN_DEVICE_PIXELS
}
