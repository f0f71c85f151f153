package org.gaitform.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.SampleSessionsAccess;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.TrunkImuSimulator;

/** Small deterministic sessions for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A 14 s recording: standing, 10 s of running at 3 m/s (a low-cadence heel striker), standing. */
    public static String shortRunCsv() {
        RunnerProfile runner = new RunnerProfile(RunnerProfile.Strike.REARFOOT, -15, 1.0);
        return SampleSessionsAccess.plain(new TrunkImuSimulator(runner, 100, 42, new Vec3(0.3, 1, 0), new Vec3(0, 0.2, 1))
                .simulate(List.of(Segment.stand(2), Segment.run(10, 3.0), Segment.stand(2)), 0));
    }

    /** A 14 s recording of a quicker runner (cadence above 160 steps/min). */
    public static String quickRunCsv() {
        RunnerProfile runner = new RunnerProfile(RunnerProfile.Strike.FOREFOOT, 10, 0.95);
        return SampleSessionsAccess.plain(new TrunkImuSimulator(runner, 100, 43, new Vec3(1, 0, 0), new Vec3(0, 0, 1))
                .simulate(List.of(Segment.stand(2), Segment.run(10, 3.5), Segment.stand(2)), 0));
    }

    /** Analyses CSV text written into {@code dir/<name>.csv}. */
    public static SessionResult analyse(Path dir, String name, String csv) throws IOException {
        Path f = dir.resolve(name + ".csv");
        Files.writeString(f, csv);
        return new SessionPipeline(AnalysisSettings.defaults()).analyse(f, name + ".csv", name);
    }

    /** The short run analysed, its input written into {@code dir/short_run.csv}. */
    public static SessionResult shortRun(Path dir) throws IOException {
        Path f = dir.resolve("short_run.csv");
        Files.writeString(f, shortRunCsv());
        return new SessionPipeline(AnalysisSettings.defaults()).analyse(f, "short_run.csv", "short_run");
    }
}
