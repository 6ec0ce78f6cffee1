package dev.tandem.cli.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No cycles between packages anywhere in the production code (every module is on the CLI's
 * classpath). A cycle means two packages can only be understood, tested and changed together.
 */
class NoPackageCyclesTest {

    @Test
    void productionPackagesAreFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the modules are jars in a packaged build, class dirs in a compiled one; test-jars are tests
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.tandem");
        slices().matching("dev.tandem.(**)").should().beFreeOfCycles().check(classes);
    }
}
