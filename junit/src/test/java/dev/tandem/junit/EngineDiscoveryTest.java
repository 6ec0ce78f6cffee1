package dev.tandem.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.tandem.junit.pkg.PackagePlans;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** What an IDE or a build sees before anything runs: which plans each selector finds, the tree, the sources. */
class EngineDiscoveryTest {
    static Path resources() throws URISyntaxException {
        return Path.of(EngineDiscoveryTest.class.getResource("/plans").toURI()).getParent();
    }

    static TestDescriptor discover(DiscoverySelector... selectors) {
        return new TandemTestEngine().discover(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(),
                UniqueId.forEngine(TandemTestEngine.ID));
    }

    static List<String> plans(TestDescriptor engine) {
        return engine.getChildren().stream().map(TestDescriptor::getDisplayName).toList();
    }

    @Test
    void aClasspathResourceFindsThePlansUnderItAndSkipsOtherYaml() {
        assertThat(plans(discover(selectClasspathResource("plans"))))
                .containsExactly("plans/broken.yaml", "plans/chat.yaml", "plans/more/sign-in.yaml");
        assertThat(plans(discover(selectClasspathResource("/plans/chat.yaml")))).containsExactly("plans/chat.yaml");
    }

    @Test
    void aPackageFindsThePlansInItsResourceDirectory() {
        assertThat(plans(discover(selectPackage("dev.tandem.junit.pkg")))).containsExactly("dev/tandem/junit/pkg/in-package.yaml");
    }

    @Test
    void aDirectoryAFileAndAClasspathRootFindTheirPlans() throws Exception {
        assertThat(plans(discover(selectDirectory(resources().resolve("plans").toFile()))))
                .containsExactly("broken.yaml", "chat.yaml", "more/sign-in.yaml");
        assertThat(plans(discover(selectFile(resources().resolve("plans/more/sign-in.yaml").toFile())))).containsExactly("sign-in.yaml");
        assertThat(plans(discover(selectClasspathRoots(Set.of(resources())).toArray(DiscoverySelector[]::new))))
                .contains("plans/chat.yaml", "dev/tandem/junit/pkg/in-package.yaml").doesNotContain("plans/devices.yaml");
    }

    @Test
    void aClassSelectsPlansOnlyWhenMarked() {
        assertThat(plans(discover(selectClass(PackagePlans.class)))).containsExactly("dev/tandem/junit/pkg/in-package.yaml");
        assertThat(plans(discover(selectClass(EngineDiscoveryTest.class)))).isEmpty();
    }

    @Test
    void aPlanSelectedTwiceIsOneContainer() throws Exception {
        assertThat(discover(selectClasspathResource("plans/chat.yaml"), selectFile(resources().resolve("plans/chat.yaml").toFile()))
                .getChildren()).hasSize(1);
    }

    @Test
    void aPlanIsAContainerOfItsTracksEachAtItsLine() throws Exception {
        TestDescriptor chat = discover(selectClasspathResource("plans/chat.yaml")).getChildren().iterator().next();
        Path file = resources().resolve("plans/chat.yaml");
        assertThat(chat.isContainer()).isTrue();
        assertThat(chat.getSource()).contains(FileSource.from(file.toFile(), FilePosition.from(1, 1)));
        assertThat(chat.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("A", "B");
        assertThat(chat.getChildren()).allSatisfy(t -> {
            assertThat(t.isTest()).isTrue();
            assertThat(t.getSource()).get().isInstanceOfSatisfying(FileSource.class, s -> {
                assertThat(s.getFile()).isEqualTo(file.toFile());
                assertThat(s.getPosition().orElseThrow().getLine()).isEqualTo(3); // devices: ["A", "B"]
            });
        });
        TestDescriptor single = discover(selectClasspathResource("plans/more/sign-in.yaml")).getChildren().iterator().next();
        assertThat(single.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("default");
    }

    @Test
    void anInvalidPlanIsATestAtItsFirstProblem() {
        TestDescriptor broken = discover(selectClasspathResource("plans/broken.yaml")).getChildren().iterator().next();
        assertThat(broken.isTest()).isTrue();
        assertThat(broken.getSource()).get().isInstanceOfSatisfying(FileSource.class,
                s -> assertThat(s.getPosition().orElseThrow().getLine()).isEqualTo(3));
    }

    @Test
    void aUniqueIdSelectsItsPlanAgain() {
        TestDescriptor chat = discover(selectClasspathResource("plans/chat.yaml")).getChildren().iterator().next();
        TestDescriptor again = discover(selectUniqueId(chat.getChildren().iterator().next().getUniqueId()));
        assertThat(again.getChildren()).extracting(TestDescriptor::getUniqueId).containsExactly(chat.getUniqueId());
    }
}
