package com.practicalcrm;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Keeps the layout of docs/design-decisions/DD001-packages-by-feature.md: one package per feature, ui -> service
 * -> repository inside a feature, and no cycles between features, the root {@code security} package included.
 */
@AnalyzeClasses(packages = "com.practicalcrm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "com.practicalcrm";

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
            // The sign-in pages live beside their filters and providers (package signin) but are views too.
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
    static final ArchRule sharedSecurityDoesNotKnowTheFeatures = noClasses()
            .that().resideInAPackage("com.practicalcrm.security..")
            .should().dependOnClassesThat(resideInAPackage("com.practicalcrm..")
                    .and(not(resideInAnyPackage("com.practicalcrm.security..", "com.practicalcrm.common..",
                            "com.practicalcrm.jooq.."))))
            .because("security is the shared infrastructure; features contribute to it (beans, configurers), "
                    + "it never reaches into them");

    /**
     * Every class belongs to a slice: its top-level package under {@value #BASE} (feature, shell or shared part),
     * except the root {@code security} package and each of its sub-packages, which are slices of their own, and
     * the application class itself.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices()
            .assignedFrom(new FeatureSlices())
            .should().beFreeOfCycles();

    static final class FeatureSlices implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(BASE)) {
                return SliceIdentifier.of("(application)");
            }
            if (!pkg.startsWith(BASE + ".") || pkg.startsWith(BASE + ".jooq")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = pkg.substring(BASE.length() + 1).split("\\.");
            if (parts[0].equals("security") && parts.length > 1) {
                return SliceIdentifier.of("security." + parts[1]);
            }
            return SliceIdentifier.of(parts[0]);
        }

        @Override
        public String getDescription() {
            return "features (top-level packages; security's root and its parts each on their own)";
        }
    }
}
