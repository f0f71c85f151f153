package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaitform.model.Activity;
import org.gaitform.model.Channel;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.Side;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.FootImuSimulator;
import org.junit.jupiter.api.Test;

/**
 * The sign of the foot's pitch axis from physics: the same foot seen through a right-handed sensor, the same sensor
 * mirrored (its gyroscope relabelled like the accelerometer, or following the right-hand rule in the mirrored axes),
 * and the same sensor without its accelerometer all give the same toes-up-positive pitch rate.
 */
class SagittalStrapdownTest {
    private static final double FS = 200;
    private static final List<FootImuSimulator.Part> PLAN = List.of(new FootImuSimulator.Part(Activity.STANDING, 1.5, 0),
            new FootImuSimulator.Part(Activity.WALKING, 10, 0), new FootImuSimulator.Part(Activity.STANDING, 1.5, 0));

    private static ImuSensor sensor(FootImuSimulator.Session s, boolean withAcc) {
        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        if (withAcc) {
            ch.put(Channel.ACC_X, s.acc()[0][0]);
            ch.put(Channel.ACC_Y, s.acc()[0][1]);
            ch.put(Channel.ACC_Z, s.acc()[0][2]);
        }
        ch.put(Channel.GYR_X, s.gyr()[0][0]);
        ch.put(Channel.GYR_Y, s.gyr()[0][1]);
        ch.put(Channel.GYR_Z, s.gyr()[0][2]);
        return new ImuSensor("left", Placement.FOOT, Side.LEFT, ch);
    }

    private static FootImuSimulator.Session simulate(FootImuSimulator.Mounting m) {
        return new FootImuSimulator(FS, 5).simulate(PLAN, FootImuSimulator.Gait.TYPICAL, m, m);
    }

    private static FootImuSimulator.Mounting mirrored(double[][] rotation, int axis, boolean axial) {
        double[][] m = new double[3][];
        for (int i = 0; i < 3; i++) {
            m[i] = rotation[i].clone();
        }
        for (int j = 0; j < 3; j++) {
            m[axis][j] = -m[axis][j];
        }
        return new FootImuSimulator.Mounting(m, axial, new Vec3(0.05, 0.03, 0.05), "mirrored");
    }

    /** The pitch rate of the simulated foot itself: toes up positive (foot axis −y). */
    private static double[] truePitch(FootImuSimulator.Session s, FootImuSimulator.Mounting m) {
        // the reference: the same simulation through the identity mounting, −gyr_y
        FootImuSimulator.Session ref = simulate(new FootImuSimulator.Mounting(
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, false, m.offsetM(), "identity"));
        double[] p = new double[ref.timeS().length];
        for (int i = 0; i < p.length; i++) {
            p[i] = -ref.gyr()[0][1][i];
        }
        return p;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void rightHandedAndMirroredSensorsGiveTheSameToesUpPitch() {
        double[][] rot = FootImuSimulator.randomRotation(new Random(3));
        List<FootImuSimulator.Mounting> mountings = List.of(
                new FootImuSimulator.Mounting(rot, false, new Vec3(0.05, 0.03, 0.05), "rotated"),
                mirrored(rot, 0, false), mirrored(rot, 1, true), mirrored(rot, 2, false));
        for (FootImuSimulator.Mounting m : mountings) {
            FootImuSimulator.Session s = simulate(m);
            SegmentAlignment.Pitch p = SegmentAlignment.pitch(sensor(s, true), FS);
            assertThat(p.signBasis()).as(m.label()).isEqualTo("accelerometer");
            assertThat(p.strapdown().agree()).as(m.label()).isGreaterThanOrEqualTo(5);
            assertThat(p.strapdown().disagree()).as(m.label()).isZero();
            // walking at 1.25 m/s with 1.1 s strides: about 1.4 m per stride
            assertThat(p.strapdown().medianStrideLengthM()).as(m.label()).isBetween(1.2, 1.6);
            assertThat(correlation(p.pitchDps(), truePitch(s, m))).as(m.label()).isGreaterThan(0.98);
        }
    }

    @Test
    void withoutAnAccelerometerTheOrderOfTheStrideDecides() {
        FootImuSimulator.Mounting m = new FootImuSimulator.Mounting(FootImuSimulator.randomRotation(new Random(8)), false,
                new Vec3(0.1, 0, 0.05), "rotated");
        FootImuSimulator.Session s = simulate(m);
        SegmentAlignment.Pitch p = SegmentAlignment.pitch(sensor(s, false), FS);
        assertThat(p.signBasis()).isEqualTo("stride order");
        assertThat(correlation(p.pitchDps(), truePitch(s, m))).isGreaterThan(0.98);
        assertThat(p.decisions().get(0).reason()).contains("no accelerometer");
    }

    @Test
    void quietInstantsNeedAStillAccelerometer() {
        // a slow rotation with the accelerometer far from 1 g is not a stance
        int n = 2000;
        double[] speed = new double[n];
        double[] acc = new double[n];
        for (int i = 0; i < n; i++) {
            speed[i] = 200 + 190 * Math.cos(2 * Math.PI * i / 200.0);
            acc[i] = 1;
        }
        assertThat(SagittalStrapdown.quietInstants(speed, acc, FS)).hasSizeGreaterThan(5);
        java.util.Arrays.fill(acc, 2.5);
        assertThat(SagittalStrapdown.quietInstants(speed, acc, FS)).isEmpty();
        assertThat(SagittalStrapdown.quietInstants(speed, null, FS)).hasSizeGreaterThan(5);
    }
}
