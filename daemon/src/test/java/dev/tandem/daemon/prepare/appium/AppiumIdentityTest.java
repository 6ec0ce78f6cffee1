package dev.tandem.daemon.prepare.appium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.prepare.Canonical;
import dev.tandem.protocol.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppiumIdentityTest {
    static final NodeVersion NODE = new NodeVersion(20, 20, 2);

    static AppiumIdentity id(Set<String> drivers, NodeVersion node, String xcode, String os, String arch) {
        return AppiumIdentity.of(AppiumPins.drivers(drivers), node, xcode, os, arch);
    }

    @Test
    void theKeyIsTheCanonicalHashWhateverTheOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("UiAutomator2", "appium-uiautomator2-driver@8.7.0");
        ab.put("Fake", "@appium/fake-driver@6.2.4");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("Fake", "@appium/fake-driver@6.2.4");
        ba.put("UiAutomator2", "appium-uiautomator2-driver@8.7.0");
        AppiumIdentity one = new AppiumIdentity(1, "appium@3.8.0", ab, "20.20", "none", "Linux", "amd64");
        AppiumIdentity two = new AppiumIdentity(1, "appium@3.8.0", ba, "20.20", "none", "Linux", "amd64");
        assertThat(one.key()).isEqualTo(two.key()).matches("[0-9a-f]{16}");
        assertThat(id(Set.of("Fake", "UiAutomator2"), NODE, null, "Linux", "amd64").key()).isEqualTo(one.key());

        // the stored form read back with its fields in another order hashes the same
        JsonNode tree = Json.toTree(one);
        String reordered = "{\"os\":\"Linux\",\"arch\":\"amd64\",\"xcode\":\"none\",\"node\":\"20.20\",\"drivers\":{\"UiAutomator2\":"
                + "\"appium-uiautomator2-driver@8.7.0\",\"Fake\":\"@appium/fake-driver@6.2.4\"},\"appium\":\"appium@3.8.0\",\"schemaVersion\":1}";
        assertThat(Canonical.key(Json.tree(reordered.getBytes()))).isEqualTo(Canonical.key(tree)).isEqualTo(one.key());
    }

    @Test
    void everyInputChangesTheKey() {
        AppiumIdentity base = new AppiumIdentity(1, "appium@3.8.0", Map.of("Fake", "@appium/fake-driver@6.2.4"), "20.20", "none", "Linux", "amd64");
        String k = base.key();
        assertThat(new AppiumIdentity(2, base.appium(), base.drivers(), base.node(), base.xcode(), base.os(), base.arch()).key()).isNotEqualTo(k);
        assertThat(new AppiumIdentity(1, "appium@3.8.1", base.drivers(), base.node(), base.xcode(), base.os(), base.arch()).key()).isNotEqualTo(k);
        assertThat(new AppiumIdentity(1, base.appium(), Map.of("Fake", "@appium/fake-driver@6.2.5"), base.node(), base.xcode(), base.os(),
                base.arch()).key()).isNotEqualTo(k);
        assertThat(new AppiumIdentity(1, base.appium(), Map.of("Fake", "@appium/fake-driver@6.2.4", "UiAutomator2",
                "appium-uiautomator2-driver@8.7.0"), base.node(), base.xcode(), base.os(), base.arch()).key()).isNotEqualTo(k);
        assertThat(new AppiumIdentity(1, base.appium(), base.drivers(), "22.12", base.xcode(), base.os(), base.arch()).key()).isNotEqualTo(k);
        assertThat(new AppiumIdentity(1, base.appium(), base.drivers(), base.node(), "Xcode 16.4", base.os(), base.arch()).key()).isNotEqualTo(k);
        assertThat(new AppiumIdentity(1, base.appium(), base.drivers(), base.node(), base.xcode(), "Mac OS X", base.arch()).key()).isNotEqualTo(k);
        assertThat(new AppiumIdentity(1, base.appium(), base.drivers(), base.node(), base.xcode(), base.os(), "aarch64").key()).isNotEqualTo(k);
    }

    @Test
    void nodePatchReleasesShareAnInstall() {
        assertThat(id(Set.of("Fake"), new NodeVersion(20, 20, 3), null, "Linux", "amd64").key())
                .isEqualTo(id(Set.of("Fake"), NODE, null, "Linux", "amd64").key())
                .isNotEqualTo(id(Set.of("Fake"), new NodeVersion(20, 21, 0), null, "Linux", "amd64").key());
    }

    @Test
    void xcodeCountsOnlyWithTheXcuiTestDriver() {
        String xcode = "Xcode 16.4 Build version 16F6; iphonesimulator SDK 18.5";
        assertThat(id(Set.of("UiAutomator2"), NODE, xcode, "Mac OS X", "aarch64").xcode()).isEqualTo(AppiumIdentity.NO_XCODE);
        assertThat(id(Set.of("UiAutomator2"), NODE, xcode, "Mac OS X", "aarch64").key())
                .isEqualTo(id(Set.of("UiAutomator2"), NODE, null, "Mac OS X", "aarch64").key());
        AppiumIdentity ios = id(Set.of("XCUITest"), NODE, xcode, "Mac OS X", "aarch64");
        assertThat(ios.xcode()).isEqualTo(xcode);
        assertThat(ios.key()).isNotEqualTo(id(Set.of("XCUITest"), NODE, "Xcode 26.0 Build version 17A324; iphonesimulator SDK 26.0",
                "Mac OS X", "aarch64").key());
        // on Linux there is no Xcode: XCUITest installs (its WebDriverAgent cannot build there), key without it
        assertThat(id(Set.of("XCUITest"), NODE, null, "Linux", "amd64").xcode()).isEqualTo(AppiumIdentity.NO_XCODE);
    }
}
