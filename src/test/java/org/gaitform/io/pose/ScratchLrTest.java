package org.gaitform.io.pose;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

class ScratchLrTest {
    @Test
    void look() {
        Path dir = SharedData.require("openpose-running-side");
        Path f = dir.resolve("openpose_body25_side.csv");
        PoseRecording raw = (PoseRecording) new InputReaders().read(f, "x", new ReadOptions(ImuReadOptions.DEFAULTS,
                PoseReadOptions.DEFAULTS.withLrSwitchCorrection(Optional.of(false))));
        PoseRecording cor = (PoseRecording) new InputReaders().read(f, "x", new ReadOptions(ImuReadOptions.DEFAULTS,
                PoseReadOptions.DEFAULTS));
        cor.decisions().forEach(d -> System.out.println(d));
        cor.warnings().forEach(System.out::println);
        String[] names = {"LShoulder", "RShoulder", "LElbow", "RElbow", "LWrist", "RWrist", "LEye", "REye", "LEar", "REar"};
        for (int t = 0; t < raw.size(); t++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%3d", t));
            for (String n : names) {
                Keypoint a = raw.keypoint(n).get();
                Keypoint b = cor.keypoint(n).get();
                boolean ch = !(a.x()[t] == b.x()[t] || (Double.isNaN(a.x()[t]) && Double.isNaN(b.x()[t])));
                sb.append(String.format(Locale.ROOT, " %s%5.0f,%4.0f", ch ? "*" : " ", a.x()[t], a.y()[t]));
            }
            System.out.println(sb);
        }
    }
}
