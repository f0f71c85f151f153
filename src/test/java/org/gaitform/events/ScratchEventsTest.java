package org.gaitform.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.model.PoseRecording;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

class ScratchEventsTest {
    @Test
    void fukuchi() throws Exception {
        Path d = SharedData.require("fukuchi2017-treadmill-markers");
        PoseRecording r = (PoseRecording) new InputReaders().read(d.resolve("RBDS001runT25markers.txt"), "x", ReadOptions.DEFAULTS);
        Body b = BodyFrame.build(r, PoseReadOptions.DEFAULTS);
        b.decisions().forEach(x -> System.out.println(x));
        b.warnings().forEach(System.out::println);
        for (double frac : new double[] {0.015, 0.017, 0.019, 0.021, 0.023}) {
            FootClearanceEvents.Result res = new FootClearanceEvents(new FootClearanceSettings(frac, 0.06, 0.03, 0.5, frac)).detect(b);
            List<String> ref = Files.readAllLines(d.resolve("RBDS001runT25_contacts_from_vgrf.csv"));
            double sIc = 0, sTo = 0; int m = 0, sideOk = 0;
            for (String line : ref.subList(1, ref.size())) {
                String[] f = line.split(",");
                double ic = Double.parseDouble(f[3]), to = Double.parseDouble(f[4]);
                FootContact best = null;
                for (FootContact c : res.contacts()) {
                    if (best == null || Math.abs(r.timeAt(c.icIndex()) - ic) < Math.abs(r.timeAt(best.icIndex()) - ic)) best = c;
                }
                double e1 = r.timeAt(best.icIndex()) - ic, e2 = r.timeAt(best.toIndex()) - to;
                if (Math.abs(e1) < 0.05) { m++; sIc += Math.abs(e1); sTo += Math.abs(e2);
                    if (best.side().name().charAt(0) == f[10].charAt(0)) sideOk++; }
            }
            System.out.printf("frac %.3f contacts %d matched %d/%d IC mae %.1f TO mae %.1f sides ok %d belt %.3f thr %.4f%n", frac,
                res.contacts().size(), m, ref.size() - 1, sIc / m * 1000, sTo / m * 1000, sideOk, res.beltSpeed(), res.threshold());
        }
    }
}
