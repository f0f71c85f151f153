package org.gaitform.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.events.ForceContactSettings;
import org.gaitform.io.force.ForceReadOptions;
import org.gaitform.io.force.ForceRecording;
import org.gaitform.io.force.ForceTableReader;
import org.gaitform.io.force.ForceUnit;
import org.gaitform.model.Side;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The force → contacts derivation reproduces the shipped reference files exactly (same samples, same feet, same
 * counts as their READMEs): Alcantara et al. 2022 (0.05 BW, 270 contacts over 18 trials), Fukuchi et al. 2017
 * (50 N, 77 / 74 / 84 / 81 contacts) and Hamner &amp; Delp 2013 (50 N per foot, 14 / 13 / 14 / 12 contacts with
 * their feet). Each README: 30 ms debounce, first and last partial contacts dropped.
 */
class ForceReferenceRealDataTest {
    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static Reference derive(Path file, ForceReadOptions o) throws IOException {
        ForceRecording f = new ForceTableReader().read(file, file.getFileName().toString(), o);
        return ForceReferences.contacts(f, null, ForceContactSettings.DEFAULTS, OptionalDouble.empty());
    }

    @Test
    void alcantaraContactsFromTheGrfColumn() throws IOException {
        Path dir = SharedData.require("alcantara2022-sacral-imu-treadmill");
        Map<String, List<double[]>> expected = new TreeMap<>();
        for (CSVRecord r : rows(dir.resolve("reference_contacts_from_grf.csv"))) {
            expected.computeIfAbsent(r.get("file"), k -> new ArrayList<>()).add(new double[] {
                Double.parseDouble(r.get("ic_sample")), Double.parseDouble(r.get("to_sample"))});
        }
        int total = 0;
        for (Map.Entry<String, List<double[]>> e : expected.entrySet()) {
            ForceRecording f = new ForceTableReader().read(dir.resolve("trials").resolve(e.getKey()), e.getKey(),
                    ForceReadOptions.DEFAULTS);
            assertThat(f.unit()).isEqualTo(ForceUnit.BODY_WEIGHT);
            assertThat(f.samplingRateHz()).isEqualTo(500.0);
            Reference ref = ForceReferences.contacts(f, null, ForceContactSettings.DEFAULTS, OptionalDouble.empty());
            assertThat(ref.contacts()).as(e.getKey()).hasSameSizeAs(e.getValue());
            for (int i = 0; i < e.getValue().size(); i++) {
                assertThat(ref.contacts().get(i).icS() * 500).as(e.getKey() + " IC " + i)
                        .isCloseTo(e.getValue().get(i)[0], within(1e-6));
                assertThat(ref.contacts().get(i).toS() * 500).as(e.getKey() + " TO " + i)
                        .isCloseTo(e.getValue().get(i)[1], within(1e-6));
            }
            total += ref.contacts().size();
        }
        assertThat(expected).hasSize(18);
        assertThat(total).isEqualTo(270);
    }

    @Test
    void fukuchiContactsFromTheTreadmillForce() throws IOException {
        Path dir = SharedData.require("fukuchi2017-treadmill-markers");
        Map<String, Integer> counts = Map.of("RBDS001runT25", 77, "RBDS002runT25", 74, "RBDS002runT45", 84,
                "RBDS008runT35", 81);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
            Reference ref = derive(dir.resolve(e.getKey() + "forces.txt"), ForceReadOptions.DEFAULTS.withRateHz(300));
            List<CSVRecord> exp = rows(dir.resolve(e.getKey() + "_contacts_from_vgrf.csv"));
            assertThat(ref.contacts()).as(e.getKey()).hasSize(e.getValue()).hasSameSizeAs(exp);
            for (int i = 0; i < exp.size(); i++) {
                assertThat(ref.contacts().get(i).icS() * 300).isCloseTo(Double.parseDouble(exp.get(i)
                        .get("ic_force_sample")), within(1e-6));
                assertThat(ref.contacts().get(i).toS() * 300).isCloseTo(Double.parseDouble(exp.get(i)
                        .get("to_force_sample")), within(1e-6));
                assertThat(ref.contacts().get(i).side()).isEqualTo(Side.UNKNOWN);
            }
            sb.append(String.format(Locale.ROOT, "%s %d contacts, cadence %.1f, GCT %.1f ms%n", e.getKey(),
                    ref.contacts().size(), ref.referenceCadenceSpm(), ref.referenceContactMs()));
        }
        System.out.print(sb);
    }

    @Test
    void hamnerContactsPerFootFromTheMotFile() throws IOException {
        Path dir = SharedData.require("hamner2013-running-markers-grf");
        Map<String, Integer> counts = Map.of("Run_20002", 14, "Run_30002", 13, "Run_40002", 14, "Run_50002", 12);
        for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
            Reference ref = derive(dir.resolve(e.getKey() + "_GRF_newCOP3_v24.mot"), ForceReadOptions.DEFAULTS);
            List<CSVRecord> exp = rows(dir.resolve(e.getKey() + "_contacts_from_vgrf.csv"));
            assertThat(ref.contacts()).as(e.getKey()).hasSize(e.getValue()).hasSameSizeAs(exp);
            for (int i = 0; i < exp.size(); i++) {
                assertThat(ref.contacts().get(i).icS()).isCloseTo(Double.parseDouble(exp.get(i).get("ic_time_s")),
                        within(1e-6));
                assertThat(ref.contacts().get(i).toS()).isCloseTo(Double.parseDouble(exp.get(i).get("to_time_s")),
                        within(1e-6));
                assertThat(ref.contacts().get(i).side()).isEqualTo(exp.get(i).get("foot").equals("L") ? Side.LEFT
                        : Side.RIGHT);
            }
        }
    }
}
