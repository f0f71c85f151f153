package org.gaitform.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.BatchResult;
import org.gaitform.batch.BatchRunner;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.Outputs;
import org.gaitform.support.ParquetRead;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every numeric column of the dataset tables names its unit on real recordings too, where other people's exports
 * bring their own fields: the watch and pod exports of ../shared (FIT files and CSV decodes, with their developer
 * fields and temperatures), a 3D marker trial (frontal-plane values per step) and one recording of each other kind. The sample sessions alone
 * ({@link DatasetTablesTest}) had none of these; on them a temperature column without a unit and two counts without
 * {@code n_} had passed unseen.
 */
class SharedDatasetUnitsTest {
    @TempDir
    Path dir;

    @Test
    void realExportsGiveColumnsThatNameTheirUnits() throws IOException {
        List<Path> inputs = new ArrayList<>();
        inputs.add(SharedData.require("garmin-stryd-fit-exports"));
        inputs.add(SharedData.require("fukuchi2017-treadmill-markers").resolve("RBDS002runT25markers.txt"));
        // one recording of each other kind: a trunk sensor, two foot sensors, a lumbar walk, a real OpenPose clip,
        // markerless and cluster markers
        SharedData.find("alcantara2022-sacral-imu-treadmill").map(d -> d.resolve("trials/trial10_speed3.33_slope-5.csv"))
                .ifPresent(inputs::add);
        SharedData.find("gaitmap-foot-imu-walking").map(d -> d.resolve("imu_sample.csv")).ifPresent(inputs::add);
        SharedData.find("gaitpy-lumbar-walking").map(d -> d.resolve("demo_data.csv")).ifPresent(inputs::add);
        SharedData.find("openpose-running-side").map(d -> d.resolve("openpose_body25_side.csv")).ifPresent(inputs::add);
        SharedData.find("opencap-markerless-walking").map(d -> d.resolve("walk.trc")).ifPresent(inputs::add);
        SharedData.find("ric-treadmill-markers").map(d -> d.resolve("20140515T133244_run.c3d")).ifPresent(inputs::add);
        BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "test",
                new BatchOptions(2, false, Outputs.TABLES, DatasetFormat.PARQUET)).run(inputs, dir, BatchListener.NONE);
        assertThat(r.okCount()).as("sessions analysed").isGreaterThanOrEqualTo(11);
        List<String> unnamed = new ArrayList<>();
        int numeric = 0;
        for (DatasetTable t : DatasetTable.values()) {
            ParquetRead.Content c = ParquetRead.read(dir.resolve(t.fileStem() + ".parquet"));
            for (String name : c.columnNames()) {
                if (c.type(name) == PrimitiveTypeName.DOUBLE && !(t == DatasetTable.FINDINGS
                        && (name.equals("value") || name.equals("uncertainty")))) {
                    numeric++;
                    if (Units.of(name).isEmpty()) {
                        unnamed.add(t.fileStem() + "." + name);
                    }
                }
            }
        }
        System.out.printf("shared exports' dataset tables: %d numeric columns, %d without a unit %s%n", numeric,
                unnamed.size(), unnamed);
        assertThat(unnamed).as("numeric columns whose names name no unit").isEmpty();
    }
}
