package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Channel;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Falbriard2018FootEventsTest {

    static ImuSensor sensor(FootImuFixture f, Side side) {
        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        ch.put(Channel.ACC_X, f.acc[0]);
        ch.put(Channel.ACC_Y, f.acc[1]);
        ch.put(Channel.ACC_Z, f.acc[2]);
        ch.put(Channel.GYR_X, f.gyr[0]);
        ch.put(Channel.GYR_Y, f.gyr[1]);
        ch.put(Channel.GYR_Z, f.gyr[2]);
        return new ImuSensor("foot", Placement.UNKNOWN, side, ch);
    }

    /** Random strides, contact times, rates and sensor orientations: every event within one sample. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void findsEveryContactWithinOneSampleAndDetectsAFoot(long seed) {
        java.util.Random r = new java.util.Random(seed);
        double fs = new double[] {100, 128, 200, 204.8, 500}[r.nextInt(5)];
        boolean running = r.nextBoolean();
        double stride = running ? 0.65 + 0.1 * r.nextDouble() : 1.0 + 0.2 * r.nextDouble();
        double contact = running ? 0.2 + 0.06 * r.nextDouble() : 0.62 * stride;
        FootImuFixture f = new FootImuFixture(seed, fs, 20, stride, contact, 0, Side.LEFT);
        ImuSensor s = sensor(f, Side.LEFT);
        SegmentAlignment.Pitch pitch = SegmentAlignment.pitch(s, fs);
        List<LimbContact> found = new Falbriard2018FootEvents().detect(pitch.pitchDps(), fs);
        // the last stride's contact has no following toe-off in the recording
        assertThat(found).hasSizeBetween(f.truth.size() - 1, f.truth.size());
        for (LimbContact c : found) {
            FootImuFixture.Truth t = f.truth.stream().min((a, b) -> Double.compare(Math.abs(a.icS() - c.icIndex() / fs),
                    Math.abs(b.icS() - c.icIndex() / fs))).orElseThrow();
            assertThat(Math.abs(c.icIndex() / fs - t.icS())).as("IC at %.3f s", t.icS()).isLessThanOrEqualTo(1 / fs);
            // a rounded minimum with gyroscope noise: within one sample, or 3 ms at high rates
            assertThat(Math.abs(c.toIndex() / fs - t.toS())).as("TO at %.3f s", t.toS()).isLessThanOrEqualTo(Math.max(1 / fs, 0.003));
        }
        assertThat(PlacementDetector.detect(s, fs).placement()).isEqualTo(Placement.FOOT);
    }
}
