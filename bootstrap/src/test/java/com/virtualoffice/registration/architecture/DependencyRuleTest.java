package com.virtualoffice.registration.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of docs/architecture.md, checked on the compiled classes of every module. */
class DependencyRuleTest {

    private static final String ROOT = "com.virtualoffice.registration";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String APPLICATION = ROOT + ".application..";
    private static final String ADAPTERS = ROOT + ".adapters..";
    /** The bootstrap module's classes live in the root package itself. */
    private static final String BOOTSTRAP = ROOT;

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void the_domain_depends_on_the_jdk_alone() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .check(production);
    }

    @Test
    void the_application_depends_on_the_domain_and_the_jdk_alone() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .check(production);
    }

    @Test
    void adapters_never_reach_into_bootstrap() {
        noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
                .check(production);
    }

    @Test
    void inner_layers_never_reach_outwards() {
        noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, BOOTSTRAP)
                .check(production);
    }
}
