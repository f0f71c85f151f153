package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.events.FloorDrift;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.support.CameraDrift;
import org.gaitform.support.MarkerCamera;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A side video filmed with the camera in the hand: Fukuchi's and Hamner's eight force-plate trials filmed by the
 * virtual side camera of {@link MarkerEventAccuracyTest#videoKeypointsFromTheSameMarkers} (6 m, 60 fps, 1 px of
 * keypoint jitter), the whole picture then moved up and down and sideways by a smooth random drift ({@link CameraDrift}:
 * Gaussian noise averaged over 0.52 s or 0.15 s, scaled to 3 or 6 px; the leg is about 380 px tall), as a hand-held
 * phone moves. Before {@link FloorDrift}, the slow 3 px drift made two of the eight sessions' mean contact
 * times 30–32 ms short and the faster one a third 26 ms short, all three called good; the clips' mean |contact-time
 * error| was 21.1 and 18.2 ms. Now every 3 px clip has the drift taken off, those means are 9.7 and 11.1 ms, and no
 * session off by more than 2 steps/min or 25 ms is called good (issue 13's contract), with the camera held or on a
 * tripod.
 */
class HandHeldCameraTest {
    @TempDir
    Path tmp;

    /** One way of holding the camera: drift (px, standard deviation), its averaging window (frames at 60 fps). */
    record Hold(String name, double driftPx, int halfWindow) {
    }

    static final List<Hold> HOLDS = List.of(new Hold("tripod", 0, 15), new Hold("slow drift 3 px", 3, 15),
            new Hold("faster drift 3 px", 3, 4), new Hold("slow drift 6 px", 6, 15));

    @Test
    void theFloorUnderEachStanceIsFollowed() throws IOException {
        SharedData.require(MarkerEventAccuracyTest.FUKUCHI);
        PinholeCamera cam = MarkerEventAccuracyTest.SIDE_CAMERA;
        double fps = 60;
        SessionPipeline pipeline = MarkerEventAccuracyTest.videoPipeline(fps);
        StringBuilder sb = new StringBuilder("\nSide video from a hand-held camera (real markers through a virtual camera, "
                + "60 fps) against force-plate contacts\n");
        sb.append(String.format(Locale.ROOT, "%-18s ", "camera")).append(MarkerEventAccuracyTest.header())
                .append("  verdict   floor drift\n");
        List<String> failures = new ArrayList<>();
        for (Hold h : HOLDS) {
            double sumAbsGct = 0;
            int n = 0;
            for (MarkerEventAccuracyTest.Trial t : MarkerEventAccuracyTest.TRIALS) {
                Path dir = SharedData.root().resolve(t.dataset());
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                MarkerCamera.Tracks tr = MarkerCamera.landmarks(dir.resolve(t.file()));
                Path f = tmp.resolve(t.file().replaceAll("\\.(txt|csv)$", "") + "_" + h.name().replace(' ', '_') + ".csv");
                Files.writeString(f, CameraDrift.apply(MarkerCamera.keypointCsv(tr, cam, fps, 0, 1, 7), h.driftPx(), h.halfWindow(),
                        3));
                SessionResult s = pipeline.analyse(f, f.getFileName().toString(), "s");
                MarkerEventAccuracyTest.Row r = MarkerEventAccuracyTest.compare(t,
                        MarkerEventAccuracyTest.refs(dir.resolve(t.contacts())), s, tr.timeS()[0]);
                String taken = s.decisions().stream().filter(d -> d.key().equals(FloorDrift.KEY)).map(d -> d.value())
                        .findFirst().orElse("not measured");
                sb.append(String.format(Locale.ROOT, "%-18s ", h.name())).append(MarkerEventAccuracyTest.line(r))
                        .append(String.format(Locale.ROOT, "  %-9s %s%n", s.quality().verdict().label(), taken));
                String at = h.name() + ", " + t.file();
                boolean off = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
                if (off && s.quality().verdict() == Quality.GOOD) {
                    failures.add(at + ": off and called good");
                }
                // at 6 px Hamner's short clips may keep fewer than four stances a foot to measure the drift on
                if (h.driftPx() == 3 && !taken.equals("taken off")) {
                    failures.add(at + ": drift " + taken);
                }
                sumAbsGct += Math.abs(r.gctErrMs());
                n++;
            }
            double meanAbsGct = sumAbsGct / n;
            sb.append(String.format(Locale.ROOT, "%-18s mean |contact-time error| %.1f ms over %d clips%n", h.name(),
                    meanAbsGct, n));
            // measured 2026-12-07 (before FloorDrift → after; then with the belt's tilt followed, FootClearanceEvents):
            // tripod 12.5 → 9.6 → 10.9 ms, 3 px slow 21.1 → 7.6 → 9.7 ms, 3 px faster 18.2 → 11.2 → 11.1 ms, 6 px slow
            // 43.4 → 26.5 → 23.4 ms
            double limit = h.driftPx() != 3 ? Double.POSITIVE_INFINITY : h.halfWindow() > 10 ? 12 : 14;
            if (meanAbsGct > limit) {
                failures.add(String.format(Locale.ROOT, "%s: mean |contact-time error| %.1f ms", h.name(), meanAbsGct));
            }
        }
        System.out.print(sb);
        assertThat(failures).as(sb.toString()).isEmpty();
    }
}
