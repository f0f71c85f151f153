package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.events.FootClearanceEvents;
import org.gaitform.events.FootClearanceSettings;
import org.gaitform.events.FootContact;
import org.gaitform.events.PelvisDescentContacts;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.kinematics.BodyFrameSettings;
import org.gaitform.model.PoseRecording;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@link PelvisDescentContacts} on the 3D markers of the shared treadmill trials with force-plate contacts (Fukuchi et
 * al. 2017, Hamner &amp; Delp 2013): the foot detector's contacts, each initial contact moved to
 * {@link PelvisDescentContacts#LANDING_TO_FASTEST_DESCENT_S} before the fastest descent of the hip joint centres'
 * midpoint, against the force plate's. The delay was taken from Hamner's four trials and RBDS001 (tuning); RBDS008
 * T35, RBDS002 T25 and T45 are held out (docs/tuning-split.csv). In the pipeline the rule only runs on a frontal video
 * of a treadmill, where the feet cannot time the landings (FrontalViewAccuracyTest films these markers so); here it is
 * measured on the pelvis itself, without a camera.
 */
class PelvisDescentAccuracyTest {
    @Test
    void initialContactsFromThePelvisAgainstTheForcePlate() throws IOException {
        List<String> heldOutFailures = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-26s %-9s %4s %-8s %8s %9s %8s %9s %8s%n", "trial", "strike", "m/s", "role",
                "matched", "IC bias", "|IC|", "within 25", "left out");
        for (MarkerEventAccuracyTest.Trial t : MarkerEventAccuracyTest.TRIALS) {
            Path dir = SharedData.require(t.dataset());
            Path in = dir.resolve(t.file());
            PoseRecording rec = (PoseRecording) new InputReaders().read(in, t.file(), ReadOptions.DEFAULTS);
            Body body = BodyFrame.build(rec, BodyFrameSettings.DEFAULTS);
            List<FootContact> feet = new FootClearanceEvents(FootClearanceSettings.MARKERS).detect(body).contacts();
            PelvisDescentContacts.Result r = PelvisDescentContacts.retime(body, feet);
            assertThat(r.applied()).as("%s: the pelvis timed the contacts", t.file()).isTrue();
            List<MarkerEventAccuracyTest.Ref> refs = MarkerEventAccuracyTest.refs(dir.resolve(t.contacts()));
            double sum = 0;
            double sumAbs = 0;
            int matched = 0;
            int within = 0;
            for (MarkerEventAccuracyTest.Ref ref : refs) {
                double best = Double.NaN;
                for (FootContact c : r.contacts()) {
                    double d = rec.timeAt(c.icIndex()) - ref.icS();
                    if (Double.isNaN(best) || Math.abs(d) < Math.abs(best)) {
                        best = d;
                    }
                }
                if (!(Math.abs(best) <= 0.1)) {
                    continue;
                }
                matched++;
                sum += best;
                sumAbs += Math.abs(best);
                within += Math.abs(best) <= 0.025 ? 1 : 0;
            }
            double bias = 1000 * sum / matched;
            double mae = 1000 * sumAbs / matched;
            String role = t.dataset().equals(MarkerEventAccuracyTest.HAMNER) || t.file().startsWith("RBDS001")
                    ? "tuning" : "held-out";
            System.out.printf(Locale.ROOT, "%-26s %-9s %4.1f %-8s %4d/%-3d %+8.1f %8.1f %8.0f %% %8d%n", t.file(),
                    t.strike(), t.speedMps(), role, matched, refs.size(), bias, mae, 100.0 * within / matched,
                    r.dropped());
            // nearly every landing of the trial is found again: a contact whose pelvis is not seen (RBDS002 T45's left
            // PSIS marker is missing in 422 frames) is left out, not timed from the feet
            assertThat(matched).as("%s: force-plate contacts matched within 100 ms", t.file())
                    .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * refs.size()));
            if (role.equals("held-out") && !(Math.abs(bias) <= 20 && mae <= 20)) {
                heldOutFailures.add(String.format(Locale.ROOT, "%s bias %+.1f ms, |IC| %.1f ms", t.file(), bias, mae));
            }
            // every trial, tuning or not, within 25 ms on average: the delay ranges over about 30 ms between trials
            assertThat(mae).as("%s: mean |IC - force plate| (ms)", t.file()).isLessThanOrEqualTo(25.0);
        }
        assertThat(heldOutFailures).as("held-out trials beyond 20 ms").isEmpty();
    }
}
