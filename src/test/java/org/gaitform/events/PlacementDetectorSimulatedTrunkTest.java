package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Channel;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.Side;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;
import org.gaitform.signal.Vec3;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator's trunk sensors (any orientation, walking and running 2.5–4.5 m/s) are found to be on the trunk. */
class PlacementDetectorSimulatedTrunkTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void simulatedTrunkSensorsAreTrunk(long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        RunnerProfile runner = new RunnerProfile(RunnerProfile.Strike.values()[rnd.nextInt(3)], rnd.nextGaussian() * 6,
                0.9 + 0.2 * rnd.nextDouble());
        List<Segment> plan = new ArrayList<>();
        plan.add(Segment.stand(2));
        plan.add(Segment.walk(6, 1.4));
        plan.add(Segment.run(15, 2.5 + 2.0 * rnd.nextDouble(), 0));
        Vec3 fwd = new Vec3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
        Vec3 up = new Vec3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
        SimulatedSession s = new TrunkImuSimulator(runner, 100, seed, fwd, up).simulate(plan, 0);
        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        Channel[] acc = {Channel.ACC_X, Channel.ACC_Y, Channel.ACC_Z};
        Channel[] gyr = {Channel.GYR_X, Channel.GYR_Y, Channel.GYR_Z};
        for (int c = 0; c < 3; c++) {
            ch.put(acc[c], column(s.accG(), c));
            ch.put(gyr[c], column(s.gyrDps(), c));
        }
        ImuSensor sensor = new ImuSensor("imu", Placement.UNKNOWN, Side.UNKNOWN, ch);
        PlacementDetector.Result r = PlacementDetector.detect(sensor, 100);
        System.out.println("simulated trunk, seed " + seed + ": " + r.reason());
        assertThat(r.placement().isTrunk()).as(r.reason()).isTrue();
        Map<Channel, double[]> noGyro = new EnumMap<>(Channel.class);
        for (Channel c : acc) {
            noGyro.put(c, ch.get(c));
        }
        PlacementDetector.Result r2 = PlacementDetector.detect(new ImuSensor("imu", Placement.UNKNOWN, Side.UNKNOWN,
                noGyro), 100);
        assertThat(r2.placement().isTrunk()).as(r2.reason()).isTrue();
    }

    private static double[] column(double[][] m, int c) {
        if (m.length == 3) {
            return m[c].clone();
        }
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][c];
        }
        return out;
    }
}
