package org.gaitform.io.watch;

import java.util.List;
import org.gaitform.model.Decision;
import org.gaitform.model.WatchChannel;

/**
 * Channels an export lacks but its other channels determine: distance from positions (great-circle steps
 * between successive points), speed from distance over time (centred over five records, to tame GPS noise).
 */
final class DerivedChannels {
    /** Mean Earth radius (m). */
    static final double EARTH_RADIUS_M = 6_371_008.8;
    /** Records on each side of the centred speed difference. */
    static final int SPEED_HALF_WINDOW = 2;

    private DerivedChannels() {
    }

    /** Fills distance from latitude and longitude when the export has positions but no distance. */
    static void distanceFromPositions(RecordTable t, List<Decision> decisions) {
        if (t.has(WatchChannel.DISTANCE_M) || !t.has(WatchChannel.LATITUDE_DEG) || !t.has(WatchChannel.LONGITUDE_DEG)) {
            return;
        }
        double[] lat = t.values(WatchChannel.LATITUDE_DEG);
        double[] lon = t.values(WatchChannel.LONGITUDE_DEG);
        double[] d = new double[lat.length];
        double total = 0;
        int last = -1;
        for (int i = 0; i < lat.length; i++) {
            if (Double.isNaN(lat[i]) || Double.isNaN(lon[i])) {
                d[i] = last < 0 ? Double.NaN : total;
                continue;
            }
            if (last >= 0) {
                total += haversineM(lat[last], lon[last], lat[i], lon[i]);
            }
            d[i] = total;
            last = i;
        }
        t.replace(WatchChannel.DISTANCE_M, d);
        decisions.add(new Decision("distance_source", "positions", "the export has no distance: it is the sum of "
                + "great-circle steps between successive positions"));
    }

    /** Fills speed from distance and time when the export has distance but no speed. */
    static void speedFromDistance(RecordTable t, List<Decision> decisions) {
        if (t.has(WatchChannel.SPEED_MPS) || !t.has(WatchChannel.DISTANCE_M)) {
            return;
        }
        double[] d = t.values(WatchChannel.DISTANCE_M);
        int n = t.size();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - SPEED_HALF_WINDOW);
            int b = Math.min(n - 1, i + SPEED_HALF_WINDOW);
            while (a < i && Double.isNaN(d[a])) {
                a++;
            }
            while (b > i && Double.isNaN(d[b])) {
                b--;
            }
            double dt = t.time(b) - t.time(a);
            v[i] = b > a && dt > 0 && !Double.isNaN(d[a]) && !Double.isNaN(d[b]) ? Math.max(0, d[b] - d[a]) / dt
                    : Double.NaN;
        }
        t.replace(WatchChannel.SPEED_MPS, v);
        decisions.add(new Decision("speed_source", "distance / time", "the export has no speed: distance change over "
                + "time, centred over " + (2 * SPEED_HALF_WINDOW + 1) + " records"));
    }

    /** Great-circle distance (m). */
    static double haversineM(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
