package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.support.CsvRows;
import org.gaitform.support.Fixtures;
import org.gaitform.support.SharedData;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset folder holds more than recordings: the force plates' own recordings, the reference events a lab derived
 * from them, and the other message tables Garmin's FIT CSV tool writes beside a file's records. A folder run lists them as not analysed,
 * with the reason, instead of as failed recordings; a recording with event columns beside its signals, a FIT message
 * table without its records beside it, and a file named on the command line are analysed as before.
 */
class CompanionTablesTest {

    private static BatchResult run(List<Path> given, Path out) throws IOException {
        return new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, false)).run(given, out,
                BatchListener.NONE);
    }

    @Test
    void referenceEventsAndFitMessageTablesAreNotAnalysedInAFolder(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        String run = Fixtures.shortRunCsv();
        TempDirs.write(in, "trial01.csv", run);
        // reference events as Alcantara's and Fukuchi's folders hold them, and as gaitmap names them
        TempDirs.write(in, "trial01_contacts_from_vgrf.csv", "step,foot,ic_time_s,to_time_s,gct_ms\n"
                + "1,L,0.512,0.761,249\n2,R,0.843,1.090,247\n");
        TempDirs.write(in, "stride_events.csv", "s_id,foot,start,end,ic,tc,min_vel\n0,left,100,210,120,180,105\n");
        // reference session values per recording, as Alcantara's folder holds them
        TempDirs.write(in, "reference_summary.csv", "trial,file,speed_m_s,n_contacts,cadence_steps_per_min,gct_ms_mean\n"
                + "1,trial01.csv,3.33,15,192.6,226.0\n");
        // a force plate's recording, as Fukuchi's folder holds them
        TempDirs.write(in, "trial01forces.txt", "Time\tFx\tFy\tFz\tCOPx\tCOPy\tCOPz\tTy\n1\t45.9\t27.9\t1.98\t1570\t0\t1110\t-14\n"
                + "2\t-0\t-0\t-0\t2149\t0\t976\t-0\n");
        // a FIT file's session table beside its records, and one without its records
        TempDirs.write(in, "watch.record.csv", "timestamp[s],distance[m],speed[m/s],heart_rate[bpm],cadence[rpm]\n");
        TempDirs.write(in, "watch.session.csv", "timestamp[s],total_elapsed_time[s],total_distance[m],sport\n"
                + "1,1800,5000,1\n");
        TempDirs.write(in, "other.lap.csv", "timestamp[s],total_elapsed_time[s]\n1,600\n");
        // a recording whose export carries an event column beside its accelerometer
        String[] lines = run.split("\n", 2);
        TempDirs.write(in, "annotated.csv", lines[0] + ",ic,to\n" + lines[1].replace("\n", ",0,0\n"));

        BatchResult r = run(List.of(in), dir.resolve("out"));
        Map<String, String> reasons = new java.util.TreeMap<>();
        r.notAnalysed().forEach(s -> reasons.put(s.path().getFileName().toString(), s.reason()));
        assertThat(reasons).containsEntry("trial01_contacts_from_vgrf.csv", "reference_events")
                .containsEntry("stride_events.csv", "reference_events")
                .containsEntry("watch.session.csv", "fit_messages")
                .containsEntry("trial01forces.txt", "force_recording")
                .containsEntry("reference_summary.csv", "reference_values");
        assertThat(r.notAnalysed()).filteredOn(s -> s.reason().equals("fit_messages")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("'session' messages").contains(
                        "the recording is watch.record.csv beside it"));
        assertThat(r.notAnalysed()).filteredOn(s -> s.reason().equals("reference_events")).allSatisfy(s ->
                assertThat(s.message()).contains("gaitform validate compares recordings with it"));
        assertThat(r.outcomes()).extracting(o -> o.input().path().getFileName().toString())
                .containsExactlyInAnyOrder("trial01.csv", "annotated.csv", "watch.record.csv", "other.lap.csv");
        assertThat(r.outcomes()).filteredOn(o -> o.input().path().getFileName().toString().equals("annotated.csv"))
                .singleElement().satisfies(o -> assertThat(o.ok()).as(o.message()).isTrue());

        List<Map<String, String>> rows = CsvRows.parse(Files.readString(dir.resolve("out/batch-summary.csv")));
        assertThat(rows).filteredOn(row -> row.get("skip_reason").equals("reference_events")).hasSize(2)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("skipped"));
    }

    /**
     * A dataset's other tables: the strides its authors segmented, mean curves over the gait cycle (a processed result)
     * and the description of its subjects are listed as not analysed; tables that only look like them are analysed.
     */
    @Test
    void strideBordersCurvesAndSubjectTablesAreNotAnalysedInAFolder(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(in, "trial01.csv", Fixtures.shortRunCsv());
        TempDirs.write(in, "stride_borders.csv", "s_id,foot,start,end,gsd_id\n0,left,364,584,1\n1,left,584,802,1\n");
        StringBuilder curves = new StringBuilder("PercGcycle\tRhipAngX25\tRkneeAngX25\n");
        for (int pct = 0; pct <= 100; pct++) {
            curves.append(pct).append('\t').append(30 - pct * 0.4).append('\t').append(10 + pct * 0.5).append('\n');
        }
        TempDirs.write(in, "S01processed.txt", curves.toString());
        TempDirs.write(in, "subjects.txt", "Subject\tFileName\tAge\tHeight\tMass\tGender\n"
                + "1\tS01static.txt\t22\t181\t62\tM\n1\tS01runT25markers.txt\t22\t181\t62\tM\n");
        TempDirs.write(in, "participants.tsv", "participant_id\tage\tsex\nsub-01\t34\tF\n");
        // a percent column that stops short of 100, and a column named for the cycle that is a count: not curves
        StringBuilder partial = new StringBuilder("gait_cycle,angle\n");
        for (int pct = 0; pct <= 60; pct++) {
            partial.append(pct).append(',').append(pct * 0.3).append('\n');
        }
        TempDirs.write(in, "partial_cycle.csv", partial.toString());
        TempDirs.write(in, "one_trait.csv", "subject,age,cadence\n1,30,170\n");

        BatchResult r = run(List.of(in), dir.resolve("out"));
        Map<String, String> reasons = new java.util.TreeMap<>();
        r.notAnalysed().forEach(s -> reasons.put(s.path().getFileName().toString(), s.reason()));
        assertThat(reasons).containsEntry("stride_borders.csv", "reference_strides")
                .containsEntry("S01processed.txt", "gait_cycle_curves")
                .containsEntry("subjects.txt", "subject_table")
                .containsEntry("participants.tsv", "subject_table")
                .doesNotContainKeys("partial_cycle.csv", "one_trait.csv", "trial01.csv");
        assertThat(r.notAnalysed()).filteredOn(s -> s.reason().equals("gait_cycle_curves")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("curves over the gait cycle").contains("0 to 100 %"));
        assertThat(r.outcomes()).extracting(o -> o.input().path().getFileName().toString())
                .containsExactlyInAnyOrder("trial01.csv", "partial_cycle.csv", "one_trait.csv");
    }

    @Test
    void aReferenceTableNamedOnTheCommandLineIsStillReadAsARecording(@TempDir Path dir) throws IOException {
        Path table = TempDirs.write(dir, "contacts.csv", "foot,ic_time_s,to_time_s\nL,0.5,0.75\n");
        BatchResult r = run(List.of(table), dir.resolve("out"));
        assertThat(r.notAnalysed()).isEmpty();
        assertThat(r.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.message()).contains("contacts.csv");
        });
    }

    /** The shared folders a researcher would point gaitform at: no reference table is left among the failures. */
    @Test
    void theSharedReferenceTablesAreRecognised(@TempDir Path dir) throws IOException {
        Path shared = SharedData.require("fukuchi2017-treadmill-markers").getParent();
        InputDiscovery.Found found = new InputDiscovery(new org.gaitform.io.InputReaders()).search(List.of(shared),
                dir.resolve("out"));
        List<String> events = found.skipped().stream().filter(s -> s.reason().equals("reference_events"))
                .map(s -> shared.relativize(s.path()).toString()).sorted().toList();
        List<String> fit = found.skipped().stream().filter(s -> s.reason().equals("fit_messages"))
                .map(s -> shared.relativize(s.path()).toString()).toList();
        System.out.println("reference_events: " + events + "\nfit_messages: " + fit.size());
        List<String> forces = found.skipped().stream().filter(s -> s.reason().equals("force_recording"))
                .map(s -> shared.relativize(s.path()).toString()).sorted().toList();
        System.out.println("force_recording: " + forces);
        assertThat(found.skipped()).filteredOn(s -> s.reason().equals("reference_values"))
                .extracting(s -> shared.relativize(s.path()).toString())
                .contains("alcantara2022-sacral-imu-treadmill/reference_summary_per_trial.csv");
        assertThat(forces).contains("fukuchi2017-treadmill-markers/RBDS008runT35forces.txt")
                .noneMatch(f -> f.contains("trials/"));
        assertThat(events).contains("alcantara2022-sacral-imu-treadmill/reference_contacts_from_grf.csv",
                "fukuchi2017-treadmill-markers/RBDS008runT35_contacts_from_vgrf.csv",
                "hamner2013-running-markers-grf/Run_20002_contacts_from_vgrf.csv",
                "gaitmap-foot-imu-walking/stride_events_sample.csv");
        assertThat(fit).hasSizeGreaterThanOrEqualTo(20).allMatch(f -> !f.endsWith(".record.csv"));
        Map<String, String> others = new java.util.TreeMap<>();
        found.skipped().stream().filter(s -> List.of("reference_strides", "gait_cycle_curves", "subject_table")
                .contains(s.reason())).forEach(s -> others.put(shared.relativize(s.path()).toString(), s.reason()));
        System.out.println("other tables: " + others);
        assertThat(others).containsEntry("gaitmap-foot-imu-walking/stride_borders_sample.csv", "reference_strides")
                .containsEntry("fukuchi2017-treadmill-markers/RBDS001processed.txt", "gait_cycle_curves")
                .containsEntry("fukuchi2017-treadmill-markers/RBDS002processed.txt", "gait_cycle_curves")
                .containsEntry("fukuchi2017-treadmill-markers/RBDSinfo.txt", "subject_table")
                .hasSize(5);
        assertThat(found.inputs()).extracting(i -> shared.relativize(i.path()).toString())
                .contains("alcantara2022-sacral-imu-treadmill/trials/trial21_speed4.17_slope10.csv",
                        "fukuchi2017-treadmill-markers/RBDS008runT35markers.txt",
                        "gaitmap-foot-imu-walking/imu_sample.csv")
                .noneMatch(p -> p.contains("contacts_from"));
    }
}
