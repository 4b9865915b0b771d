package com.creditmtl.studio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md: data flows one way, and only the ui layer knows JavaFX. */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.creditmtl.studio");

    @Test
    void onlyTheUiLayerUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("com.creditmtl.studio.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(PRODUCT);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        layer("data").shouldNotUse("prep", "model", "eval", "scoring", "study", "cli", "ui");
        layer("prep").shouldNotUse("model", "eval", "scoring", "study", "cli", "ui");
        layer("model").shouldNotUse("eval", "scoring", "study", "cli", "ui");
        layer("eval").shouldNotUse("scoring", "study", "cli", "ui");
        layer("scoring").shouldNotUse("eval", "study", "cli", "ui");
        layer("study").shouldNotUse("cli", "ui");
        layer("cli").shouldNotUse("ui");
        layer("ui").shouldNotUse("cli");
    }

    private static Layer layer(String name) {
        return new Layer(name);
    }

    private record Layer(String name) {
        void shouldNotUse(String... others) {
            String[] packages = new String[others.length];
            for (int i = 0; i < others.length; i++) {
                packages[i] = "com.creditmtl.studio." + others[i] + "..";
            }
            noClasses().that().resideInAPackage("com.creditmtl.studio." + name + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages)
                    .check(PRODUCT);
        }
    }
}
