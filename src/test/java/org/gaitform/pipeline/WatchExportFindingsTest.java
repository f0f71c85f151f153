package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.SessionResult;
import org.gaitform.support.FitRunFile;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch files of issue 14's findings, rebuilt with the same field definitions and units as the devices write
 * them, read right: Stryd's oscillation in {@code Centimeters}, a CSV's {@code [Centimeters]}, seconds, millimetres
 * and metres per minute, fields that only start like contact time, developer power and heart rate, a research export
 * with two devices' running dynamics, RunScribe's v1 fields, an {@code activity_type} column.
 */
class WatchExportFindingsTest {
    static final long START = 1_718_000_000L; // 2024-06-10
    static final String STRYD_APP = "660a581e5301460c8f2f034c8b6dc90f";
    static final String RUNSCRIBE_APP = "502092b3b0dd45ad89b3472ab2060ab6";

    @TempDir
    Path tmp;

    private SessionResult analyse(Path p) {
        return new SessionPipeline(AnalysisSettings.defaults()).analyse(p, p.getFileName().toString(), "s");
    }

    private SessionResult fit(String name, FitRunFile f) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, f.bytes());
        return analyse(p);
    }

    private SessionResult csv(String name, String text) throws IOException {
        return analyse(TempDirs.write(tmp, name, text));
    }

    private static Finding finding(SessionResult r, String id) {
        return r.findings().stream().filter(f -> f.guidelineId().equals(id)).findFirst().orElseThrow();
    }

    private static String decision(SessionResult r, String key) {
        return r.decisions().stream().filter(d -> d.key().equals(key)).map(d -> d.value() + " — " + d.reason())
                .findFirst().orElse("");
    }

    /** A 20-minute run at 3.8 m/s and 176 steps/min whose dynamics come only from Stryd's Connect IQ field. */
    private static FitRunFile strydRun() {
        return new FitRunFile(START, 1200).speed(i -> 3.8).cadenceStrides(i -> 88).heartRate(i -> 172)
                .app(0, STRYD_APP, 95)
                .dev(0, 0, "Power", "Watts", FitRunFile.UINT16, i -> 360 + 10 * Math.sin(i / 30.0))
                .dev(0, 2, "Cadence", "RPM", FitRunFile.UINT8, i -> 88)
                .dev(0, 3, "Ground Time", "Milliseconds", FitRunFile.UINT16, i -> 240)
                .dev(0, 4, "Vertical Oscillation", "Centimeters", FitRunFile.FLOAT32, i -> 11.6 + 0.2 * Math.sin(i / 17.0))
                .dev(0, 7, "Elevation", "Meters", FitRunFile.UINT16, i -> 100)
                .dev(0, 8, "Form Power", "Watts", FitRunFile.UINT16, i -> 80)
                .dev(0, 9, "Leg Spring Stiffness", "kN/m", FitRunFile.FLOAT32, i -> 11.2);
    }

    @Test
    void strydsOscillationInCentimetersIsReadAsCentimetres() throws IOException {
        SessionResult r = fit("stryd.fit", strydRun());
        assertThat(r.metric("vertical_oscillation_cm")).isCloseTo(11.6, within(0.05));
        // 11.6 cm over a 3.8 × 60 / 176 = 1.295 m step
        assertThat(r.metric("vertical_ratio_pct")).isCloseTo(100 * 0.116 / (3.8 * 60 / 176), within(0.1));
        assertThat(finding(r, "R8b").status()).as("11.6 cm is outside the 10 cm band and above 11.5")
                .isEqualTo(FindingStatus.OUTSIDE);
        assertThat(finding(r, "R8c").status()).isEqualTo(FindingStatus.WATCH);
        assertThat(r.metric("contact_ms")).isCloseTo(240, within(0.5));
        assertThat(r.info()).containsEntry("dynamics_device", "stryd");
        assertThat(decision(r, "developer_fields")).contains("Vertical Oscillation (Centimeters) → stryd "
                + "vertical_oscillation_mm (named by its unit 'Centimeters')");
    }

    @Test
    void developerPowerAndHeartRateReachTheSummary() throws IOException {
        SessionResult r = fit("stryd.fit", strydRun());
        assertThat(r.metric("power_w")).isCloseTo(360, within(1.0));
        assertThat(r.metric("heart_rate_bpm")).isCloseTo(172, within(0.01));
        assertThat(decision(r, "power_w_source")).startsWith("stryd — the power of Stryd foot pod");
        // Garmin Running Power's Connect IQ field beside a watch with native running dynamics
        FitRunFile rp = new FitRunFile(START, 900).speed(i -> 3.0).cadenceStrides(i -> 82).heartRate(i -> 150)
                .nativeField("stance_time", i -> 262).nativeField("vertical_oscillation", i -> 86)
                .app(0, "07a19e10580f4adf868eccb7b872b08b", 1)
                .dev(0, 0, "Power", "W", FitRunFile.UINT16, i -> 202);
        SessionResult g = fit("garmin_rp.fit", rp);
        assertThat(g.metric("power_w")).isCloseTo(202, within(0.5));
        assertThat(g.metric("heart_rate_bpm")).isCloseTo(150, within(0.01));
        assertThat(decision(g, "power_w_source")).startsWith("garmin_rp — the power of Garmin Running Power");
        // the native field wins over a developer one, and the other is kept beside it
        FitRunFile both = strydRun().nativePower(i -> 300);
        SessionResult b = fit("both.fit", both);
        assertThat(b.metric("power_w")).isCloseTo(300, within(0.5));
        assertThat(b.metric("stryd_power_w")).isCloseTo(360, within(1.0));
        assertThat(decision(b, "power_w_source")).contains("also in the export: Stryd foot pod");
    }

    @Test
    void aCsvWithCentimetersSecondsMillimetersAndMetresPerMinuteIsReadInItsUnits() throws IOException {
        StringBuilder sb = new StringBuilder("Timestamp,Speed [m/min],Cadence (spm),Ground Time [sec],"
                + "Vertical Oscillation [Centimeters],Step Length (Millimeters),stance_time_balance,stance_time_percent,"
                + "Heart Rate\n");
        for (int i = 0; i <= 1200; i++) {
            sb.append(String.format(Locale.ROOT, "%d,%.1f,176,0.240,11.6,1295,50.6,38.2,165%n", START + i, 3.8 * 60));
        }
        SessionResult r = csv("export.csv", sb.toString());
        assertThat(r.metric("speed_mps")).as("m/min, not mph").isCloseTo(3.8, within(0.01));
        assertThat(r.metric("contact_ms")).as("[sec] is seconds").isCloseTo(240, within(0.1));
        assertThat(r.metric("vertical_oscillation_cm")).isCloseTo(11.6, within(0.01));
        assertThat(r.metric("step_length_m")).as("Millimeters").isCloseTo(1.295, within(0.001));
        assertThat(r.metric("contact_balance_left_pct")).as("balance is not contact time").isCloseTo(50.6, within(0.01));
        assertThat(r.metric("stance_time_pct")).as("stance % is not contact time").isCloseTo(38.2, within(0.01));
        assertThat(finding(r, "R8b").status()).isEqualTo(FindingStatus.OUTSIDE);
        // (seconds) and ms read the same
        SessionResult s = csv("seconds.csv", sb.toString().replace("Ground Time [sec]", "Ground Time (seconds)"));
        assertThat(s.metric("contact_ms")).isCloseTo(240, within(0.1));
    }

    @Test
    void aResearchExportKeepsEveryDevicesRunningDynamics() throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,distance,speed,cadence,heart_rate,hrm_stance_time,"
                + "hrm_stance_time_balance,hrm_vertical_oscillation,hrm_vertical_ratio,hrm_step_length,stryd_stance_time,"
                + "stryd_vertical_oscillation,stryd_power\n");
        for (int i = 0; i <= 1500; i++) {
            double gct = 265 + 5 * Math.sin(i / 40.0);
            sb.append(String.format(Locale.ROOT, "%d,%.1f,3.2,168,158,%.1f,49.6,85.8,7.2,1143,%.1f,7.64,270%n",
                    START + i, 3.2 * i, gct, gct + 20));
        }
        SessionResult r = csv("research.csv", sb.toString());
        assertThat(r.metric("contact_ms")).as("the chest strap drives the findings").isCloseTo(265, within(0.5));
        assertThat(r.metric("contact_balance_left_pct")).isCloseTo(49.6, within(0.01));
        assertThat(finding(r, "R3").status()).isNotEqualTo(FindingStatus.NOT_MEASURABLE);
        assertThat(finding(r, "R10").status()).isNotEqualTo(FindingStatus.NOT_MEASURABLE);
        assertThat(r.metric("vertical_oscillation_cm")).isCloseTo(8.58, within(0.01));
        assertThat(r.metric("stryd_contact_ms")).isCloseTo(285, within(0.5));
        assertThat(r.metric("stryd_vertical_oscillation_cm")).isCloseTo(7.64, within(0.01));
        assertThat(r.metric("difference_stryd_contact_ms")).isCloseTo(20, within(0.01));
        assertThat(r.metric("difference_stryd_vertical_oscillation_cm")).isCloseTo(-0.94, within(0.01));
        assertThat(r.info()).containsEntry("dynamics_device", "hrm").containsEntry("dynamics_devices", "hrm,stryd");
        assertThat(decision(r, "dynamics_device")).contains("drives the findings").contains("Garmin")
                .contains("shown beside it");
        assertThat(r.info().get("dynamics_devices_note")).contains("contact time +20 ms")
                .contains("define ground contact differently");
        // the user can choose the other device
        SessionResult s = new SessionPipeline(AnalysisSettings.defaults().withWatchDynamicsDevice("stryd"))
                .analyse(tmp.resolve("research.csv"), "research.csv", "s");
        assertThat(s.metric("contact_ms")).isCloseTo(285, within(0.5));
        assertThat(s.metric("hrm_contact_ms")).isCloseTo(265, within(0.5));
        assertThat(decision(s, "dynamics_device")).contains("--dynamics-device stryd");
    }

    /** RunScribe's v1 data field: no field names, numbers 12–18 (both feet averaged) in its source's layout. */
    private static FitRunFile runScribeV1(boolean perFoot) {
        FitRunFile f = new FitRunFile(START, 1200).speed(i -> 3.3).cadenceStrides(i -> 85).heartRate(i -> 160)
                .app(0, RUNSCRIBE_APP, 0);
        if (perFoot) {
            f.dev(0, 0, "", "G", FitRunFile.FLOAT32, i -> 1.1).dev(0, 1, "", "G", FitRunFile.FLOAT32, i -> 9.0)
                    .dev(0, 2, "", "", FitRunFile.UINT8, i -> 4).dev(0, 3, "", "D", FitRunFile.SINT16, i -> 10)
                    .dev(0, 5, "", "ms", FitRunFile.SINT16, i -> 230)
                    .dev(0, 6, "", "G", FitRunFile.FLOAT32, i -> 1.3).dev(0, 7, "", "G", FitRunFile.FLOAT32, i -> 11.0)
                    .dev(0, 8, "", "", FitRunFile.UINT8, i -> 8).dev(0, 9, "", "D", FitRunFile.SINT16, i -> 12)
                    .dev(0, 11, "", "ms", FitRunFile.SINT16, i -> 236);
        } else {
            f.dev(0, 12, "", "G", FitRunFile.FLOAT32, i -> 1.2).dev(0, 13, "", "G", FitRunFile.FLOAT32, i -> 10.0)
                    .dev(0, 14, "", "", FitRunFile.UINT8, i -> i < 600 ? 4 : 8)
                    .dev(0, 15, "", "D", FitRunFile.SINT16, i -> 11).dev(0, 16, "", "%", FitRunFile.UINT8, i -> 31)
                    .dev(0, 17, "", "ms", FitRunFile.SINT16, i -> 233).dev(0, 18, "", "W", FitRunFile.SINT16, i -> 250);
        }
        return f;
    }

    @Test
    void runScribesV1FieldsAreNamedAndUsedWhereTheArticlesSpeak() throws IOException {
        SessionResult r = fit("runscribe.fit", runScribeV1(false));
        assertThat(r.metric("impact_g")).isCloseTo(10.0, within(1e-4));
        assertThat(r.metric("braking_g")).isCloseTo(1.2, within(1e-4));
        assertThat(r.metric("pronation_deg")).isCloseTo(11, within(1e-9));
        assertThat(r.metric("flight_ratio_pct")).isCloseTo(31, within(1e-9));
        assertThat(r.metric("contact_ms")).isCloseTo(233, within(0.01));
        assertThat(r.metric("power_w")).isCloseTo(250, within(0.01));
        assertThat(r.metric("rearfoot_strike_pct")).isCloseTo(50, within(0.5));
        assertThat(r.metric("midfoot_strike_pct")).isCloseTo(50, within(0.5));
        assertThat(r.info()).containsEntry("dynamics_device", "runscribe");
        assertThat(finding(r, "R8d").status()).isEqualTo(FindingStatus.REPORTED);
        assertThat(finding(r, "R8d").message()).contains("10.0 g");
        assertThat(finding(r, "R7b").status()).isEqualTo(FindingStatus.REPORTED);
        assertThat(finding(r, "R7b").message()).contains("heel").contains("1–16");
        assertThat(r.traces()).noneMatch(t -> t.name().matches(".*developer_\\d+_\\d+.*"));
        // per foot (fields 0–11): left and right kept, both feet averaged
        SessionResult f = fit("runscribe_lr.fit", runScribeV1(true));
        assertThat(f.metric("impact_g_left")).isCloseTo(9.0, within(1e-4));
        assertThat(f.metric("impact_g_right")).isCloseTo(11.0, within(1e-4));
        assertThat(f.metric("impact_g")).isCloseTo(10.0, within(1e-4));
        assertThat(f.metric("contact_ms")).isCloseTo(233, within(0.01));
        assertThat(f.metric("foot_strike_type")).isCloseTo(6, within(1e-9));
        assertThat(f.metric("braking_g_left")).isCloseTo(1.1, within(1e-4));
        assertThat(f.metric("rearfoot_strike_pct")).as("the left foot's heel landings, not the mean of both feet")
                .isCloseTo(50, within(0.5));
        assertThat(f.metric("midfoot_strike_pct")).isCloseTo(50, within(0.5));
    }

    @Test
    void theCsvsActivityTypeColumnDecidesWhatIsRunning() throws IOException {
        // 20 min running at 170 steps/min and 260 ms; 3 × 1 min of brisk walking at 142 steps/min and 330 ms, which
        // cadence alone would take for running
        StringBuilder sb = new StringBuilder("timestamp,speed,cadence,stance_time,activity_type\n");
        for (int i = 0; i <= 1380; i++) {
            boolean walk = i % 460 >= 400;
            sb.append(String.format(Locale.ROOT, "%d,%.1f,%d,%d,%s%n", START + i, walk ? 1.9 : 3.2, walk ? 142 : 170,
                    walk ? 330 : 260, walk ? "walking" : "running"));
        }
        SessionResult r = csv("activity.csv", sb.toString());
        assertThat(r.metric("running_s")).isCloseTo(1200, within(3.0));
        assertThat(r.metric("walking_s")).isCloseTo(180, within(3.0));
        assertThat(r.metric("contact_ms")).isCloseTo(260, within(0.5));
        assertThat(decision(r, "activity_source")).contains("running").contains("walking");
        // without the column the walking would count as running
        SessionResult without = csv("no_activity.csv", sb.toString().replaceAll(",(running|walking)\n", "\n")
                .replace(",activity_type\n", "\n"));
        assertThat(without.metric("running_s")).isGreaterThan(1300);
    }

    /** The same run as a foot pod's CSV (its elevation) and a watch's GPX (GPS elevation with its own errors). */
    private SessionResult[] sameRunTwoWays(String name, java.util.function.DoubleUnaryOperator course) throws IOException {
        java.util.Random rnd = new java.util.Random(14);
        int seconds = 2200;
        StringBuilder csv = new StringBuilder("Timestamp,Distance (m),Speed (m/s),Cadence,Ground Time,Elevation\n");
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"t\" "
                + "xmlns=\"http://www.topografix.com/GPX/1/1\" "
                + "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n<trk><type>running</type>"
                + "<trkseg>\n");
        double d = 0;
        for (int i = 0; i <= seconds; i++) {
            double truth = course.applyAsDouble(d);
            boolean down = course.applyAsDouble(d + 20) < truth - 0.2;
            double speed = down ? 3.5 : 3.2;
            int cadence = down ? 164 : 170;
            // the foot pod: a slow barometric drift and 0.2 m steps; GPS: second-to-second jitter and one dip of 9 m
            // where the signal bounced off buildings (2.1–2.42 km)
            double pod = Math.round((truth - 4.0 * i / seconds) * 5) / 5.0;
            double gps = truth + rnd.nextGaussian() * 1.5 - (d > 2100 && d < 2420 ? 9 : 0);
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%.2f,%d,250,%.1f%n", START + i, d, speed, cadence, pod));
            gpx.append(String.format(Locale.ROOT, "<trkpt lat=\"%.7f\" lon=\"7.0\"><ele>%.1f</ele><time>%s</time>"
                    + "<extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>%d</gpxtpx:cad></gpxtpx:TrackPointExtension>"
                    + "</extensions></trkpt>%n", 46 + d / 111195.0, gps, java.time.Instant.ofEpochSecond(START + i),
                    cadence / 2));
            d += speed;
        }
        gpx.append("</trkseg></trk></gpx>\n");
        return new SessionResult[] {csv(name + ".csv", csv.toString()), analyse(TempDirs.write(tmp, name + ".gpx",
                gpx.toString()))};
    }

    @Test
    void theSameRunFromAFootPodsCsvAndAGpxGetsTheSameDownhillVerdict() throws IOException {
        // flat: neither the foot pod's drift nor the GPS dip makes a downhill
        SessionResult[] flat = sameRunTwoWays("flat", x -> 100);
        for (SessionResult r : flat) {
            assertThat(r.metric("downhill_cadence_change_pct")).as(r.source()).isNaN();
            assertThat(decision(r, "downhill_comparison")).as(r.source()).startsWith("not made");
        }
        // the GPS dip makes one 250 m stretch look downhill: too little to judge downhill running on
        assertThat(decision(flat[1], "downhill_comparison")).contains("only 250 m of downhill");
        // rolling: 1 km up 30 m, 1 km down, 1 km flat — both find the descents and the same cadence drop
        SessionResult[] hills = sameRunTwoWays("hills", x -> {
            double p = x % 3000;
            return 100 + (p < 1000 ? 0.03 * p : p < 2000 ? 30 - 0.03 * (p - 1000) : 0);
        });
        for (SessionResult r : hills) {
            assertThat(r.metric("downhill_cadence_change_pct")).as(r.source()).isCloseTo(100 * (164 - 170) / 170.0,
                    within(1.0));
        }
        assertThat(hills[0].metric("n_downhill_splits")).isEqualTo(hills[1].metric("n_downhill_splits"));
    }

    /**
     * Issue 14, "done when": the plausibility check (the quality verdict) would have caught the 1.2 cm oscillation.
     * The Stryd run of the finding is rebuilt as it was read before the fix — its oscillation taken as millimetres,
     * 11.6 read as 1.16 cm, over a 1.71 m step (4.5 m/s at 158 steps/min) a vertical ratio of 0.7 % — and the session
     * is no longer "good": the oscillation is outside its physical range for running (2-16 cm, plausible-ranges.csv:
     * a spring-mass runner rises and falls at least 2.4 cm at any plausible cadence and duty factor), and so is the
     * ratio (2-15 %); its own contact time and cadence say 9.6 cm (the spring-mass check); the checks name all three,
     * and the findings on them are shown but not judged (no green tick).
     */
    @Test
    void theOscillationReadTheOldWrongWayIsCaughtByTheQualityVerdict() throws IOException {
        FitRunFile wrong = new FitRunFile(START, 1200).speed(i -> 4.5).cadenceStrides(i -> 79).heartRate(i -> 172)
                .app(0, STRYD_APP, 95)
                .dev(0, 0, "Power", "Watts", FitRunFile.UINT16, i -> 360 + 10 * Math.sin(i / 30.0))
                .dev(0, 3, "Ground Time", "Milliseconds", FitRunFile.UINT16, i -> 240)
                // the old reader's reading of Stryd's "Centimeters": the values as millimetres
                .dev(0, 4, "Vertical Oscillation", "Millimeters", FitRunFile.FLOAT32, i -> 11.6 + 0.2 * Math.sin(i / 17.0));
        SessionResult r = fit("stryd_read_wrong.fit", wrong);
        assertThat(r.metric("vertical_oscillation_cm")).isCloseTo(1.16, within(0.01));
        assertThat(r.metric("vertical_ratio_pct")).isCloseTo(0.68, within(0.03));
        assertThat(r.quality().verdict()).as("quality verdict").isNotEqualTo(org.gaitform.model.Quality.GOOD)
                .isNotEqualTo(org.gaitform.model.Quality.NOT_ASSESSED);
        assertThat(r.quality().reasons()).as("quality_reasons").contains("Vertical oscillation 1.2 cm is implausible "
                + "for running (plausible 2.0–16.0 cm): a unit was read wrongly (mm as cm) or a landmark is wrong.",
                "Vertical ratio 0.7 % is implausible for running (plausible 2.0–15.0 %): the oscillation or the step "
                        + "length is wrong.");
        // and the flight time the contact time and cadence leave (g t²/8) says the same
        assertThat(r.quality().reasons()).anyMatch(reason -> reason.contains("yet the vertical oscillation is 1.2 cm"));
        // and so does the spring-mass runner with the session's own 240 ms of contact at 158 steps/min
        assertThat(r.quality().reasons()).anyMatch(reason -> reason.startsWith("The vertical oscillation, 1.2 cm, is 12 % "
                + "of the 9.6 cm that a spring-mass runner with 240 ms of contact at 158 steps/min rises and falls"));
        assertThat(r.quality().doubtfulMetrics()).contains("vertical_oscillation_cm", "vertical_ratio_pct");
        for (String id : new String[] {"R8b", "R8c"}) {
            Finding f = finding(r, id);
            assertThat(f.status()).as(id + ": shown, not judged within the band").isEqualTo(FindingStatus.NOT_JUDGED);
            assertThat(f.message()).as(id).contains("Not judged: doubtful measure.");
        }
        // the same run read right is good on these checks
        SessionResult right = fit("stryd.fit", strydRun());
        assertThat(right.quality().checks()).filteredOn(c -> c.id().equals("range_vertical_oscillation_cm")
                || c.id().equals("vertical_oscillation_spring_mass"))
                .hasSize(2).allMatch(c -> c.outcome() == org.gaitform.model.Quality.GOOD);
    }
}
