package org.gaitform;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli (and the Spark job, which shares its options) → web → batch → pipeline → stages →
 * model; only the entry points (cli, spark) print or exit.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gaitform");

    @Test
    void layersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("spark").definedBy("org.gaitform.spark..")
                .layer("cli").definedBy("org.gaitform.cli..")
                .layer("web").definedBy("org.gaitform.web..")
                .layer("simulate").definedBy("org.gaitform.simulate..")
                .layer("batch").definedBy("org.gaitform.batch..")
                .layer("pipeline").definedBy("org.gaitform.pipeline..")
                .layer("stages").definedBy("org.gaitform.io..", "org.gaitform.signal..", "org.gaitform.kinematics..",
                        "org.gaitform.events..",
                        "org.gaitform.metrics..", "org.gaitform.guidelines..", "org.gaitform.quality..",
                        "org.gaitform.report..", "org.gaitform.agreement..", "org.gaitform.dataset..")
                .layer("model").definedBy("org.gaitform.model..")
                .whereLayer("spark").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("spark")
                .whereLayer("simulate").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("web").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("batch").mayOnlyBeAccessedByLayers("web", "cli", "spark")
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("batch", "web", "cli", "spark")
                .whereLayer("stages").mayOnlyBeAccessedByLayers("pipeline", "batch", "web", "cli", "simulate", "spark")
                .check(CLASSES);
    }

    @Test
    void signalProcessingKnowsNoGaitWordsAndStagesDoNotReachUp() {
        noClasses().that().resideInAPackage("org.gaitform.signal..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gaitform.events..", "org.gaitform.metrics..", "org.gaitform.io..",
                        "org.gaitform.report..", "org.gaitform.guidelines..", "org.gaitform.kinematics..",
                        "org.gaitform.agreement..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.gaitform.model..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gaitform.signal..", "org.gaitform.io..", "org.gaitform.events..",
                        "org.gaitform.metrics..", "org.gaitform.report..", "org.gaitform.guidelines..",
                        "org.gaitform.agreement..", "org.gaitform.quality..")
                .check(CLASSES);
    }

    @Test
    void agreementStatisticsNeverReadRecordingsNorWriteReports() {
        // the agreement stage compares what it is given: readers of recordings and the report renderers stay out
        noClasses().that().resideInAPackage("org.gaitform.agreement..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gaitform.report..", "org.gaitform.io.imu..", "org.gaitform.io.pose..",
                        "org.gaitform.io.watch..", "org.gaitform.metrics..", "org.gaitform.guidelines..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLinePrintsOrExits() {
        // the command line and the Spark job's driver are the two entry points
        noClasses().that().resideOutsideOfPackages("org.gaitform.cli..", "org.gaitform.spark..").should()
                .accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "exit", int.class)
                .check(CLASSES);
    }
}
