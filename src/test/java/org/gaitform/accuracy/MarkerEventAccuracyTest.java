package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.support.KeypointTables;
import org.gaitform.support.MarkerCamera;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Initial contact and toe-off from motion-capture markers against force-plate contacts, per condition (strike
 * class, speed, subject): Fukuchi et al. 2017 (PeerJ 5:e3298; subjects 1, 2 and 8, forefoot, midfoot and
 * rearfoot, 2.5–4.5 m/s, 150 Hz) and Hamner &amp; Delp 2013 (J Biomech 46:780; subject 1, 2–5 m/s, 100 Hz,
 * per-foot force). One method and one set of settings for every file. Which recordings the thresholds were
 * chosen on is listed in docs/tuning-split.csv; the held-out ones are printed separately.
 */
class MarkerEventAccuracyTest {
    private final SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());

    record Ref(double icS, double toS, Side side, double gctMs, double stepS) {
    }

    record Trial(String dataset, String file, String contacts, String subject, String strike, double speedMps,
                 boolean tuning) {
    }

    /** One trial's figures; {@code speedMps} is the running speed gaitform found (the belt's, on a treadmill). */
    record Row(Trial trial, int refs, int matched, double icMaeMs, double toMaeMs, double icBiasMs, double toBiasMs,
               double sidesPct, double cadErrSpm, double gctErrMs, double speedMps) {
    }

    static final String FUKUCHI = "fukuchi2017-treadmill-markers";
    static final String HAMNER = "hamner2013-running-markers-grf";

    static final List<Trial> TRIALS = List.of(
            new Trial(FUKUCHI, "RBDS001runT25markers.txt", "RBDS001runT25_contacts_from_vgrf.csv", "Fukuchi S1",
                    "forefoot", 2.5, true),
            new Trial(FUKUCHI, "RBDS008runT35markers.txt", "RBDS008runT35_contacts_from_vgrf.csv", "Fukuchi S8",
                    "rearfoot", 3.5, true),
            // looked at while the heel-impact rule took its form (docs/tuning-split.csv): not held out; the toe-off rule
            // (the last forefoot marker) was chosen on it and RBDS001, with RBDS008 T35 and RBDS002 T45 held out
            new Trial(FUKUCHI, "RBDS002runT25markers.txt", "RBDS002runT25_contacts_from_vgrf.csv", "Fukuchi S2",
                    "midfoot", 2.5, true),
            new Trial(FUKUCHI, "RBDS002runT45markers.txt", "RBDS002runT45_contacts_from_vgrf.csv", "Fukuchi S2",
                    "forefoot", 4.5, false),
            // Hamner's subject lands on the heel at every speed: strike index (centre of pressure at contact along the
            // heel → toe markers) 0.22, 0.13, 0.02 and 0.15, printed by hamnerStrikeIndexFromTheForce below; looked
            // at while the heel-impact rule took its form (docs/tuning-split.csv)
            new Trial(HAMNER, "Run_20002_markers.csv", "Run_20002_contacts_from_vgrf.csv", "Hamner S1", "rearfoot", 2,
                    true),
            new Trial(HAMNER, "Run_30002_markers.csv", "Run_30002_contacts_from_vgrf.csv", "Hamner S1", "rearfoot", 3,
                    true),
            new Trial(HAMNER, "Run_40002_markers.csv", "Run_40002_contacts_from_vgrf.csv", "Hamner S1", "rearfoot", 4,
                    true),
            new Trial(HAMNER, "Run_50002_markers.csv", "Run_50002_contacts_from_vgrf.csv", "Hamner S1", "rearfoot", 5,
                    true));

    /** The virtual side-view camera the video tests film the markers with: 6 m away, 1 m high, about 700 px tall. */
    static final PinholeCamera SIDE_CAMERA = new PinholeCamera(PinholeCamera.Placement.SIDE, 6, 1.0, 2300, 1920, 1080);

    /** The pipeline with the video's frame rate given ({@code --fps}). */
    static SessionPipeline videoPipeline(double fps) {
        PoseReadOptions po = new PoseReadOptions(Optional.of(fps), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po),
                GuidelineTable.builtIn()));
    }

    static List<Ref> refs(Path file) throws IOException {
        List<Ref> refs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String st = rec.get("step_time_s");
                refs.add(new Ref(Double.parseDouble(rec.get("ic_time_s")), Double.parseDouble(rec.get("to_time_s")),
                        rec.get("foot").equals("L") ? Side.LEFT : Side.RIGHT, Double.parseDouble(rec.get("gct_ms")),
                        st.isBlank() ? Double.NaN : Double.parseDouble(st)));
            }
        }
        return refs;
    }

    Row evaluate(Trial t) throws IOException {
        Path dir = SharedData.require(t.dataset());
        Path in = dir.resolve(t.file());
        return compare(t, refs(dir.resolve(t.contacts())), pipeline.analyse(in, in.getFileName().toString(), "s"), 0);
    }

    /** Compares detected steps with the force-plate contacts; {@code shiftS} is subtracted from the reference times. */
    static Row compare(Trial t, List<Ref> refs, SessionResult res, double shiftS) {
        refs = refs.stream().map(r -> new Ref(r.icS() - shiftS, r.toS() - shiftS, r.side(), r.gctMs(), r.stepS())).toList();
        double sumIc = 0;
        double sumTo = 0;
        double biasIc = 0;
        double biasTo = 0;
        int matched = 0;
        int sidesRight = 0;
        List<Double> refGct = new ArrayList<>();
        List<Double> ourGct = new ArrayList<>();
        for (Ref ref : refs) {
            Step best = res.steps().stream().min((a, b) -> Double.compare(Math.abs(a.icS() - ref.icS()),
                    Math.abs(b.icS() - ref.icS()))).orElseThrow();
            if (Math.abs(best.icS() - ref.icS()) > 0.1 || Double.isNaN(best.toS())) {
                continue;
            }
            matched++;
            sumIc += Math.abs(best.icS() - ref.icS());
            sumTo += Math.abs(best.toS() - ref.toS());
            biasIc += best.icS() - ref.icS();
            biasTo += best.toS() - ref.toS();
            if (best.side() == ref.side()) {
                sidesRight++;
            }
            refGct.add(ref.gctMs());
            ourGct.add(best.contactMs());
        }
        double refCadence = 60 / refs.stream().mapToDouble(Ref::stepS).filter(Double::isFinite).average().orElseThrow();
        double cadErr = res.metric("cadence_spm") - refCadence;
        double gctErr = ourGct.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)
                - refGct.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Row(t, refs.size(), matched, 1000 * sumIc / matched, 1000 * sumTo / matched,
                1000 * biasIc / matched, 1000 * biasTo / matched, 100.0 * sidesRight / Math.max(1, matched), cadErr,
                gctErr, res.metric("running_speed_mps"));
    }

    /**
     * A trial's marker table as text, for the tests that analyse a changed copy of it: Fukuchi's (tab-separated, time
     * then millimetres) or Hamner's (comma-separated, frame and time then metres).
     *
     * @param lines         the file's lines, the header first
     * @param sep           the column separator
     * @param head          the header's column names
     * @param timeCol       the time column; the coordinates follow it
     * @param metresPerUnit metres per coordinate unit
     */
    record MarkerTable(List<String> lines, String sep, String[] head, int timeCol, double metresPerUnit) {
        static MarkerTable of(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            boolean tsv = lines.get(0).contains("\t");
            String sep = tsv ? "\t" : ",";
            return new MarkerTable(lines, sep, lines.get(0).split(sep), tsv ? 0 : 1, tsv ? 0.001 : 1);
        }

        /** Data rows. */
        int rows() {
            return lines.size() - 1;
        }

        /** Whether column {@code c} is a marker's x (its name ends in X). */
        boolean isX(int c) {
            return head[c].toUpperCase(Locale.ROOT).endsWith("X");
        }

        /** Writes the table to {@code f} with each data row's fields changed in place by {@code edit}. */
        Path write(Path f, RowEdit edit) throws IOException {
            StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
            for (int i = 1; i < lines.size(); i++) {
                String[] v = lines.get(i).split(sep, -1);
                edit.edit(i - 1, v);
                out.append(String.join(sep, v)).append('\n');
            }
            return Files.writeString(f, out);
        }
    }

    /** A change to one data row of a {@link MarkerTable}. */
    @FunctionalInterface
    interface RowEdit {
        /** Changes {@code fields}, the {@code row}-th data row (from 0), in place. */
        void edit(int row, String[] fields);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-26s %-10s %-9s %6s %-8s %8s %7s %7s %7s %7s %6s %8s %8s",
                "trial", "subject", "strike", "m/s", "role", "matched", "|IC|ms", "|TO|ms", "ICbias", "TObias", "side%",
                "cad err", "GCT err");
    }

    static String line(Row r) {
        return String.format(Locale.ROOT, "%-26s %-10s %-9s %6.1f %-8s %4d/%-3d %7.1f %7.1f %+7.1f %+7.1f %6.0f %+8.2f %+8.1f",
                r.trial().file().replaceAll("(markers)?\\.(txt|csv)$", ""), r.trial().subject(), r.trial().strike(),
                r.trial().speedMps(), r.trial().tuning() ? "tuning" : "held-out", r.matched(), r.refs(), r.icMaeMs(),
                r.toMaeMs(), r.icBiasMs(), r.toBiasMs(), r.sidesPct(), r.cadErrSpm(), r.gctErrMs());
    }

    /**
     * A Fukuchi-style file whose heel-bottom marker is missing (renamed away here) is read with the top heel marker,
     * and without that with the lateral one; every force-plate contact is still found, with initial contact and toe-off
     * within the 10 ms of issue 13 (measured 2026-12-08, |IC| / |TO| ms, bottom → top, lateral: RBDS008 T35 5.1 / 8.8 →
     * 5.5 / 7.8, 5.9 / 8.4; RBDS001 T25 4.7 / 4.8 → 4.7 / 4.4, 5.0 / 4.7; RBDS002 T25 6.3 / 3.2 → 6.7 / 3.8, 5.3 / 3.3).
     * Before, such a file was refused ("the leg length cannot be measured").
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} without {1}")
    @org.junit.jupiter.params.provider.CsvSource({"RBDS008runT35, Heel.Bottom", "RBDS008runT35, Heel.Bottom Heel.Top",
        "RBDS001runT25, Heel.Bottom", "RBDS001runT25, Heel.Bottom Heel.Top", "RBDS002runT25, Heel.Bottom",
        "RBDS002runT25, Heel.Bottom Heel.Top"})
    void aMissingHeelBottomMarkerIsStoodInForByTheTopOrLateralOne(String trial, String missing, @TempDir Path tmp)
            throws IOException {
        Path dir = SharedData.require(FUKUCHI);
        Trial t = TRIALS.stream().filter(x -> x.file().startsWith(trial)).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(dir.resolve(t.file()));
        String head = lines.get(0);
        for (String m : missing.split(" ")) {
            head = head.replace("." + m, ".Gone" + m.replace(".", ""));
        }
        Path in = tmp.resolve(trial + "markers.txt");
        lines.set(0, head);
        Files.write(in, lines);
        SessionResult res = pipeline.analyse(in, in.getFileName().toString(), "s");
        String heel = res.decisions().stream().filter(d -> d.key().equals("landmarks")).findFirst().orElseThrow()
                .reason().replaceAll(".*heel_left ← ([^;]+);.*", "$1");
        Row r = compare(t, refs(dir.resolve(t.contacts())), res, 0);
        System.out.printf(Locale.ROOT, "%s without %s: heel from %s, %d/%d contacts, |IC| %.1f ms, |TO| %.1f ms%n", trial,
                missing, heel, r.matched(), r.refs(), r.icMaeMs(), r.toMaeMs());
        assertThat(heel).isEqualTo(missing.contains("Top") ? "L.Heel.Lateral" : "L.Heel.Top");
        assertThat(r.matched()).isEqualTo(r.refs());
        assertThat(r.icMaeMs()).isLessThanOrEqualTo(10.0);
        assertThat(r.toMaeMs()).isLessThanOrEqualTo(10.0);
    }

    @Test
    void markersAgainstForcePlatePerCondition() throws IOException {
        SharedData.require(FUKUCHI);
        List<Row> rows = new ArrayList<>();
        for (Trial t : TRIALS) {
            if (Files.isDirectory(SharedData.root().resolve(t.dataset()))) {
                rows.add(evaluate(t));
            }
        }
        StringBuilder sb = new StringBuilder("\nMarker IC/TO against force-plate contacts (matched within 100 ms)\n");
        sb.append(header()).append('\n');
        for (boolean tuning : new boolean[] {true, false}) {
            sb.append(tuning ? "-- tuning recordings\n" : "-- held-out recordings\n");
            for (Row r : rows) {
                if (r.trial().tuning() == tuning) {
                    sb.append(line(r)).append('\n');
                }
            }
        }
        System.out.print(sb);
        StringBuilder speeds = new StringBuilder("belt speed from the feet against the treadmill's:");
        List<String> slow = new ArrayList<>();
        for (Row r : rows) {
            double belt = r.speedMps();
            speeds.append(String.format(Locale.ROOT, " %s %.2f/%.1f m/s;", r.trial().file().replaceAll("(markers)?\\.(txt|csv)$",
                    ""), belt, r.trial().speedMps()));
            // measured 2026-12-07: within 1.2 % on Fukuchi's, 2.2, 1.8, 5.4 and 9.3 % slow on Hamner's 2-5 m/s (before the
            // belt was taken from the flat foot alone: 19-21 % slow on Hamner's, up to 10 % on Fukuchi's); at 4 and 5 m/s
            // Hamner's heel and toe markers themselves move at 3.5-3.9 and 4.0-4.7 m/s in the middle of the force plate's
            // stances, so the rest is the belt's, not the method's
            if (Math.abs(belt / r.trial().speedMps() - 1) > 0.10) {
                slow.add(String.format(Locale.ROOT, "%s: %.2f m/s", r.trial().file(), belt));
            }
        }
        System.out.println(speeds);
        assertThat(slow).as("belt speed more than 10 % from the treadmill's").isEmpty();
        for (Row r : rows) {
            String t = r.trial().file();
            assertThat(r.matched()).as(t + " contacts matched").isEqualTo(r.refs());
            assertThat(r.sidesPct()).as(t + " sides").isEqualTo(100.0);
            assertThat(Math.abs(r.cadErrSpm())).as(t + " cadence error").isLessThanOrEqualTo(0.5);
            boolean hamner = r.trial().dataset().equals(HAMNER);
            // issue 13's target is 10 ms; Hamner's heel marker sits 9 cm above the sole, on the heel counter: its impact
            // is timed in the 25 Hz impact band (in the 15 Hz band it was 11.2 and 17.5 ms late at 4 and 5 m/s)
            assertThat(r.icMaeMs()).as(t + " |IC| ms").isLessThanOrEqualTo(10.0);
            // toe-off: Hamner's toe marker rises slowly at 2 m/s (13.5 ms late, a known gap, docs/pose-input.md); peak knee
            // extension (Fellin et al. 2010), the toe's belt-relative speed, lower clearances and the pelvis's free fall do
            // not close it without making other trials worse (ToeOffCandidatesTest prints them)
            assertThat(r.toMaeMs()).as(t + " |TO| ms").isLessThanOrEqualTo(hamner ? 15.0 : 10.0);
        }
    }

    @TempDir
    Path tmp;

    /**
     * The same recordings filmed by a virtual side-view camera (6 m away, image about 700 px tall) at 60, 30 and 25
     * fps, with and without 2 px of keypoint jitter: how the events hold on video keypoints of known truth. No session
     * whose cadence is more than 2 steps/min or whose mean contact time is more than 25 ms off may be called good
     * (issue 13's contract); below 50 fps the {@code sampling_rate} check must put the contact times in doubt (at 30
     * fps, before it did, two sessions of Hamner's 3 m/s runner were 29–36 ms long and good).
     */
    @Test
    void videoKeypointsFromTheSameMarkers() throws IOException {
        SharedData.require(FUKUCHI);
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.SIDE, 6, 1.0, 2300, 1920, 1080);
        StringBuilder sb = new StringBuilder("\nVideo-like keypoints (real markers through a side-view camera) against "
                + "force-plate contacts\n");
        sb.append(String.format(Locale.ROOT, "%-5s %-7s ", "fps", "jitter")).append(header()).append('\n');
        List<String> refused = new ArrayList<>();
        List<double[]> worst = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        int[] offByFps = new int[3];
        for (double fps : new double[] {60, 30, 25}) {
            for (double jitter : new double[] {0, 2}) {
                for (Trial t : TRIALS) {
                    Path dir = SharedData.root().resolve(t.dataset());
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    MarkerCamera.Tracks tr = MarkerCamera.landmarks(dir.resolve(t.file()));
                    Path f = tmp.resolve(t.file().replaceAll("\\.(txt|csv)$", "") + "_" + (int) fps + "fps_keypoints.csv");
                    Files.writeString(f, MarkerCamera.keypointCsv(tr, cam, fps, 0, jitter, 7));
                    PoseReadOptions po = new PoseReadOptions(Optional.of(fps), Optional.empty(), Optional.empty(),
                            Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty());
                    SessionPipeline p = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS,
                            po), GuidelineTable.builtIn()));
                    try {
                        SessionResult s = p.analyse(f, f.getFileName().toString(), "s");
                        Row r = compare(t, refs(dir.resolve(t.contacts())), s, tr.timeS()[0]);
                        boolean off = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
                        offByFps[fps >= 60 ? 0 : fps >= 30 ? 1 : 2] += off ? 1 : 0;
                        boolean rateDoubted = s.quality().checks().stream().anyMatch(c -> c.id().equals("sampling_rate")
                                && c.failed());
                        sb.append(String.format(Locale.ROOT, "%-5.0f %-7s ", fps, jitter + " px")).append(line(r))
                                .append("  ").append(s.quality().verdict().label()).append('\n');
                        String at = String.format(Locale.ROOT, "%.0f fps, %.0f px, %s", fps, jitter, t.file());
                        if (off && s.quality().verdict() == Quality.GOOD) {
                            verdicts.add(at + ": off and called good");
                        }
                        if (rateDoubted != fps < 50) {
                            verdicts.add(at + ": sampling_rate " + (rateDoubted ? "doubts" : "passes"));
                        }
                        worst.add(new double[] {fps, jitter, r.icMaeMs(), r.toMaeMs(), 100.0 * r.matched() / r.refs()});
                    } catch (GaitformException e) {
                        refused.add(fps + " fps, " + jitter + " px, " + t.file() + ": " + e.getMessage());
                        sb.append(String.format(Locale.ROOT, "%-5.0f %-7s %s refused: %s%n", fps, jitter + " px", t.file(),
                                e.getMessage()));
                    }
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "sessions more than 2 steps/min or 25 ms off: %d of 16 at 60 fps, %d at 30, "
                + "%d at 25%n", offByFps[0], offByFps[1], offByFps[2]));
        System.out.print(sb);
        assertThat(refused).as("refused video-like recordings").isEmpty();
        assertThat(verdicts).as(sb.toString()).isEmpty();
        for (double[] w : worst) {
            // measured in 2026 (see docs/pose-input.md): 60 fps IC 4–22 ms, 30 fps IC 10–46 ms
            assertThat(w[4]).as("%% contacts matched at %.0f fps, %.0f px", w[0], w[1]).isGreaterThanOrEqualTo(70.0);
            assertThat(w[2]).as("|IC| ms at %.0f fps, %.0f px", w[0], w[1]).isLessThanOrEqualTo(w[0] >= 60 ? 25.0 : 50.0);
            assertThat(w[3]).as("|TO| ms at %.0f fps, %.0f px", w[0], w[1]).isLessThanOrEqualTo(30.0);
        }
    }

    /**
     * The force-plate trials written in other labs' axis conventions: the vertical as z (x forward, y to the left, a
     * rotation about x) and the runner going the other way along x (a turn about the vertical). The axes are found from
     * the data ({@code vertical_axis}, {@code forward_axis}), so the contacts must be the trials' own. Measured
     * 2026-12-07: identical on all eight, both ways.
     */
    @Test
    void otherAxisConventions() throws IOException {
        SharedData.require(FUKUCHI);
        StringBuilder sb = new StringBuilder("\nMarkers in other axis conventions against force-plate contacts\n");
        sb.append(String.format(Locale.ROOT, "%-9s ", "axes")).append(header()).append("  verdict\n");
        List<String> failures = new ArrayList<>();
        for (Trial t : TRIALS) {
            Path dir = SharedData.root().resolve(t.dataset());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            MarkerTable table = MarkerTable.of(dir.resolve(t.file()));
            Row original = evaluate(t);
            sb.append(String.format(Locale.ROOT, "%-9s ", "lab's")).append(line(original)).append('\n');
            for (String axes : new String[] {"z up", "-x ahead"}) {
                Path f = table.write(tmp.resolve(axes.replace(' ', '_') + "_" + t.file()), (row, v) -> {
                    // each marker's x, y, z columns follow one another, x first
                    for (int c = 0; c + 2 < Math.min(v.length, table.head().length); c++) {
                        if (!table.isX(c) || v[c].isBlank()) {
                            continue;
                        }
                        double x = Double.parseDouble(v[c]);
                        double y = Double.parseDouble(v[c + 1]);
                        double z = Double.parseDouble(v[c + 2]);
                        double[] w = axes.equals("z up") ? new double[] {x, -z, y} : new double[] {-x, y, -z};
                        for (int k = 0; k < 3; k++) {
                            v[c + k] = String.format(Locale.ROOT, "%.5f", w[k]);
                        }
                        c += 2;
                    }
                });
                SessionResult s = pipeline.analyse(f, t.file(), "s");
                Row r = compare(t, refs(dir.resolve(t.contacts())), s, 0);
                sb.append(String.format(Locale.ROOT, "%-9s ", axes)).append(line(r)).append("  ")
                        .append(s.quality().verdict().label()).append('\n');
                if (r.matched() != original.matched() || Math.abs(r.icMaeMs() - original.icMaeMs()) > 0.5
                        || Math.abs(r.toMaeMs() - original.toMaeMs()) > 0.5
                        || Math.abs(r.gctErrMs() - original.gctErrMs()) > 0.5) {
                    failures.add(axes + ", " + t.file() + ": not the lab's own contacts");
                }
            }
        }
        System.out.print(sb);
        assertThat(failures).as(sb.toString()).isEmpty();
    }

    /**
     * The force-plate trials turned into overground running: every marker moved forward at the belt's speed (a lab
     * runway seen by the same cameras), so that the planted foot stands still and the pelvis travels. The contacts
     * must come out as on the treadmill.
     */
    @Test
    void overgroundMarkers() throws IOException {
        SharedData.require(FUKUCHI);
        StringBuilder sb = new StringBuilder("\nMarkers moved forward at the belt's speed (overground running) against "
                + "force-plate contacts\n");
        sb.append(String.format(Locale.ROOT, "%-11s ", "surface")).append(header()).append("  verdict   treadmill\n");
        List<String> failures = new ArrayList<>();
        for (Trial t : TRIALS) {
            Path dir = SharedData.root().resolve(t.dataset());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            MarkerTable table = MarkerTable.of(dir.resolve(t.file()));
            Path f = table.write(tmp.resolve("overground_" + t.file()), (row, v) -> {
                double time = Double.parseDouble(v[table.timeCol()]);
                for (int c = table.timeCol() + 1; c < v.length && c < table.head().length; c++) {
                    if (!v[c].isBlank() && table.isX(c)) {
                        v[c] = String.format(Locale.ROOT, "%.5f", Double.parseDouble(v[c])
                                + t.speedMps() * time / table.metresPerUnit());
                    }
                }
            });
            Row still = evaluate(t);
            SessionResult s = pipeline.analyse(f, t.file(), "s");
            Row r = compare(t, refs(dir.resolve(t.contacts())), s, 0);
            sb.append(String.format(Locale.ROOT, "%-11s ", "treadmill")).append(line(still)).append('\n');
            sb.append(String.format(Locale.ROOT, "%-11s ", "overground")).append(line(r)).append("  ")
                    .append(String.format(Locale.ROOT, "%-9s %s%n", s.quality().verdict().label(),
                            s.info().get("treadmill")));
            boolean off = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
            if (off && s.quality().verdict() == Quality.GOOD) {
                failures.add(t.file() + ": off and called good");
            }
            // measured 2026-12-07: every contact found on every trial, |IC| and |TO| within 0.5 ms of the treadmill's
            // but Hamner's 2 m/s (IC 10.6 against 6.5 ms); before each foot had its own floor overground, Fukuchi's
            // contact times were 40-79 ms short (RBDS001 called good) and Hamner's trials lost up to half their contacts
            if (r.matched() < 0.97 * r.refs() || r.icMaeMs() > still.icMaeMs() + 5 || r.toMaeMs() > still.toMaeMs() + 5) {
                failures.add(String.format(Locale.ROOT, "%s overground: %d of %d contacts, |IC| %.1f ms, |TO| %.1f ms",
                        t.file(), r.matched(), r.refs(), r.icMaeMs(), r.toMaeMs()));
            }
        }
        System.out.print(sb);
        assertThat(failures).as(sb.toString()).isEmpty();
    }

    /**
     * The marker recordings with noise added to every coordinate, as markerless 3D keypoints carry it: white noise of
     * 3 mm (per frame) and a slow wobble of 10 mm (Gaussian noise averaged over about 60 ms), seeded. No session whose
     * cadence is more than 2 steps/min or whose mean contact time is more than 25 ms off may be called good.
     * Measured 2026-12-07 with 1–10 mm of each kind and two seeds: the initial contacts of the heel strikers go first
     * (3 mm white: |IC| 9–27 ms on Hamner's runner), then the toe-offs (10 mm wobble: contact times 12–66 ms short);
     * the step-time and contact-time variability checks flagged every session that was off.
     */
    @Test
    void noisyMarkers() throws IOException {
        SharedData.require(FUKUCHI);
        StringBuilder sb = new StringBuilder("\nMarkers with noise against force-plate contacts\n");
        sb.append(String.format(Locale.ROOT, "%-14s ", "noise")).append(header()).append("  verdict\n");
        List<String> failures = new ArrayList<>();
        for (Trial t : TRIALS) {
            Path dir = SharedData.root().resolve(t.dataset());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            MarkerTable table = MarkerTable.of(dir.resolve(t.file()));
            int first = table.timeCol() + 1;
            double mmToUnit = 0.001 / table.metresPerUnit();
            double rateHz = table.timeCol() == 0 ? 150 : 100; // Fukuchi's markers at 150 Hz, Hamner's at 100 Hz
            for (String kind : new String[] {"white 3 mm", "wobble 10 mm"}) {
                boolean white = kind.startsWith("white");
                double sdMm = white ? 3 : 10;
                int cols = table.head().length;
                int n = table.rows();
                Random rnd = new Random(kind.hashCode() + t.file().hashCode());
                double[][] noise = new double[cols][];
                int half = white ? 0 : (int) Math.round(0.03 * rateHz);
                for (int c = first; c < cols; c++) {
                    double[] x = new double[n + 2 * half];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = rnd.nextGaussian();
                    }
                    noise[c] = new double[n];
                    for (int i = 0; i < n; i++) {
                        double sum = 0;
                        for (int j = i; j <= i + 2 * half; j++) {
                            sum += x[j];
                        }
                        noise[c][i] = sum / Math.sqrt(2 * half + 1);
                    }
                }
                Path f = table.write(tmp.resolve(kind.replace(' ', '_') + "_" + t.file()), (row, v) -> {
                    for (int c = first; c < v.length && c < cols; c++) {
                        if (!v[c].isBlank()) {
                            v[c] = String.format(Locale.ROOT, "%.5f", Double.parseDouble(v[c])
                                    + noise[c][row] * sdMm * mmToUnit);
                        }
                    }
                });
                // before the belt speed was taken from the flat foot alone, Hamner's 2 m/s runner under the wobble was
                // refused as a walker (belt 1.33 m/s)
                SessionResult s = pipeline.analyse(f, t.file(), "s");
                Row r = compare(t, refs(dir.resolve(t.contacts())), s, 0);
                sb.append(String.format(Locale.ROOT, "%-14s ", kind)).append(line(r)).append("  ")
                        .append(s.quality().verdict().label()).append('\n');
                boolean off = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
                if (off && s.quality().verdict() == Quality.GOOD) {
                    failures.add(kind + ", " + t.file() + ": off and called good");
                }
            }
        }
        System.out.print(sb);
        assertThat(failures).as(sb.toString()).isEmpty();
    }

    /**
     * The same side videos (60 fps, 1 px) with every toe keypoint missing, as when a pose estimator loses the toes or a
     * keypoint set has none: the heel leaves the ground as it rises, so the toe-offs came 91–146 ms early and the
     * contact times 76–110 ms short, and four of the eight sessions were called good. Every session must now be put
     * in doubt by {@code foot_keypoints} (these markers have no knee to time the toe-offs from), and none off by more
     * than 2 steps/min or 25 ms be called good.
     */
    @Test
    void videoWithoutToes() throws IOException {
        SharedData.require(FUKUCHI);
        PinholeCamera cam = SIDE_CAMERA;
        SessionPipeline p = videoPipeline(60);
        StringBuilder sb = new StringBuilder("\nSide video without toe keypoints (60 fps, 1 px) against force-plate "
                + "contacts\n").append(header()).append("  verdict\n");
        List<String> failures = new ArrayList<>();
        for (Trial t : TRIALS) {
            Path dir = SharedData.root().resolve(t.dataset());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            MarkerCamera.Tracks tr = MarkerCamera.landmarks(dir.resolve(t.file()));
            String csv = KeypointTables.without(MarkerCamera.keypointCsv(tr, cam, 60, 0, 1, 7), "Toe");
            Path f = tmp.resolve(t.file().replaceAll("\\.(txt|csv)$", "") + "_no_toes.csv");
            Files.writeString(f, csv);
            SessionResult s = p.analyse(f, f.getFileName().toString(), "s");
            Row r = compare(t, refs(dir.resolve(t.contacts())), s, tr.timeS()[0]);
            sb.append(line(r)).append("  ").append(s.quality().verdict().label()).append('\n');
            boolean off = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
            if (off && s.quality().verdict() == Quality.GOOD) {
                failures.add(t.file() + ": off and called good");
            }
            if (s.quality().checks().stream().noneMatch(c -> c.id().equals("foot_keypoints") && c.failed())) {
                failures.add(t.file() + ": foot_keypoints passed");
            }
        }
        System.out.print(sb);
        assertThat(failures).as(sb.toString()).isEmpty();
    }

    /**
     * The same side videos (60 fps, 1 px) with frames lost without a trace (5 % of them dropped at random and the rest
     * numbered on, as a faulty re-encoding leaves them) and with frames repeated in place of lost ones (the time kept
     * right). Lost frames shorten every time: before {@code frame_timing}, cadences came out 7–17 steps/min fast and
     * two sessions were called good. Now {@code frames_skipped} must find lost frames in every dropped copy and none in
     * the intact or repeated ones, {@code frame_timing} must doubt exactly the dropped copies, and no session off by more
     * than 2 steps/min or 25 ms may be called good.
     */
    @Test
    void videoWithLostFrames() throws IOException {
        SharedData.require(FUKUCHI);
        PinholeCamera cam = SIDE_CAMERA;
        SessionPipeline p = videoPipeline(60);
        StringBuilder sb = new StringBuilder("\nSide video with lost or repeated frames (60 fps, 1 px) against force-plate "
                + "contacts\n").append(String.format(Locale.ROOT, "%-9s ", "frames")).append(header())
                .append("  verdict   frames_skipped\n");
        List<String> failures = new ArrayList<>();
        for (String mode : new String[] {"intact", "lost 5 %", "repeated"}) {
            for (Trial t : TRIALS) {
                Path dir = SharedData.root().resolve(t.dataset());
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                MarkerCamera.Tracks tr = MarkerCamera.landmarks(dir.resolve(t.file()));
                String[] lines = MarkerCamera.keypointCsv(tr, cam, 60, 0, 1, 7).split("\n");
                Random rnd = new Random(5);
                StringBuilder csv = new StringBuilder(lines[0]).append('\n');
                int frame = 0;
                for (int k = 1; k < lines.length; k++) {
                    String[] v = lines[k].split(",");
                    if (mode.startsWith("lost") && rnd.nextDouble() < 0.05) {
                        continue;
                    }
                    v[0] = String.valueOf(frame++);
                    csv.append(String.join(",", v)).append('\n');
                    if (mode.equals("repeated") && rnd.nextDouble() < 0.05 && k + 1 < lines.length) {
                        k++; // the next frame lost, this one written again in its place
                        v[0] = String.valueOf(frame++);
                        csv.append(String.join(",", v)).append('\n');
                    }
                }
                Path f = tmp.resolve(mode.replaceAll("[^a-z]", "") + "_" + t.file().replaceAll("\\.(txt|csv)$", "") + ".csv");
                Files.writeString(f, csv);
                SessionResult s = p.analyse(f, f.getFileName().toString(), "s");
                Row r = compare(t, refs(dir.resolve(t.contacts())), s, tr.timeS()[0]);
                String skipped = s.decisions().stream().filter(d -> d.key().equals("frames_skipped"))
                        .map(d -> d.value()).findFirst().orElse("not measured");
                sb.append(String.format(Locale.ROOT, "%-9s ", mode)).append(line(r)).append("  ")
                        .append(String.format(Locale.ROOT, "%-9s %s", s.quality().verdict().label(), skipped)).append('\n');
                String at = mode + ", " + t.file();
                boolean off = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
                if (off && s.quality().verdict() == Quality.GOOD) {
                    failures.add(at + ": off and called good");
                }
                boolean lost = mode.startsWith("lost");
                if (skipped.startsWith("0 of") == lost) {
                    failures.add(at + ": frames_skipped " + skipped);
                }
                boolean doubted = s.quality().checks().stream().anyMatch(c -> c.id().equals("frame_timing") && c.failed());
                if (doubted != lost) {
                    failures.add(at + ": frame_timing " + (doubted ? "doubts" : "passes"));
                }
            }
        }
        System.out.print(sb);
        assertThat(failures).as(sb.toString()).isEmpty();
    }

    /**
     * The marker recordings at lower rates (every 2nd and 3rd frame: Fukuchi's at 75 and 50 Hz, Hamner's at 50 and 33
     * Hz): no session whose cadence is more than 2 steps/min or whose mean contact time is more than 25 ms off may be
     * called good, and the {@code sampling_rate} check must doubt the 33 Hz ones and pass the others.
     */
    @Test
    void markersAtLowerRates() throws IOException {
        SharedData.require(FUKUCHI);
        StringBuilder sb = new StringBuilder("\nMarkers at lower rates against force-plate contacts\n");
        sb.append(String.format(Locale.ROOT, "%-6s ", "Hz")).append(header()).append("  verdict\n");
        List<String> failures = new ArrayList<>();
        for (Trial t : TRIALS) {
            Path dir = SharedData.root().resolve(t.dataset());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<String> lines = Files.readAllLines(dir.resolve(t.file()));
            for (int every : new int[] {2, 3}) {
                StringBuilder kept = new StringBuilder(lines.get(0)).append('\n');
                for (int i = 1; i < lines.size(); i += every) {
                    kept.append(lines.get(i)).append('\n');
                }
                Path f = tmp.resolve(every + "_" + t.file());
                Files.writeString(f, kept);
                SessionResult s = pipeline.analyse(f, t.file(), "s");
                Row r = compare(t, refs(dir.resolve(t.contacts())), s, 0);
                sb.append(String.format(Locale.ROOT, "%-6.0f ", s.samplingRateHz())).append(line(r)).append("  ")
                        .append(s.quality().verdict().label()).append('\n');
                String at = String.format(Locale.ROOT, "%s at %.0f Hz", t.file(), s.samplingRateHz());
                boolean off = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
                if (off && s.quality().verdict() == Quality.GOOD) {
                    failures.add(at + ": off and called good");
                }
                boolean doubted = s.quality().checks().stream().anyMatch(c -> c.id().equals("sampling_rate") && c.failed());
                if (doubted != s.samplingRateHz() < 49) {
                    failures.add(at + ": sampling_rate " + (doubted ? "doubts" : "passes"));
                }
            }
        }
        System.out.print(sb);
        assertThat(failures).as(sb.toString()).isEmpty();
    }

    /**
     * The strike class of Hamner's runner from the force itself: the centre of pressure in the first 5 ms of each
     * contact as a fraction of the heel (CAL) → toe (TOE) marker distance at that moment (Cavanagh &amp; Lafortune
     * 1980 strike index: below 1/3 rearfoot).
     */
    @Test
    void hamnerStrikeIndexFromTheForce() throws IOException {
        Path dir = SharedData.require(HAMNER);
        StringBuilder sb = new StringBuilder("\nHamner & Delp 2013 subject 1, strike index from the force plate\n");
        for (int speed = 2; speed <= 5; speed++) {
            List<String> lines = Files.readAllLines(dir.resolve("Run_" + speed + "0002_GRF_newCOP3_v24.mot"));
            int h = lines.indexOf(lines.stream().filter(l -> l.trim().equals("endheader")).findFirst().orElseThrow()) + 1;
            List<String> cols = List.of(lines.get(h).trim().split("\\s+"));
            double[][] grf = lines.subList(h + 1, lines.size()).stream().filter(l -> !l.isBlank())
                    .map(l -> java.util.Arrays.stream(l.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
            MarkerCamera.Tracks tr = MarkerCamera.landmarks(dir.resolve("Run_" + speed + "0002_markers.csv"));
            List<Double> si = new ArrayList<>();
            for (Ref ref : refs(dir.resolve("Run_" + speed + "0002_contacts_from_vgrf.csv"))) {
                String px = cols.stream().filter(c -> c.endsWith("ground_force_px") && (ref.side() == Side.LEFT
                        ? c.startsWith("l_") || c.startsWith("L_") : !(c.startsWith("l_") || c.startsWith("L_"))))
                        .findFirst().orElseThrow();
                int k = 0;
                while (grf[k][0] < ref.icS()) {
                    k++;
                }
                double cop = 0;
                for (int q = k; q < k + 5; q++) {
                    cop += grf[q][cols.indexOf(px)] / 5;
                }
                int i = 0;
                while (tr.timeS()[i] < ref.icS()) {
                    i++;
                }
                double heel = tr.points().get(org.gaitform.kinematics.Landmark.of("HEEL", ref.side()))[0][i];
                double toe = tr.points().get(org.gaitform.kinematics.Landmark.of("TOE", ref.side()))[0][i];
                si.add((cop - heel) / (toe - heel));
            }
            double mean = si.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            sb.append(String.format(Locale.ROOT, "%d m/s: strike index %.2f (%d contacts)%n", speed, mean, si.size()));
            assertThat(mean).as("rearfoot at %d m/s", speed).isLessThan(1.0 / 3);
        }
        System.out.print(sb);
    }
}
