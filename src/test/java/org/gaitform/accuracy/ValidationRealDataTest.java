package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.agreement.ReferenceOptions;
import org.gaitform.batch.ValidationListener;
import org.gaitform.batch.ValidationOptions;
import org.gaitform.batch.ValidationRunner;
import org.gaitform.cli.GaitformCli;
import org.gaitform.support.CsvRows;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gaitform validate} on the shared recordings with a reference: the reference-derived counts of each folder's
 * README are reproduced (Alcantara 270 contacts over 18 trials; Fukuchi subjects 1, 2 and 8: 77, 74, 84, 81; Hamner
 * 14, 13, 14, 12 with their feet; gaitmap 57 strides), the reference cadences match the READMEs' tables, and the bias,
 * SD and limits of agreement in agreement.csv agree with a plain recomputation from agreement-events.csv.
 */
class ValidationRealDataTest {
    private static final String HAMNER_LANDMARKS = "--landmark heel_left=LCAL --landmark heel_right=RCAL "
            + "--landmark toe_left=LTOE --landmark toe_right=RTOE --landmark asis_left=LASI --landmark asis_right=RASI "
            + "--landmark psis_left=LPSI --landmark psis_right=RPSI";

    @Test
    void reproducesTheReferenceCountsAndItsStatisticsAreRecomputable(@TempDir Path dir) throws IOException {
        Path alc = SharedData.require("alcantara2022-sacral-imu-treadmill");
        Path fuk = SharedData.require("fukuchi2017-treadmill-markers");
        Path ham = SharedData.require("hamner2013-running-markers-grf");
        Path gm = SharedData.require("gaitmap-foot-imu-walking");
        StringBuilder index = new StringBuilder("file,reference,reference_rate_hz\n");
        List<Path> trials = new ArrayList<>();
        try (var s = Files.list(alc.resolve("trials"))) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(trials::add);
        }
        trials.forEach(t -> index.append(t.toAbsolutePath()).append(',').append(t.toAbsolutePath()).append(",\n"));
        List<Path> fukuchi = new ArrayList<>();
        for (String t : List.of("RBDS001runT25", "RBDS002runT25", "RBDS002runT45", "RBDS008runT35")) {
            fukuchi.add(fuk.resolve(t + "markers.txt"));
            index.append(fuk.resolve(t + "markers.txt").toAbsolutePath()).append(',')
                    .append(fuk.resolve(t + "forces.txt").toAbsolutePath()).append(",300\n");
        }
        List<Path> hamner = new ArrayList<>();
        for (String t : List.of("Run_20002", "Run_30002", "Run_40002", "Run_50002")) {
            hamner.add(ham.resolve(t + "_markers.csv"));
            index.append(ham.resolve(t + "_markers.csv").toAbsolutePath()).append(',')
                    .append(ham.resolve(t + "_GRF_newCOP3_v24.mot").toAbsolutePath()).append(",\n");
        }
        index.append(gm.resolve("imu_sample.csv").toAbsolutePath()).append(',')
                .append(gm.resolve("stride_events_sample.csv").toAbsolutePath()).append(",\n");
        Path idx = dir.resolve("index.csv");
        Files.writeString(idx, index.toString());
        List<ValidationRunner.Job> jobs = List.of(
                new ValidationRunner.Job(trials, GaitformCli.analysisSettings(List.of())),
                new ValidationRunner.Job(fukuchi, GaitformCli.analysisSettings(List.of())),
                new ValidationRunner.Job(hamner, GaitformCli.analysisSettings(List.of(HAMNER_LANDMARKS.split(" ")))),
                new ValidationRunner.Job(List.of(gm.resolve("imu_sample.csv")),
                        GaitformCli.analysisSettings(List.of("--rate", "204.8"))));
        ValidationOptions o = new ValidationOptions(40, List.of(List.of("input_kind")), 2, List.of(),
                ReferenceOptions.DEFAULTS, false);
        Path out = dir.resolve("out");
        ValidationRunner.Result res = new ValidationRunner("test", o).run(jobs, List.of(idx), out, ValidationListener.SILENT);
        assertThat(res.report().failures()).isEmpty();
        List<Map<String, String>> rows = CsvRows.parse(Files.readString(out.resolve("agreement.csv")));
        Map<String, Map<String, String>> rec = new LinkedHashMap<>();
        rows.stream().filter(r -> r.get("level").equals("recording"))
                .forEach(r -> rec.put(Path.of(r.get("recording")).getFileName().toString(), r));
        // counts of the READMEs
        int alcantara = 0;
        for (Path t : trials) {
            alcantara += Integer.parseInt(rec.get(t.getFileName().toString()).get("ic_ref_n"));
        }
        assertThat(alcantara).isEqualTo(270);
        Map<String, Integer> counts = Map.of("RBDS001runT25markers.txt", 77, "RBDS002runT25markers.txt", 74,
                "RBDS002runT45markers.txt", 84, "RBDS008runT35markers.txt", 81, "Run_20002_markers.csv", 14,
                "Run_30002_markers.csv", 13, "Run_40002_markers.csv", 14, "Run_50002_markers.csv", 12,
                "imu_sample.csv", 57);
        counts.forEach((f, n) -> assertThat(Integer.parseInt(rec.get(f).get("ic_ref_n"))).as(f).isEqualTo(n));
        // the READMEs' cadences (first to last initial contact)
        Map<String, Double> cadence = Map.of("RBDS001runT25markers.txt", 156.8, "RBDS002runT25markers.txt", 150.1,
                "RBDS002runT45markers.txt", 168.6, "RBDS008runT35markers.txt", 162.2, "Run_20002_markers.csv", 156.0,
                "Run_30002_markers.csv", 167.7, "Run_40002_markers.csv", 174.3, "Run_50002_markers.csv", 193.3);
        // when gaitform's running bouts leave a reference contact out (at a trial's start or end), the reference cadence
        // is taken over the contacts inside them, as the message says: close to the README's, not equal
        cadence.forEach((f, c) -> assertThat(Double.parseDouble(rec.get(f).get("cadence_ref_spm"))).as(f + ": "
                + rec.get(f).get("message")).isCloseTo(c, within(rec.get(f).get("message").contains("outside gaitform's")
                ? 1.0 : 0.06)));
        // per-foot force gives the feet: every Hamner contact has one
        for (String f : List.of("Run_20002_markers.csv", "Run_30002_markers.csv", "Run_40002_markers.csv",
                "Run_50002_markers.csv")) {
            Map<String, String> r = rec.get(f);
            assertThat(Integer.parseInt(r.get("sides_known_n"))).as(f).isEqualTo(Integer.parseInt(r.get("ic_matched_n")));
        }
        // bias, SD and limits recomputed from the event rows
        List<Map<String, String>> events = CsvRows.parse(Files.readString(out.resolve("agreement-events.csv")));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-28s %5s %8s %8s %8s%n", "recording",
                "n", "bias ms", "SD ms", "LoA ms"));
        List<Double> pooled = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : rec.entrySet()) {
            List<Double> err = new ArrayList<>();
            for (Map<String, String> ev : events) {
                if (Path.of(ev.get("recording")).getFileName().toString().equals(e.getKey()) && ev.get("event").equals("ic")
                        && ev.get("status").equals("matched")) {
                    err.add(Double.parseDouble(ev.get("error_ms")));
                }
            }
            pooled.addAll(err);
            double[] s = plainStats(err);
            Map<String, String> r = e.getValue();
            assertThat(Integer.parseInt(r.get("ic_matched_n"))).isEqualTo(err.size());
            if (err.size() >= 2) {
                // the event rows carry errors rounded to 0.1 ms: agree within that rounding
                assertThat(Double.parseDouble(r.get("ic_bias_ms"))).as(e.getKey()).isCloseTo(s[0], within(0.1));
                assertThat(Double.parseDouble(r.get("ic_sd_ms"))).as(e.getKey()).isCloseTo(s[1], within(0.1));
                assertThat(Double.parseDouble(r.get("ic_loa_low_ms"))).isCloseTo(s[0] - 1.96 * s[1], within(0.2));
                assertThat(Double.parseDouble(r.get("ic_loa_high_ms"))).isCloseTo(s[0] + 1.96 * s[1], within(0.2));
            }
            table.append(String.format(Locale.ROOT, "%-28s %5d %+8.1f %8.1f %+4.0f…%+4.0f%n", e.getKey(), err.size(), s[0],
                    s[1], s[0] - 1.96 * s[1], s[0] + 1.96 * s[1]));
        }
        Map<String, String> all = rows.stream().filter(r -> r.get("group").equals("all")).findFirst().orElseThrow();
        double[] p = plainStats(pooled);
        assertThat(Double.parseDouble(all.get("ic_bias_ms"))).isCloseTo(p[0], within(0.05));
        assertThat(Double.parseDouble(all.get("ic_sd_ms"))).isCloseTo(p[1], within(0.05));
        System.out.print(table);
    }

    /** Mean and sample SD with plain loops. */
    private static double[] plainStats(List<Double> x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = x.isEmpty() ? Double.NaN : sum / x.size();
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, x.size() < 2 ? Double.NaN : Math.sqrt(ss / (x.size() - 1))};
    }
}
