package cq.jianxi.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Bounded contexts stay free of cycles, and domain code never reaches up into the REST layer. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cq.jianxi");

    @Test
    void contextsHaveNoCycles() {
        slices().matching("cq.jianxi.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void servicesAndRepositoriesDoNotDependOnRest() {
        noClasses().that().resideInAnyPackage("..service..", "..repository..", "..domain..")
                .should().dependOnClassesThat().resideInAPackage("..rest..")
                .check(CLASSES);
    }

    @Test
    void restLayerDoesNotDependOnDemoSeeding() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("..platform.demo..")
                .check(CLASSES);
    }
}
