package org.privacysite;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package list reads in pipeline order: sources are loaded (config, consent, messages, then
 * content), checked (parity), rendered (render), link-checked (links) and reported (report). Data
 * flows forward: a stage may use the stages before it, never one after it, and no packages form a loop.
 */
class ArchitectureTest {

    private static final String INTERNAL = "org.privacysite.internal.";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.privacysite");
    }

    @Test
    void internalPackagesFormNoCycles() {
        slices().matching("org.privacysite.internal.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void stagesUseOnlyTheStagesBeforeThem() {
        // The public facade drives the stages; the public data types (Finding, Location, Rule...) are shared by all.
        DescribedPredicate<JavaClass> facade = JavaClass.Predicates.resideInAPackage("org.privacysite.cli..")
                .or(JavaClass.Predicates.belongToAnyOf(PrivacySite.class, SitePipeline.class, Preview.class, PreviewFindings.class, PreviewServer.class, RuleCatalogue.class,
                        CookieAudit.class, SiteInit.class));
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Api").definedBy(facade)
                .layer("Types").definedBy(JavaClass.Predicates.resideInAPackage("org.privacysite").and(DescribedPredicate.not(facade)))
                .layer("Init").definedBy(INTERNAL + "init..")
                .layer("Preview").definedBy(INTERNAL + "preview..")
                .layer("Audit").definedBy(INTERNAL + "audit..")
                .layer("Report").definedBy(INTERNAL + "report..")
                .layer("Cache").definedBy(INTERNAL + "cache..")
                .layer("LinkCheck").definedBy(INTERNAL + "links..")
                .layer("Render").definedBy(INTERNAL + "render..")
                .layer("Translation").definedBy(INTERNAL + "xliff..")
                .layer("Check").definedBy(INTERNAL + "parity..")
                .layer("History").definedBy(INTERNAL + "history..")
                .layer("Content").definedBy(INTERNAL + "content..")
                .layer("Settings").definedBy(INTERNAL + "config..", INTERNAL + "consent..", INTERNAL + "messages..")
                .layer("Foundation").definedBy(INTERNAL + "rules..", INTERNAL + "source..", INTERNAL + "yaml..",
                        INTERNAL + "json..", INTERNAL + "output..", INTERNAL + "concurrent..", INTERNAL + "progress..",
                        INTERNAL + "spelling..", INTERNAL + "theme..")
                .whereLayer("Api").mayNotBeAccessedByAnyLayer()
                .whereLayer("Types").mayNotAccessAnyLayer()
                .whereLayer("Init").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Preview").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Audit").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Cache").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("LinkCheck").mayOnlyBeAccessedByLayers("Api", "Cache")
                .whereLayer("Render").mayOnlyBeAccessedByLayers("Api", "LinkCheck")
                .whereLayer("Translation").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Check").mayOnlyBeAccessedByLayers("Api", "Translation")
                .whereLayer("History").mayOnlyBeAccessedByLayers("Api", "Check", "Render")
                .whereLayer("Content").mayOnlyBeAccessedByLayers("Api", "Cache", "Check", "History", "Render", "Translation", "Init")
                .whereLayer("Settings").mayOnlyBeAccessedByLayers("Api", "Cache", "Content", "Check", "History", "Render", "Translation", "Audit", "Init")
                .check(classes);
    }

    @Test
    void theCliUsesOnlyThePublicApi() {
        noClasses().that().resideInAPackage("org.privacysite.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.privacysite.internal..")
                .check(classes);
    }
}
