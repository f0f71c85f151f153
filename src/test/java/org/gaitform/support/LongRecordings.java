package org.gaitform.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;

/**
 * Long simulated recordings for memory tests and the benchmark, written straight to disk (never committed):
 * a trunk IMU CSV (time in s, 3 accelerometer axes in g, 3 gyroscope axes in deg/s) of a long run with a
 * walking warm-up, stops at traffic lights, speed changes and hills.
 */
public final class LongRecordings {
    private LongRecordings() {
    }

    /** The plan of a run of about {@code minutes} minutes. */
    public static List<Segment> longRunPlan(double minutes) {
        List<Segment> plan = new ArrayList<>();
        plan.add(Segment.stand(10));
        plan.add(Segment.walk(110, 1.4));
        double left = minutes * 60 - 120;
        double[] speeds = {2.8, 3.2, 3.6, 3.0, 4.0, 3.3};
        double[] slopes = {0, 0, 4, -4, 0, 2};
        int k = 0;
        while (left > 0) {
            double run = Math.min(left, 600);
            plan.add(Segment.run(run, speeds[k % speeds.length], slopes[k % slopes.length]));
            left -= run;
            if (left > 0) {
                double stop = Math.min(left, 20);
                plan.add(Segment.stand(stop));
                left -= stop;
            }
            k++;
        }
        return plan;
    }

    /** Simulates a long run. */
    public static SimulatedSession simulateLongRun(double minutes, double rateHz, long seed) {
        RunnerProfile runner = new RunnerProfile(RunnerProfile.Strike.REARFOOT, -4, 1.0);
        return new TrunkImuSimulator(runner, rateHz, seed, new Vec3(0.15, 0.99, 0.05), new Vec3(0.1, -0.15, 0.98))
                .simulate(longRunPlan(minutes), 0);
    }

    /**
     * Writes a trunk IMU CSV ({@code time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps}) of a
     * simulated session.
     *
     * @return the number of data rows
     */
    public static int writeTrunkCsv(SimulatedSession s, Path file) throws IOException {
        double[] t = s.timeS();
        double[][] acc = s.accG();
        double[][] gyr = s.gyrDps();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[256];
            for (int i = 0; i < t.length; i++) {
                int p = fixed(t[i], 3, line, 0);
                for (int a = 0; a < 3; a++) {
                    line[p++] = ',';
                    p = fixed(acc[a][i], 4, line, p);
                }
                for (int a = 0; a < 3; a++) {
                    line[p++] = ',';
                    p = fixed(gyr[a][i], 2, line, p);
                }
                line[p++] = '\n';
                out.write(line, 0, p);
            }
        }
        return t.length;
    }

    /** Writes a long trunk run of {@code minutes} at {@code rateHz} to {@code file}. */
    public static int writeLongTrunkCsv(Path file, double minutes, double rateHz, long seed) throws IOException {
        return writeTrunkCsv(simulateLongRun(minutes, rateHz, seed), file);
    }

    /** Writes {@code v} with {@code decimals} decimals (rounded half away from zero) at {@code p}; returns the end. */
    static int fixed(double v, int decimals, byte[] b, int p) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long m = Math.round(Math.abs(v) * scale);
        if (v < 0 && m != 0) {
            b[p++] = '-';
        }
        long whole = m / scale;
        long frac = m % scale;
        String w = Long.toString(whole);
        for (int i = 0; i < w.length(); i++) {
            b[p++] = (byte) w.charAt(i);
        }
        if (decimals > 0) {
            b[p++] = '.';
            for (long d = scale / 10; d > 0; d /= 10) {
                b[p++] = (byte) ('0' + (frac / d) % 10);
            }
        }
        return p;
    }

    /** {@code LongRecordings FILE MINUTES [RATE_HZ]}: writes a long trunk recording (for trying things by hand). */
    public static void main(String[] args) throws IOException {
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 200;
        long t0 = System.nanoTime();
        int n = writeLongTrunkCsv(Path.of(args[0]), Double.parseDouble(args[1]), rate, 7L);
        System.out.printf("%d rows, %.1f MB, %.1f s%n", n, Files.size(Path.of(args[0])) / 1e6, (System.nanoTime() - t0) / 1e9);
    }
}
