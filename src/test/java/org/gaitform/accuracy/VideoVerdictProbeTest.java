package org.gaitform.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.accuracy.MarkerEventAccuracyTest.Row;
import org.gaitform.accuracy.MarkerEventAccuracyTest.Trial;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.support.MarkerCamera;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoVerdictProbeTest {
    @TempDir
    Path tmp;

    @Test
    void explore() throws IOException {
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.SIDE, 6, 1.0, 2300, 1920, 1080);
        StringBuilder sb = new StringBuilder();
        for (double fps : new double[] {60, 30, 25, 15}) {
            for (double jitter : new double[] {0, 2}) {
                for (Trial t : MarkerEventAccuracyTest.TRIALS) {
                    Path dir = SharedData.root().resolve(t.dataset());
                    MarkerCamera.Tracks tr = MarkerCamera.landmarks(dir.resolve(t.file()));
                    Path f = tmp.resolve(t.file() + fps + jitter + "_keypoints.csv");
                    Files.writeString(f, MarkerCamera.keypointCsv(tr, cam, fps, 0, jitter, 7));
                    PoseReadOptions po = new PoseReadOptions(Optional.of(fps), Optional.empty(), Optional.empty(),
                            Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty());
                    SessionPipeline p = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS,
                            po), GuidelineTable.builtIn()));
                    try {
                        SessionResult s = p.analyse(f, f.getFileName().toString(), "s");
                        Row r = MarkerEventAccuracyTest.compare(t, MarkerEventAccuracyTest.refs(dir.resolve(t.contacts())),
                                s, tr.timeS()[0]);
                        boolean bad = Math.abs(r.cadErrSpm()) > 2 || Math.abs(r.gctErrMs()) > 25;
                        sb.append(String.format(Locale.ROOT, "%s %-3.0f %.0fpx %-22s cad %+5.2f GCT %+6.1f %s %s%n",
                                bad && s.quality().verdict() == org.gaitform.model.Quality.GOOD ? "VIOLATION" : bad ? "off-flag " : "right    ",
                                fps, jitter, t.file(), r.cadErrSpm(), r.gctErrMs(), s.quality().verdict().label(),
                                s.quality().checks().stream().filter(c -> c.failed()).map(c -> c.id()).toList()));
                    } catch (RuntimeException e) {
                        sb.append(String.format(Locale.ROOT, "refused %-3.0f %.0fpx %s: %s%n", fps, jitter, t.file(), e.getMessage()));
                    }
                }
            }
        }
        System.out.println(sb);
    }
}
