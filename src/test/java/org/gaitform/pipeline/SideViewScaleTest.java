package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.kinematics.SideViewScale;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Quality;
import org.gaitform.model.QualityCheck;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A side video in which the runner changes size ({@link SideViewScale}): simulated runners ({@link
 * PoseStrikePropertyTest#runner}, seeds 1–8, 2.5–5 m/s, rearfoot to forefoot) running 16 m overground past a phone 8 m
 * away (lens 1.2 m up, focal length 1400 px, 1920 × 1080, 60 fps, 1 px of jitter; a point outside the picture is not
 * detected), filmed three ways: a still camera square to the path (the runner keeps one size and crosses the
 * picture), a still camera with the path 15° off square (the runner comes closer or moves away while crossing), and a
 * camera that turns to follow the runner over ±45° (the runner stays in the middle of the picture, shrinking towards
 * both ends, and the floor tilts). The oblique pass is measured as the square one (the floor's line through the
 * contacts follows it); the turning camera keeps 2–4 of 9–16 contacts, and its sessions, `doubtful` or `poor` before
 * for other reasons (too few steps, variability), now say why ({@code runner_distance}).
 */
class SideViewScaleTest {
    @TempDir
    Path dir;

    static final double DISTANCE_M = 8;
    static final double HALF_PASS_DEG = 45;
    static final PinholeCamera PHONE = new PinholeCamera(PinholeCamera.Placement.SIDE, DISTANCE_M, 1.2, 1400, 1920,
            1080);

    /** How the pass is filmed. */
    enum Filming {
        SQUARE, OBLIQUE, TURNING
    }

    /** One session: the contacts matched within 40 ms, their mean contact-time error (ms), the result. */
    record Outcome(int matched, int contacts, double gctErrMs, double cadErrSpm, SessionResult result) {
    }

    @Test
    void aRunnerPassingObliquelyIsMeasuredAtOneScaleAndACameraThatTurnsIsNotJudged() throws IOException {
        StringBuilder sb = new StringBuilder("\nSide video of a runner passing 16 m overground, 8 m from the camera\n");
        List<String> failures = new ArrayList<>();
        int matchedSquare = 0;
        int matchedOblique = 0;
        double sumAbsOblique = 0;
        int obliqueSessions = 0;
        double sumAbsSquare = 0;
        int squareSessions = 0;
        for (long seed = 1; seed <= 8; seed++) {
            for (Filming f : Filming.values()) {
                PoseRunnerSimulator r = runner(seed);
                Outcome o;
                try {
                    o = film(r, f, seed);
                } catch (GaitformException refused) {
                    sb.append(String.format(Locale.ROOT, "seed %d %-8s refused: %s%n", seed, f, refused.getMessage()));
                    if (f != Filming.TURNING) {
                        failures.add("seed " + seed + " " + f + " refused");
                    }
                    continue;
                }
                SessionResult s = o.result();
                String scale = s.decisions().stream().filter(d -> d.key().equals(SideViewScale.KEY))
                        .map(d -> d.value()).findFirst().orElse("none");
                String tilt = s.decisions().stream().filter(d -> d.key().equals("floor_tilt"))
                        .map(d -> d.value()).findFirst().orElse("–");
                QualityCheck check = s.quality().checks().stream().filter(c -> c.id().equals("runner_distance"))
                        .findFirst().orElse(null);
                sb.append(String.format(Locale.ROOT, "seed %d %-8s %.1f m/s  contacts %2d/%2d  contact time %+6.1f ms  "
                        + "cadence %+5.1f  scale %-22s floor %6s  %-9s %s%n", seed, f, r.beltMps(), o.matched(),
                        o.contacts(), o.gctErrMs(), o.cadErrSpm(), scale, tilt, s.quality().verdict().label(),
                        check == null ? "no runner_distance check" : s.quality().checks().stream()
                                .filter(QualityCheck::failed).map(QualityCheck::id).toList()));
                boolean off = Math.abs(o.cadErrSpm()) > 2 || Math.abs(o.gctErrMs()) > 25;
                if (off && s.quality().verdict() == Quality.GOOD) {
                    failures.add("seed " + seed + " " + f + ": off and called good");
                }
                switch (f) {
                    case SQUARE -> {
                        matchedSquare += o.matched();
                        if (o.matched() > 0) {
                            sumAbsSquare += Math.abs(o.gctErrMs());
                            squareSessions++;
                        }
                        if (check == null || check.failed() || scale.contains(",")) {
                            failures.add("seed " + seed + " square: " + scale);
                        }
                    }
                    case OBLIQUE -> {
                        matchedOblique += o.matched();
                        if (o.matched() > 0) {
                            sumAbsOblique += Math.abs(o.gctErrMs());
                            obliqueSessions++;
                        }
                        if (!scale.endsWith(", oblique pass") || check == null || check.failed()) {
                            failures.add("seed " + seed + " oblique: " + scale);
                        }
                    }
                    case TURNING -> {
                        if (!scale.endsWith(", camera turns") || check == null || !check.failed()
                                || !check.metrics().contains("contact_ms") || s.quality().verdict() == Quality.GOOD) {
                            failures.add("seed " + seed + " turning: " + scale + ", " + s.quality().verdict());
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        double meanAbs = sumAbsOblique / Math.max(1, obliqueSessions);
        sb.append(String.format(Locale.ROOT, "contacts matched: square %d, oblique %d; mean |contact-time error| square "
                + "%.1f ms, oblique %.1f ms over %d sessions%n", matchedSquare, matchedOblique,
                sumAbsSquare / Math.max(1, squareSessions), meanAbs, obliqueSessions));
        System.out.print(sb);
        // measured 2026-12-07: square 78 contacts, 6.4 ms; oblique 78, 7.4 ms
        if (matchedOblique < 0.8 * matchedSquare) {
            failures.add("oblique kept " + matchedOblique + " contacts against the square view's " + matchedSquare);
        }
        if (meanAbs > 15) {
            failures.add(String.format(Locale.ROOT, "oblique mean |contact-time error| %.1f ms", meanAbs));
        }
        assertThat(failures).as(sb.toString()).isEmpty();
    }

    private static PoseRunnerSimulator runner(long seed) {
        double halfM = DISTANCE_M * Math.tan(Math.toRadians(HALF_PASS_DEG));
        PoseRunnerSimulator base = PoseStrikePropertyTest.runner(seed, 60, 1);
        return PoseStrikePropertyTest.runner(seed, 60, 2 * halfM / base.beltMps());
    }

    private Outcome film(PoseRunnerSimulator r, Filming f, long seed) throws IOException {
        double halfM = DISTANCE_M * Math.tan(Math.toRadians(HALF_PASS_DEG));
        double obliqueSlope = Math.tan(Math.toRadians(15));
        List<String> names = r.cameraPointNames();
        int frames = (int) Math.round(r.seconds() * r.fs());
        double[][][] xy = new double[frames][names.size()][];
        double[][] conf = new double[frames][names.size()];
        Random rnd = new Random(seed);
        for (int i = 0; i < frames; i++) {
            double t = i / r.fs();
            double travel = -halfM + r.beltMps() * t;
            double yawDeg = f == Filming.TURNING ? Math.toDegrees(Math.atan2(travel, DISTANCE_M)) : 0;
            Map<String, double[]> p = r.pose(t);
            for (int j = 0; j < names.size(); j++) {
                double[] v = p.get(names.get(j));
                // the path sheared about the vertical: a planted foot stays where it is
                double z = v[2] + (f == Filming.OBLIQUE ? obliqueSlope * (v[0] + travel) : 0);
                double[] img = PHONE.project(new double[] {v[0] + travel, v[1], z}, yawDeg);
                img[0] += rnd.nextGaussian();
                img[1] += rnd.nextGaussian();
                xy[i][j] = img;
                boolean seen = img[0] >= 0 && img[0] <= PHONE.widthPx() && img[1] >= 0 && img[1] <= PHONE.heightPx();
                conf[i][j] = seen ? 0.9 : 0;
            }
        }
        Path file = dir.resolve("pass_" + f.name().toLowerCase(Locale.ROOT) + "_" + seed + "_keypoints.csv");
        Files.writeString(file, PoseRunnerSimulator.keypointCsv(names, xy, conf));
        PoseReadOptions po = new PoseReadOptions(Optional.of(r.fs()), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        SessionResult s = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po),
                GuidelineTable.builtIn())).analyse(file, file.getFileName().toString(), "s");
        double sum = 0;
        int n = 0;
        for (double[] c : r.contacts()) {
            Optional<Step> best = s.steps().stream().min((a, b) -> Double.compare(Math.abs(a.icS() - c[0]),
                    Math.abs(b.icS() - c[0])));
            if (best.isPresent() && Math.abs(best.get().icS() - c[0]) <= 0.04 && Double.isFinite(best.get().contactMs())) {
                sum += best.get().contactMs() - 1000 * r.contactS();
                n++;
            }
        }
        return new Outcome(n, r.contacts().size(), n == 0 ? Double.NaN : sum / n,
                s.metric("cadence_spm") - r.cadenceSpm(), s);
    }
}
