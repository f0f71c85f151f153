package org.gaitform.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Path;
import org.gaitform.io.meta.MetadataReader;
import org.gaitform.model.SessionMetadata;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataReaderTest {
    @TempDir
    Path dir;

    @Test
    void aKeyValueSidecarBesideTheInput() throws IOException {
        Path input = TempDirs.write(dir, "run1.csv", "x");
        TempDirs.write(dir, "run1.meta.csv", "subject_id,Anna\nheight_cm,168\nspeed_kmh,10.8\ntreadmill,yes\n"
                + "shoes,Trail 3\nshoe_miles,400\npain_during,4\npain_onset_min,12\n");
        SessionMetadata m = new MetadataReader().find(input);
        assertThat(m.subjectId()).contains("Anna");
        assertThat(m.heightCm().getAsDouble()).isEqualTo(168);
        assertThat(m.speedMps().getAsDouble()).isCloseTo(3.0, offset(1e-9));
        assertThat(m.treadmill()).contains(true);
        assertThat(m.shoeKm().getAsDouble()).isCloseTo(643.7, offset(0.1));
        assertThat(m.painMax().getAsDouble()).isEqualTo(4);
        assertThat(m.painOnsetMin().getAsDouble()).isEqualTo(12);
        assertThat(m.origin()).isEqualTo("run1.meta.csv");
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void everyColumnIsKeptForConditionsAndATableAnywhereMatchesByPathEnding() throws IOException {
        TempDirs.write(dir, "sessions.csv", "file,subject_id,slope_deg,Strike Class\nup.csv,S1,-5,rearfoot\n");
        Path up = TempDirs.write(dir, "up.csv", "x");
        SessionMetadata m = new MetadataReader().find(up);
        assertThat(m.columns()).containsEntry("slope_deg", "-5").containsEntry("strike_class", "rearfoot")
                .containsEntry("subject_id", "S1");
        Path table = TempDirs.write(dir, "elsewhere/conditions.csv", "file,speed_mps,role\n"
                + "data/day1/trial.csv,3.33,held-out\nother.csv,2.5,tuning\n");
        Path trial = TempDirs.write(dir, "x/data/day1/trial.csv", "x");
        SessionMetadata t = new MetadataReader().fromTable(table, trial);
        assertThat(t.columns()).containsEntry("role", "held-out").containsEntry("speed_mps", "3.33");
        assertThat(t.speedMps().getAsDouble()).isEqualTo(3.33);
        assertThat(new MetadataReader().fromTable(table, TempDirs.write(dir, "day1/trial.csv", "x")).isPresent())
                .isFalse();
        // a key,value sidecar with keys of its own
        Path k = TempDirs.write(dir, "k.csv", "x");
        TempDirs.write(dir, "k.meta.csv", "slope_deg,10\nstrike,midfoot\nsubject_id,S9\n");
        assertThat(new MetadataReader().find(k).columns()).containsEntry("slope_deg", "10")
                .containsEntry("strike", "midfoot");
    }

    @Test
    void aHeaderAndRowSidecar() throws IOException {
        Path input = TempDirs.write(dir, "run2.csv", "x");
        TempDirs.write(dir, "run2.meta.csv", "subject_id,pain_after\nS07,2\n");
        SessionMetadata m = new MetadataReader().find(input);
        assertThat(m.subjectId()).contains("S07");
        assertThat(m.painAfter().getAsDouble()).isEqualTo(2);
    }

    @Test
    void aFolderIndexMatchedByFileNameStemOrRelativePath() throws IOException {
        TempDirs.write(dir, "sessions.csv", "file,subject_id,speed_mps,pain_before,treadmill\n"
                + "a.csv,S1,3.2,1,no\nb,S2,2.8,,treadmill\nday2/c.csv,S3,,12,maybe\n");
        Path a = TempDirs.write(dir, "a.csv", "x");
        Path b = TempDirs.write(dir, "b.tsv", "x");
        Path c = TempDirs.write(dir, "day2/c.csv", "x");
        Path d = TempDirs.write(dir, "d.csv", "x");
        MetadataReader r = new MetadataReader();
        assertThat(r.find(a).subjectId()).contains("S1");
        assertThat(r.find(a).treadmill()).contains(false);
        assertThat(r.find(b).subjectId()).contains("S2");
        assertThat(r.find(b).treadmill()).contains(true);
        SessionMetadata mc = r.find(c);
        assertThat(mc.subjectId()).contains("S3");
        assertThat(mc.painBefore()).isEmpty();
        assertThat(mc.warnings()).containsExactlyInAnyOrder(
                "sessions.csv: line 4, column 'pain_before': expected a pain score from 0 to 10, found '12'; ignored",
                "sessions.csv: line 4, column 'treadmill': expected yes/no (or treadmill/overground), found 'maybe'; ignored");
        assertThat(r.find(d).isPresent()).isFalse();
    }

    @Test
    void aSidecarWinsAndAnIndexWithoutAFileColumnIsReported() throws IOException {
        TempDirs.write(dir, "sessions.csv", "who,speed\nS1,3\n");
        Path a = TempDirs.write(dir, "a.csv", "x");
        assertThat(new MetadataReader().find(a).warnings()).singleElement().asString()
                .contains("expected a 'file' column");
        TempDirs.write(dir, "a.meta.csv", "subject_id,Z\n");
        assertThat(new MetadataReader().find(a).subjectId()).contains("Z");
    }

    @Test
    void aHugeOrHostileCellIsClippedInWarnings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // issue 11: a 10 MB metadata cell was echoed whole into the warnings
        java.nio.file.Path a = TempDirs.write(dir, "a.csv", "time,acc_v\n0,1\n");
        TempDirs.write(dir, "a.meta.csv", "height_cm," + "9".repeat(10_000_000) + "\nspeed_mps,fast\u202Eer\n");
        java.util.List<String> w = new MetadataReader().find(a).warnings();
        assertThat(w).hasSize(2);
        assertThat(w.get(0)).hasSizeLessThan(300).contains("… (10000000 characters)");
        assertThat(w.get(1)).contains("found 'fast?er'").doesNotContain("\u202E");
    }
}
