package com.practicalcrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layering described in the README (Development notes): ui -> service -> repository, and no cycles between features. */
@AnalyzeClasses(packages = "com.practicalcrm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewsDoNotUseRepositories = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("..repository..")
            .because("views talk to services, never to repositories");

    @ArchTest
    static final ArchRule jooqStaysInRepositories = noClasses()
            .that().resideOutsideOfPackages("..repository..", "com.practicalcrm.jooq..")
            .should().dependOnClassesThat().resideInAnyPackage("com.practicalcrm.jooq..", "org.jooq..")
            .because("no jOOQ types leak out of the repositories");

    @ArchTest
    static final ArchRule servicesAndRepositoriesDoNotKnowTheUi = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .and().resideOutsideOfPackage("com.practicalcrm")
            // The sign-in views live beside their filters (security.login, twofactor.signin) but are views too.
            .and().areNotAnnotatedWith(com.vaadin.flow.router.Route.class)
            .should().dependOnClassesThat().resideInAPackage("..ui..")
            .because("the UI depends on services, not the other way round");

    @ArchTest
    static final ArchRule repositoriesDoNotCallServices = noClasses()
            .that().resideInAPackage("..repository..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
            .because("repositories are the bottom layer");

    @ArchTest
    static final ArchRule featuresDoNotDependOnTheAppShell = noClasses()
            .that().resideOutsideOfPackages("com.practicalcrm.base..", "com.practicalcrm")
            .should().dependOnClassesThat().resideInAPackage("com.practicalcrm.base..")
            .because("the shell (base) brings the features together; features stand on their own");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices()
            .matching("com.practicalcrm.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenSecurityParts = slices()
            .matching("com.practicalcrm.security.(*)..")
            .should().beFreeOfCycles();
}
