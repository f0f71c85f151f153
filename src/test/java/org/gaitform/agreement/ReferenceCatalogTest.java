package org.gaitform.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Side;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a recording finds its reference: file column, stem, index, one-to-one pairing; and the checks against it. */
class ReferenceCatalogTest {
    private static final RecordingSpan SPAN = new RecordingSpan(0, 30, 100);
    private static final String EVENTS = "ic_s,to_s,side\n1.0,1.25,L\n1.4,1.65,R\n1.8,2.05,L\n";

    private static ReferenceCatalog load(List<Path> refs, int recordings, ReferenceOptions o) {
        return ReferenceCatalog.load(refs, o, recordings);
    }

    @Test
    void keysAndStems() {
        assertThat(ReferenceCatalog.key(Path.of("RBDS001runT25markers.txt"))).isEqualTo("RBDS001runT25");
        assertThat(ReferenceCatalog.key(Path.of("Run_20002_markers.csv"))).isEqualTo("Run_20002");
        assertThat(ReferenceCatalog.key(Path.of("run1.csv"))).isEqualTo("run1");
        assertThat(ReferenceCatalog.stemMatches("RBDS001runT25forces", "RBDS001runT25")).isTrue();
        assertThat(ReferenceCatalog.stemMatches("RBDS001runT25_contacts_from_vgrf", "RBDS001runT25")).isTrue();
        assertThat(ReferenceCatalog.stemMatches("RBDS001runT250forces", "RBDS001runT25")).isFalse();
        assertThat(ReferenceCatalog.stemMatches("RBDS002runT45forces", "RBDS002runT25")).isFalse();
        assertThat(ReferenceCatalog.stemMatches("run1.truth", "run1")).isTrue();
        assertThat(ReferenceCatalog.stemMatches("run12_events", "run1")).isFalse();
        assertThat(ReferenceCatalog.stemMatches("run1events", "run1")).isTrue();
    }

    @Test
    void aTableWithAFileColumnServesSeveralRecordingsAndAnIndexNamesFiles(@TempDir Path dir) throws IOException {
        Path table = TempDirs.write(dir, "refs/all.csv", "file,ic_s,to_s\ntrialA.csv,1.0,1.2\ntrialA.csv,1.5,1.7\n"
                + "trialB.csv,2.0,2.2\n");
        ReferenceCatalog c = load(List.of(table), 2, ReferenceOptions.DEFAULTS);
        Reference a = c.resolve(dir.resolve("trialA.csv"), "trialA.csv", SPAN, Map.of());
        assertThat(a.contacts()).hasSize(2);
        assertThat(a.referenceCadenceSpm()).isCloseTo(120, within(1e-9));
        assertThat(c.resolve(dir.resolve("x/trialB.csv"), "trialB.csv", SPAN, Map.of()).contacts()).hasSize(1);
        assertThatThrownBy(() -> c.resolve(dir.resolve("trialC.csv"), "trialC.csv", SPAN, Map.of()))
                .hasMessageContaining("trialC.csv: no reference found").hasMessageContaining("all.csv (names trialA.csv, "
                        + "trialB.csv)");
        // an index: file → reference path relative to the index
        TempDirs.write(dir, "refs/sub/a_truth.csv", EVENTS);
        Path index = TempDirs.write(dir, "refs/index.csv", "file,reference\nrecordings/a.csv,sub/a_truth.csv\n");
        ReferenceCatalog ic = load(List.of(index), 1, ReferenceOptions.DEFAULTS);
        Reference r = ic.resolve(dir.resolve("recordings/a.csv"), "a.csv", SPAN, Map.of());
        assertThat(r.contacts()).extracting(ReferenceContact::side).containsExactly(Side.LEFT, Side.RIGHT, Side.LEFT);
        assertThat(ic.files()).contains(dir.resolve("refs/sub/a_truth.csv").toAbsolutePath().normalize());
    }

