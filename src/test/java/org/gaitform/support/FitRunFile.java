package org.gaitform.support;

import static org.gaitform.io.fit.FitWriter.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.gaitform.io.fit.FitWriter;

/**
 * A FIT activity written for tests with the same field definitions and units as real watches and Connect IQ apps
 * write them: a run recorded every second (time stamp, distance, speed, altitude, heart rate, per-leg cadence with its
 * fraction, optionally Garmin's running dynamics and power as native fields), developer fields with their
 * {@code developer_data_id} (application id, manufacturer) and {@code field_description} (name, unit, base type),
 * the file id and one running session. Values are given per second as functions and written raw (scaled as the FIT
 * profile says).
 */
public final class FitRunFile {
    public static final int ENUM = 0x00;
    public static final int UINT8 = 0x02;
    public static final int SINT16 = 0x83;
    public static final int UINT16 = 0x84;
    public static final int UINT32 = 0x86;
    public static final int STRING = 0x07;
    public static final int FLOAT32 = 0x88;
    public static final int BYTE = 0x0D;
    /** Seconds from 1970 to the FIT epoch. */
    public static final long FIT_EPOCH_S = 631_065_600L;

    /** A developer field: its app's index, number, name, unit, base type, value per second. */
    public record Dev(int index, int number, String name, String units, int baseType, IntToDoubleFunction value) {
    }

    private final long startUnixS;
    private final int seconds;
    private int manufacturer = 1;
    private int sport = 1;
    private IntToDoubleFunction speedMps = i -> 3.2;
    private IntToDoubleFunction cadenceStrides = i -> 85;
    private IntToDoubleFunction altitudeM = i -> 100;
    private IntToDoubleFunction heartRate = i -> 150;
    private IntToDoubleFunction activityType;
    private final Map<String, IntToDoubleFunction> nativeDynamics = new LinkedHashMap<>();
    private IntToDoubleFunction nativePower;
    private final Map<Integer, long[]> apps = new LinkedHashMap<>();
    private final Map<Integer, Integer> appMakers = new LinkedHashMap<>();
    private final List<Dev> dev = new ArrayList<>();
    private final List<int[]> devices = new ArrayList<>();

    public FitRunFile(long startUnixS, int seconds) {
        this.startUnixS = startUnixS;
        this.seconds = seconds;
    }

    /** The file's maker (file_id manufacturer: 1 Garmin, 95 Stryd). */
    public FitRunFile manufacturer(int m) {
        manufacturer = m;
        return this;
    }

    /** The session's sport (1 running, 2 cycling, 5 swimming, 11 walking). */
    public FitRunFile sport(int s) {
        sport = s;
        return this;
    }

    public FitRunFile speed(IntToDoubleFunction v) {
        speedMps = v;
        return this;
    }

    /** Cadence per leg (strides/min), as FIT records it. */
    public FitRunFile cadenceStrides(IntToDoubleFunction v) {
        cadenceStrides = v;
        return this;
    }

    public FitRunFile altitude(IntToDoubleFunction v) {
        altitudeM = v;
        return this;
    }

    public FitRunFile heartRate(IntToDoubleFunction v) {
        heartRate = v;
        return this;
    }

    /** The record's activity_type (1 running, 6 walking, 8 standing). */
    public FitRunFile activityType(IntToDoubleFunction v) {
        activityType = v;
        return this;
    }

    /** Native running dynamics: stance_time (ms), vertical_oscillation (mm), stance_time_balance (%), … */
    public FitRunFile nativeField(String name, IntToDoubleFunction v) {
        nativeDynamics.put(name, v);
        return this;
    }

    /** Native record power (W). */
    public FitRunFile nativePower(IntToDoubleFunction v) {
        nativePower = v;
        return this;
    }

    /** A developer app: its index, 16-byte application id (hex) and manufacturer id. */
    public FitRunFile app(int index, String applicationIdHex, int manufacturerId) {
        long[] id = new long[16];
        for (int i = 0; i < 16; i++) {
            id[i] = Integer.parseInt(applicationIdHex.substring(2 * i, 2 * i + 2), 16);
        }
        apps.put(index, id);
        appMakers.put(index, manufacturerId);
        return this;
    }

    /** A developer field. */
    public FitRunFile dev(int index, int number, String name, String units, int baseType, IntToDoubleFunction value) {
        dev.add(new Dev(index, number, name, units, baseType, value));
        return this;
    }

    /** A device_info line: ANT+ device type, manufacturer, serial number. */
    public FitRunFile device(int antDeviceType, int maker, int serial) {
        devices.add(new int[] {antDeviceType, maker, serial});
        return this;
    }

