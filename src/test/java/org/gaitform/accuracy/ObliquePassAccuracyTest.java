package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.kinematics.SideViewScale;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.support.MarkerCamera;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real markers passing a still side camera square to it and obliquely ({@link SideViewScale}): Fukuchi's and Hamner's eight force-plate
 * trials turned into overground running at the belt's speed and filmed by a phone 6 m from the path (lens 1 m up,
 * focal length 1400 px, 1920 × 1080, 60 fps, 1 px of jitter; points outside the picture not detected) while the
 * runner passes from 35° on one side to 35° on the other — square to the camera, and with the path turned 15° so that
 * the runner comes closer while passing (Fukuchi's 30 s trials give three passes each, Hamner's three trials long
 * enough one each; 86 force-plate contacts). The contacts are compared with the force plates' within the pass.
 *
 * <p>Found with it: overground, the floor under the feet was one piecewise line through both feet's contacts, each at
 * the image height of its lowest point, which zigzags by the far foot's greater distance and by the heel and toe
 * points' own heights above the sole; the square passes' contact times were 26.6 ms off on average (RBDS001 67–69 ms
 * short), against 11.7 ms for the same stretches filmed on the treadmill. Each foot now has its own floor
 * ({@code FootClearanceEvents.ground}): 12.0 ms.
 */
class ObliquePassAccuracyTest {
    @TempDir
    Path tmp;

    static final double DISTANCE_M = 6;
    static final double HALF_PASS_DEG = 35;
    static final PinholeCamera PHONE = new PinholeCamera(PinholeCamera.Placement.SIDE, DISTANCE_M, 1.0, 1400, 1920,
            1080);

    @Test
    void anObliquePassIsMeasuredAsASquareOne() throws IOException {
        SharedData.require(MarkerEventAccuracyTest.FUKUCHI);
        double fps = 60;
        SessionPipeline pipeline = MarkerEventAccuracyTest.videoPipeline(fps);
        double halfM = DISTANCE_M * Math.tan(Math.toRadians(HALF_PASS_DEG));
        StringBuilder sb = new StringBuilder("\nReal markers passing a still side camera (6 m, 60 fps), square and 15° "
                + "off square, against force-plate contacts\n");
        sb.append(String.format(Locale.ROOT, "%-8s %-5s ", "path", "pass")).append(MarkerEventAccuracyTest.header())
                .append("  verdict   scale                floor tilt\n");
        List<String> failures = new ArrayList<>();
        int[] matched = new int[2];
        int[] refsTotal = new int[2];
        double[] sumAbsGct = new double[2];
        int[] sessions = new int[2];
        for (MarkerEventAccuracyTest.Trial t : MarkerEventAccuracyTest.TRIALS) {
            Path dir = SharedData.root().resolve(t.dataset());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            MarkerCamera.Tracks tr = MarkerCamera.landmarks(dir.resolve(t.file()));
            double[] time = tr.timeS();
            double passS = 2 * halfM / t.speedMps();
            List<MarkerEventAccuracyTest.Ref> all = MarkerEventAccuracyTest.refs(dir.resolve(t.contacts()));
            for (int pass = 0; pass < 3; pass++) {
                double fromS = time[0] + 0.5 + pass * (passS + 1);
                if (fromS + passS > time[time.length - 1]) {
                    break;
                }
                double from = fromS;
                List<MarkerEventAccuracyTest.Ref> refs = all.stream()
                        .filter(r -> r.icS() >= from + 0.2 && r.toS() <= from + passS - 0.2).toList();
                if (refs.size() < 4) {
                    continue;
                }
                for (int k = 0; k < 2; k++) {
                    double pathDeg = k == 0 ? 0 : 15;
                    String name = t.file().replaceAll("\\.(txt|csv)$", "") + "_pass" + pass + "_" + (k == 0 ? "square"
                            : "oblique") + ".csv";
                    Path f = tmp.resolve(name);
                    Files.writeString(f, MarkerCamera.keypointCsv(tr, PHONE, fps, t.speedMps(), 1, 11 + pass, fromS,
                            passS, 0, -halfM, pathDeg));
                    SessionResult s;
                    try {
                        s = pipeline.analyse(f, name, "s");
                    } catch (org.gaitform.model.GaitformException refused) {
                        sb.append(name).append(" refused: ").append(refused.getMessage()).append('\n');
                        failures.add(name + " refused");
                        continue;
                    }
                    MarkerEventAccuracyTest.Row r = MarkerEventAccuracyTest.compare(t, refs, s, fromS);
                    String scale = s.decisions().stream().filter(d -> d.key().equals(SideViewScale.KEY))
                            .map(d -> d.value()).findFirst().orElse("none");
                    String tilt = s.decisions().stream().filter(d -> d.key().equals("floor_tilt"))
                            .map(d -> d.value()).findFirst().orElse("–");
                    sb.append(String.format(Locale.ROOT, "%-8s %-5d ", k == 0 ? "square" : "15°", pass))
                            .append(MarkerEventAccuracyTest.line(r)).append(String.format(Locale.ROOT, "  %-9s %-20s %s%n",
                                    s.quality().verdict().label(), scale, tilt));
                    boolean off = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
                    if (off && s.quality().verdict() == Quality.GOOD) {
                        failures.add(name + ": off and called good");
                    }
                    if (k == 1 && !scale.endsWith(", oblique pass")) {
                        failures.add(name + ": scale " + scale);
                    }
                    matched[k] += r.matched();
                    refsTotal[k] += r.refs();
                    if (r.matched() > 0) {
                        sumAbsGct[k] += Math.abs(r.gctErrMs());
                        sessions[k]++;
                    }
                }
            }
        }
        double square = sumAbsGct[0] / Math.max(1, sessions[0]);
        double oblique = sumAbsGct[1] / Math.max(1, sessions[1]);
        sb.append(String.format(Locale.ROOT, "contacts matched: square %d of %d, 15° %d of %d; mean |contact-time "
                + "error| square %.1f ms, 15° %.1f ms%n", matched[0], refsTotal[0], matched[1], refsTotal[1], square,
                oblique));
        System.out.print(sb);
        // measured 2026-12-07: 81 and 76 of 86 contacts, 12.0 and 12.1 ms; the same passes filmed on the treadmill (the
        // runner in place): 80 of 86, 11.7 ms; with one floor through both feet's contacts overground: 26.6 ms square
        if (square > 15) {
            failures.add(String.format(Locale.ROOT, "square passes: mean |contact-time error| %.1f ms", square));
        }
        if (oblique > 15) {
            failures.add(String.format(Locale.ROOT, "15° passes: mean |contact-time error| %.1f ms", oblique));
        }
        if (matched[1] < 0.85 * matched[0]) {
            failures.add("15° passes kept " + matched[1] + " contacts against the square passes' " + matched[0]);
        }
        assertThat(failures).as(sb.toString()).isEmpty();
    }
}