    @Test
    void severalFittingReferencesNeedAChoice(@TempDir Path dir) throws IOException {
        TempDirs.write(dir, "refs/run1_events.csv", EVENTS);
        StringBuilder f = new StringBuilder("time_s,Fz\n");
        for (int i = 0; i < 3000; i++) {
            double t = i / 1000.0;
            f.append(t).append(',').append(((int) (t / 0.4)) % 1 == 0 && t % 0.4 < 0.25 && t > 0.1 ? 1400 : 0).append('\n');
        }
        TempDirs.write(dir, "refs/run1_forces.csv", f.toString());
        ReferenceCatalog any = load(List.of(dir.resolve("refs")), 1, ReferenceOptions.DEFAULTS);
        assertThatThrownBy(() -> any.resolve(dir.resolve("run1.csv"), "run1.csv", SPAN, Map.of()))
                .isInstanceOf(GaitformException.class).hasMessageContaining("run1.csv: several references fit")
                .hasMessageContaining("run1_events.csv (events)").hasMessageContaining("run1_forces.csv (force)")
                .hasMessageContaining("--reference-kind");
        ReferenceOptions events = new ReferenceOptions(Optional.of(ReferenceKind.EVENTS), Optional.empty(),
                Optional.empty(), ReferenceOptions.DEFAULTS.contacts(), ReferenceOptions.DEFAULTS.bodyMassKg(),
                ReferenceOptions.DEFAULTS.force());
        assertThat(load(List.of(dir.resolve("refs")), 1, events).resolve(dir.resolve("run1.csv"), "run1.csv", SPAN,
                Map.of()).kind()).isEqualTo(ReferenceKind.EVENTS);
        ReferenceOptions force = new ReferenceOptions(Optional.of(ReferenceKind.FORCE), Optional.empty(),
                Optional.empty(), ReferenceOptions.DEFAULTS.contacts(), ReferenceOptions.DEFAULTS.bodyMassKg(),
                ReferenceOptions.DEFAULTS.force());
        Reference fr = load(List.of(dir.resolve("refs")), 1, force).resolve(dir.resolve("run1.csv"), "run1.csv", SPAN,
                Map.of());
        assertThat(fr.kind()).isEqualTo(ReferenceKind.FORCE);
        assertThat(fr.contacts()).isNotEmpty();
    }

    @Test
    void oneRecordingAndOneFilePairUpWhateverTheirNames(@TempDir Path dir) throws IOException {
        Path ref = TempDirs.write(dir, "stride_events_sample.csv", "ic,tc,foot\n100,80,left\n156,136,right\n");
        ReferenceCatalog c = load(List.of(ref), 1, ReferenceOptions.DEFAULTS);
        Reference r = c.resolve(dir.resolve("imu_sample.csv"), "imu_sample.csv", new RecordingSpan(0, 10, 200), Map.of());
        assertThat(r.contacts()).extracting(ReferenceContact::icS).containsExactly(0.5, 0.78);
        assertThat(r.decisions()).anyMatch(d -> d.key().equals("reference_rate_hz") && d.reason().contains("recording"));
        assertThat(r.decisions()).anyMatch(d -> d.key().equals("reference_pairing"));
        // with two recordings the names must match
        ReferenceCatalog two = load(List.of(ref), 2, ReferenceOptions.DEFAULTS);
        assertThatThrownBy(() -> two.resolve(dir.resolve("imu_sample.csv"), "imu_sample.csv", SPAN, Map.of()))
                .hasMessageContaining("no reference found").hasMessageContaining("'imu_sample'");
    }

    @Test
    void eventsBeyondTheRecordingAreAnErrorOrLeftOut() {
        List<ReferenceContact> c = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            c.add(new ReferenceContact(1 + i * 0.4, 1.2 + i * 0.4, Side.UNKNOWN));
        }
        Reference r = Reference.ofContacts("ref.csv", ReferenceKind.EVENTS, "", c, List.of());
        Reference clipped = ReferenceCatalog.checked(r, "run.csv", new RecordingSpan(0, 4.3, 100));
        assertThat(clipped.contacts()).hasSize(9);
        assertThat(clipped.decisions()).anyMatch(d -> d.key().equals("reference_outside"));
        assertThatThrownBy(() -> ReferenceCatalog.checked(r, "run.csv", new RecordingSpan(0, 2.5, 100)))
                .hasMessageContaining("ref.csv: expected events within the time of run.csv (0.00–2.50 s, 100 Hz)")
                .hasMessageContaining("a different sampling rate or clock");
        assertThatThrownBy(() -> ReferenceCatalog.checked(r, "run.csv", new RecordingSpan(20, 30, 100)))
                .hasMessageContaining("none of them inside");
    }

    @Test
    void badCellsNameTheirLineAndColumn(@TempDir Path dir) throws IOException {
        Path ref = TempDirs.write(dir, "run_events.csv", "ic_s,to_s,side\n1.0,1.2,L\n1.4,oops,R\n");
        ReferenceCatalog c = load(List.of(ref), 1, ReferenceOptions.DEFAULTS);
        assertThatThrownBy(() -> c.resolve(dir.resolve("run.csv"), "run.csv", SPAN, Map.of()))
                .hasMessage(ref.toString().replace('\\', '/') + ": line 3, column 'to_s': expected a number, found 'oops'");
        Path side = TempDirs.write(dir, "side_events.csv", "ic_s,side\n1.0,up\n");
        assertThatThrownBy(() -> load(List.of(side), 1, ReferenceOptions.DEFAULTS).resolve(dir.resolve("side.csv"),
                "side.csv", SPAN, Map.of())).hasMessageContaining("line 2, column 'side': expected left, right, L, R "
                + "or empty, found 'up'");
    }
}
