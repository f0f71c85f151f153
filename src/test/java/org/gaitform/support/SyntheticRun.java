package org.gaitform.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A synthetic run sampled once a second, for tests of the watch readers and analyses: constant speed and
 * cadence on the flat, a chosen cadence and step length on descents, a hill profile, and running dynamics
 * (contact time, vertical oscillation, balance). It writes itself as TCX, GPX or CSV exports.
 *
 * @param startEpochS   start, seconds since 1970 (UTC)
 * @param durationS     length (s)
 * @param flatSpeedMps  speed on the flat (m/s)
 * @param flatCadenceSpm cadence on the flat (steps/min)
 * @param downCadenceSpm cadence on descents (steps/min)
 * @param downSpeedMps  speed on descents (m/s)
 * @param hill          altitude profile: every {@code hill[0]} metres the course climbs {@code hill[1]} metres over
 *                      {@code hill[2]} metres and descends them over the next {@code hill[2]} metres; null for flat
 */
public record SyntheticRun(double startEpochS, int durationS, double flatSpeedMps, double flatCadenceSpm,
                           double downCadenceSpm, double downSpeedMps, double[] hill) {

    /** A flat run. */
    public static SyntheticRun flat(double startEpochS, int durationS, double speedMps, double cadenceSpm) {
        return new SyntheticRun(startEpochS, durationS, speedMps, cadenceSpm, cadenceSpm, speedMps, null);
    }

    /** Epoch seconds of a UTC date-time. */
    public static double epoch(int year, int month, int day, int hour) {
        return java.time.LocalDateTime.of(year, month, day, hour, 0).toEpochSecond(ZoneOffset.UTC);
    }

    /** Altitude (m) at a distance (m), and the sign of the slope there (−1, 0, +1). */
    public double[] altitude(double d) {
        if (hill == null) {
            return new double[] {100, 0};
        }
        double period = hill[0];
        double rise = hill[1];
        double len = hill[2];
        double p = d % period;
        if (p < len) {
            return new double[] {100 + rise * p / len, 1};
        }
        if (p < 2 * len) {
            return new double[] {100 + rise - rise * (p - len) / len, -1};
        }
        return new double[] {100, 0};
    }

    /** The samples: time s, distance m, speed, cadence spm, altitude, contact ms, VO mm, balance %, heart rate. */
    public double[][] samples() {
        double[][] out = new double[durationS + 1][];
        double d = 0;
        for (int i = 0; i <= durationS; i++) {
            double[] alt = altitude(d);
            boolean down = alt[1] < 0;
            boolean up = alt[1] > 0;
            double speed = down ? downSpeedMps : up ? flatSpeedMps * 0.85 : flatSpeedMps;
            double cadence = down ? downCadenceSpm : flatCadenceSpm;
            double contact = 60000 / cadence * 0.72;
            out[i] = new double[] {i, d, speed, cadence, alt[0], contact, 85, 50.8, 150};
            d += speed;
        }
        return out;
    }

    private String iso(double t) {
        return Instant.ofEpochMilli(Math.round((startEpochS + t) * 1000)).toString();
    }

    /** A Garmin-style TCX export; {@code doubled} writes steps/min instead of Garmin's per-leg cadence. */
    public String tcx(boolean doubled) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" "
                + "xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n<Activities>\n"
                + "<Activity Sport=\"Running\">\n<Id>" + iso(0) + "</Id>\n<Lap StartTime=\"" + iso(0) + "\">\n"
                + "<TotalTimeSeconds>" + durationS + "</TotalTimeSeconds>\n<Track>\n");
        for (double[] s : samples()) {
            sb.append(String.format(Locale.ROOT, "<Trackpoint><Time>%s</Time><Position><LatitudeDegrees>%.7f"
                    + "</LatitudeDegrees><LongitudeDegrees>7.0</LongitudeDegrees></Position><AltitudeMeters>%.1f"
                    + "</AltitudeMeters><DistanceMeters>%.2f</DistanceMeters><HeartRateBpm><Value>%d</Value>"
                    + "</HeartRateBpm><Extensions><ns3:TPX><ns3:Speed>%.3f</ns3:Speed><ns3:RunCadence>%d</ns3:RunCadence>"
                    + "</ns3:TPX></Extensions></Trackpoint>%n", iso(s[0]), 46 + s[1] / 111195.0, s[4], s[1], (int) s[8],
                    s[2], Math.round(doubled ? s[3] : s[3] / 2)));
        }
        sb.append("</Track>\n</Lap>\n<Creator><Name>Synthetic Watch</Name></Creator>\n</Activity>\n</Activities>\n"
                + "</TrainingCenterDatabase>\n");
        return sb.toString();
    }

    /** A GPX export with Garmin's TrackPointExtension ({@code cad} per leg unless {@code doubled}). */
    public String gpx(boolean doubled) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" "
                + "creator=\"Synthetic\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
                + "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n<trk><name>run</name>"
                + "<type>running</type><trkseg>\n");
        for (double[] s : samples()) {
            sb.append(String.format(Locale.ROOT, "<trkpt lat=\"%.7f\" lon=\"7.0\"><ele>%.1f</ele><time>%s</time>"
                    + "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr><gpxtpx:cad>%d</gpxtpx:cad>"
                    + "</gpxtpx:TrackPointExtension></extensions></trkpt>%n", 46 + s[1] / 111195.0, s[4], iso(s[0]),
                    (int) s[8], Math.round(doubled ? s[3] : s[3] / 2)));
        }
        sb.append("</trkseg></trk>\n</gpx>\n");
        return sb.toString();
    }

    /** A per-second CSV in Stryd-like naming (steps/min, contact time in ms, oscillation in cm). */
    public String strydCsv() {
        StringBuilder sb = new StringBuilder("Timestamp,Distance (m),Speed (m/s),Cadence,Ground Time,"
                + "Vertical Oscillation,Elevation,Heart Rate,Form Power\n");
        for (double[] s : samples()) {
            sb.append(String.format(Locale.ROOT, "%d,%.2f,%.3f,%.0f,%.0f,%.1f,%.1f,%.0f,%d%n",
                    Math.round(startEpochS + s[0]), s[1], s[2], s[3], s[5], s[6] / 10, s[4], s[8], 70));
        }
        return sb.toString();
    }

    /** A per-second CSV in Garmin's FitCSVTool naming (FIT time stamps, per-leg cadence, mm, semicolons optional). */
    public String garminCsv() {
        StringBuilder sb = new StringBuilder("timestamp[s],distance[m],enhanced_speed[m/s],cadence[rpm],"
                + "stance_time[ms],vertical_oscillation[mm],stance_time_balance[percent],enhanced_altitude[m],"
                + "heart_rate[bpm]\n");
        for (double[] s : samples()) {
            double c = s[3] / 2;
            sb.append(String.format(Locale.ROOT, "%d,%.2f,%.3f,%d,%.1f,%.1f,%.2f,%.1f,%d%n",
                    Math.round(startEpochS + s[0] - 631065600L), s[1], s[2], (int) c, s[5], s[6], s[7], s[4], (int) s[8]));
        }
        return sb.toString();
    }
}