    private static final String[] NATIVE = {"stance_time", "vertical_oscillation", "stance_time_balance", "step_length",
        "vertical_ratio", "stance_time_percent"};

    private static int nativeNumber(String name) {
        return switch (name) {
            case "stance_time" -> 41;
            case "vertical_oscillation" -> 39;
            case "stance_time_balance" -> 84;
            case "step_length" -> 85;
            case "vertical_ratio" -> 83;
            case "stance_time_percent" -> 40;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static double nativeScale(String name) {
        return switch (name) {
            case "stance_time", "vertical_oscillation", "step_length" -> 10;
            default -> 100;
        };
    }

    private static int size(int baseType) {
        return switch (baseType) {
            case UINT16, SINT16 -> 2;
            case UINT32, FLOAT32 -> 4;
            default -> 1;
        };
    }

    /** The file. */
    public byte[] bytes() {
        long fitStart = startUnixS - FIT_EPOCH_S;
        FitWriter w = new FitWriter()
                .define(0, 0, f(0, 1, ENUM), f(1, 2, UINT16), f(4, 4, UINT32))
                .data(0, 4L, (long) manufacturer, fitStart);
        for (int[] d : devices) {
            w.define(6, 23, f(253, 4, UINT32), f(25, 1, UINT8), f(2, 2, UINT16), f(3, 4, UINT32))
                    .data(6, fitStart, (long) d[0], (long) d[1], (long) d[2]);
        }
        for (Map.Entry<Integer, long[]> a : apps.entrySet()) {
            w.define(1, 207, f(1, 16, BYTE), f(2, 2, UINT16), f(3, 1, UINT8))
                    .data(1, a.getValue(), (long) appMakers.get(a.getKey()), (long) a.getKey());
        }
        for (Dev d : dev) {
            w.define(2, 206, f(0, 1, UINT8), f(1, 1, UINT8), f(2, 1, UINT8), f(3, 32, STRING), f(8, 16, STRING))
                    .data(2, (long) d.index(), (long) d.number(), (long) d.baseType(), d.name(), d.units());
        }
        List<FitWriter.F> fields = new ArrayList<>(List.of(f(253, 4, UINT32), f(5, 4, UINT32), f(6, 2, UINT16),
                f(2, 2, UINT16), f(3, 1, UINT8), f(4, 1, UINT8), f(53, 1, UINT8)));
        if (activityType != null) {
            fields.add(f(42, 1, ENUM));
        }
        if (nativePower != null) {
            fields.add(f(7, 2, UINT16));
        }
        List<String> nat = new ArrayList<>();
        for (String n : NATIVE) {
            if (nativeDynamics.containsKey(n)) {
                nat.add(n);
                fields.add(f(nativeNumber(n), 2, UINT16));
            }
        }
        FitWriter.F[] devF = dev.stream().map(d -> f(d.number(), size(d.baseType()), d.index()))
                .toArray(FitWriter.F[]::new);
        w.define(3, 20, false, fields.toArray(FitWriter.F[]::new), devF);
        double distance = 0;
        for (int i = 0; i <= seconds; i++) {
            List<Object> v = new ArrayList<>();
            double cad = cadenceStrides.applyAsDouble(i);
            v.add(fitStart + i);
            v.add(Math.round(distance * 100));
            v.add(Math.round(speedMps.applyAsDouble(i) * 1000));
            v.add(Math.round((altitudeM.applyAsDouble(i) + 500) * 5));
            v.add(Math.round(heartRate.applyAsDouble(i)));
            v.add((long) Math.floor(cad));
            v.add(Math.round((cad - Math.floor(cad)) * 128));
            if (activityType != null) {
                v.add(Math.round(activityType.applyAsDouble(i)));
            }
            if (nativePower != null) {
                v.add(Math.round(nativePower.applyAsDouble(i)));
            }
            for (String n : nat) {
                v.add(Math.round(nativeDynamics.get(n).applyAsDouble(i) * nativeScale(n)));
            }
            for (Dev d : dev) {
                double x = d.value().applyAsDouble(i);
                v.add(d.baseType() == FLOAT32 ? (Object) (float) x : (Object) Math.round(x));
            }
            w.data(3, v.toArray());
            distance += speedMps.applyAsDouble(i);
        }
        w.define(4, 18, f(253, 4, UINT32), f(2, 4, UINT32), f(5, 1, ENUM), f(7, 4, UINT32))
                .data(4, fitStart + seconds, fitStart, (long) sport, (long) seconds * 1000);
        return w.bytes();
    }
}
