package dev.tandem.it.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.junit.Devices;
import dev.tandem.junit.TandemTest;
import org.junit.jupiter.api.Test;

/** Tests written in code, run by TandemTestIT through the Jupiter engine (not by Surefire: no *Test name). */
@TandemTest(devices = {"A=sim", "B=sim"})
class DevicesSample {
    @Test
    void signInOnOneDeviceWhileTheOtherWatches(Devices devices) {
        devices.get("A").launch("com.example.login");
        devices.get("A").tap("Sign in");
        devices.get("A").assertVisible("Password must be at least 8 characters");
        devices.get("B").launch("com.example.login");
        assertThat(devices.get("B").snapshot().screen()).isEqualTo("login");
    }

    @Test
    void aMissingElementIsAnAssertionFailure(Devices devices) {
        devices.get("A").launch("com.example.login");
        devices.get("A").assertVisible("Sign inn");
    }
}
