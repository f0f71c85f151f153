package org.gaitform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A runner's account exports written for tests and the benchmark, in the layouts the services use:
 *
 * <ul>
 *   <li>a Strava bulk export: {@code activities.csv} (Strava's columns, some of them twice, as Strava writes them:
 *   {@code Activity ID, Activity Date, Activity Name, Activity Type, Activity Description, Elapsed Time, Distance,
 *   Max Heart Rate, Relative Effort, Commute, Activity Private Note, Activity Gear, Filename, Athlete Weight, Bike
 *   Weight, Elapsed Time, Moving Time, Distance, Max Speed, Average Speed, Elevation Gain}) and {@code activities/}
 *   with {@code <id>.fit.gz}, {@code <id>.gpx.gz} and {@code <id>.tcx.gz} files, as a folder or as a zip with an
 *   {@code export_<n>/} folder inside;</li>
 *   <li>a Garmin Connect data export: a zip with {@code DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip}
 *   (and {@code _Part2}), zips of {@code <user>_<id>.fit} files, beside other folders of the export.</li>
 * </ul>
 *
 * Activities: runs of 20–70 minutes (3–5 a week, a few weeks of break, speed and cadence slowly changing over the
 * years, two to four pairs of shoes in turn, some with Garmin running dynamics, some GPX or TCX), rides (FIT, sport
 * cycling), walks (GPX typed walking), swims and hand-entered runs without a file.
 */
public final class AccountExports {
    /**
     * What to write.
     *
     * @param activities how many activities
     * @param years      over how many years
     * @param seed       random seed
     * @param timeScale  activities last this fraction of their usual 20–70 minutes (1 for the benchmark; tests use
     *                   shorter ones)
     */
    public record Spec(int activities, double years, long seed, double timeScale) {
    }

    /** One generated activity. */
    public record Activity(long id, long startUnixS, String type, String name, String gear, String file, byte[] content,
                           double distanceM, int seconds) {
    }

    private AccountExports() {
    }

    /** The activities of a spec, in time order. */
    public static List<Activity> activities(Spec spec) {
        Random rnd = new Random(spec.seed());
        List<Activity> out = new ArrayList<>();
        long start = LocalDateTime.of(2019, 1, 7, 6, 30).toEpochSecond(ZoneOffset.UTC);
        double span = spec.years() * 365.25 * 86400;
        String[] shoes = {"Nike Pegasus 38", "ASICS Novablast 3", "Brooks Ghost 15", "Saucony Endorphin Speed 3"};
        for (int i = 0; i < spec.activities(); i++) {
            long t = start + (long) (span * i / spec.activities()) + rnd.nextInt(3 * 3600);
            double f = (double) i / spec.activities();
            double u = rnd.nextDouble();
            long id = 2_000_000_000L + 7919L * i;
            String type = u < 0.72 ? "Run" : u < 0.84 ? "Ride" : u < 0.92 ? "Walk" : u < 0.96 ? "Swim" : "Run";
            boolean manual = u >= 0.96;
            int minutes = type.equals("Run") ? 20 + rnd.nextInt(50) : 25 + rnd.nextInt(40);
            int seconds = (int) Math.round(minutes * 60 * spec.timeScale());
            String gear = type.equals("Run") ? shoes[(int) Math.min(shoes.length - 1, f * shoes.length)] : "";
            if (manual || type.equals("Swim")) {
                out.add(new Activity(id, t, type, type.equals("Swim") ? "Pool swim" : "Treadmill run (entered)", gear,
                        "", null, 1000, seconds));
                continue;
            }
            double speed = type.equals("Ride") ? 7.5 : type.equals("Walk") ? 1.5 : 2.8 + 0.5 * f + 0.2 * rnd.nextDouble();
            double cadence = type.equals("Walk") ? 55 : 80 + 5 * f + 2 * rnd.nextDouble();
            String file;
            byte[] content;
            if (type.equals("Walk")) {
                file = "activities/" + id + ".gpx.gz";
                content = gzip(gpx(t, seconds, speed, "walking"));
            } else if (type.equals("Run") && i % 9 == 4) {
                file = "activities/" + id + ".tcx.gz";
                content = gzip(tcx(t, seconds, speed, cadence));
            } else {
                FitRunFile fit = new FitRunFile(t, seconds).sport(type.equals("Ride") ? 2 : 1).speed(k -> speed
                        + 0.15 * Math.sin(k / 97.0)).cadenceStrides(k -> type.equals("Ride") ? 85 : cadence)
                        .altitude(k -> 50 + 12 * Math.sin(k * speed / 1500.0)).heartRate(k -> 140 + 15 * Math.sin(k
                                / 400.0));
                if (type.equals("Run") && i % 3 == 0) {
                    fit.nativeField("stance_time", k -> 275 - 20 * f).nativeField("vertical_oscillation", k -> 92 - 8 * f)
                            .nativeField("stance_time_balance", k -> 50.4);
                }
                file = "activities/" + id + ".fit.gz";
                content = gzip(fit.bytes());
            }
            String name = type.equals("Run") ? (minutes > 55 ? "Long run" : "Morning run") : type.equals("Ride")
                    ? "Commute" : "Walk";
            out.add(new Activity(id, t, type, name, gear, file, content, speed * seconds, seconds));
        }
        return out;
    }

    private static byte[] gzip(byte[] b) {
        try {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            try (OutputStream g = new GZIPOutputStream(o)) {
                g.write(b);
            }
            return o.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(String s) {
        return gzip(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String iso(long t) {
        return Instant.ofEpochSecond(t).toString();
    }

    static String gpx(long start, int seconds, double speed, String type) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"t\" "
                + "xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk><type>" + type + "</type><trkseg>\n");
        for (int i = 0; i <= seconds; i += 2) {
            sb.append(String.format(Locale.ROOT, "<trkpt lat=\"%.7f\" lon=\"7.0\"><ele>100</ele><time>%s</time></trkpt>%n",
                    46 + speed * i / 111195.0, iso(start + i)));
        }
        return sb.append("</trkseg></trk></gpx>\n").toString();
    }

    static String tcx(long start, int seconds, double speed, double cadenceStrides) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin"
                + ".com/xmlschemas/TrainingCenterDatabase/v2\" xmlns:ns3=\"http://www.garmin.com/xmlschemas/"
                + "ActivityExtension/v2\"><Activities><Activity Sport=\"Running\"><Id>" + iso(start) + "</Id><Lap "
                + "StartTime=\"" + iso(start) + "\"><TotalTimeSeconds>" + seconds + "</TotalTimeSeconds><Track>\n");
        for (int i = 0; i <= seconds; i++) {
            sb.append(String.format(Locale.ROOT, "<Trackpoint><Time>%s</Time><AltitudeMeters>80</AltitudeMeters>"
                    + "<DistanceMeters>%.1f</DistanceMeters><Extensions><ns3:TPX><ns3:Speed>%.3f</ns3:Speed>"
                    + "<ns3:RunCadence>%d</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>%n", iso(start + i),
                    speed * i, speed, Math.round(cadenceStrides)));
        }
        return sb.append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n").toString();
    }

    private static final DateTimeFormatter STRAVA = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ENGLISH);

    /** Strava's {@code activities.csv} of the activities. */
    public static String stravaCsv(List<Activity> acts) {
        StringBuilder sb = new StringBuilder("Activity ID,Activity Date,Activity Name,Activity Type,Activity "
                + "Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity "
                + "Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,"
                + "Elevation Gain\n");
        for (Activity a : acts) {
            String date = LocalDateTime.ofEpochSecond(a.startUnixS(), 0, ZoneOffset.UTC).format(STRAVA);
            sb.append(a.id()).append(",\"").append(date).append("\",").append(a.name()).append(',').append(a.type())
                    .append(",,").append(a.seconds()).append(',').append(String.format(Locale.ROOT, "%.2f",
                    a.distanceM() / 1000)).append(",,,false,,").append(a.gear().isEmpty() ? "" : "\"" + a.gear() + "\"")
                    .append(',').append(a.file()).append(",,,").append(a.seconds()).append(',').append(a.seconds())
                    .append(',').append(String.format(Locale.ROOT, "%.1f", a.distanceM())).append(",,,\n");
        }
        return sb.toString();
    }

    /** A Strava bulk export as a folder; returns the folder. */
    public static Path stravaFolder(Path dir, List<Activity> acts) throws IOException {
        Files.createDirectories(dir.resolve("activities"));
        Files.writeString(dir.resolve("activities.csv"), stravaCsv(acts));
        Files.writeString(dir.resolve("profile.csv"), "Athlete ID,Email Address\n1,runner@example.invalid\n");
        for (Activity a : acts) {
            if (a.content() != null) {
                Files.write(dir.resolve(a.file()), a.content());
            }
        }
        return dir;
    }

    /** A Strava bulk export as a zip with its {@code export_<n>/} folder; returns the zip. */
    public static Path stravaZip(Path zip, List<Activity> acts) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            String top = "export_4242/";
            put(z, top + "activities.csv", stravaCsv(acts).getBytes(StandardCharsets.UTF_8));
            put(z, top + "profile.csv", "Athlete ID\n1\n".getBytes(StandardCharsets.UTF_8));
            for (Activity a : acts) {
                if (a.content() != null) {
                    put(z, top + a.file(), a.content());
                }
            }
        }
        return zip;
    }

    /** A Garmin Connect data export (a zip of zips of FIT files; GPX and gz files unpacked as Garmin keeps them). */
    public static Path garminZip(Path zip, List<Activity> acts) throws IOException {
        List<ByteArrayOutputStream> parts = new ArrayList<>();
        int perPart = Math.max(1, (acts.size() + 1) / 2);
        ZipOutputStream inner = null;
        int n = 0;
        for (Activity a : acts) {
            if (a.content() == null || !a.file().endsWith(".fit.gz")) {
                continue;
            }
            if (inner == null || n % perPart == 0) {
                if (inner != null) {
                    inner.close();
                }
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                parts.add(b);
                inner = new ZipOutputStream(b);
            }
            put(inner, "runner@example.invalid_" + a.id() + ".fit", gunzip(a.content()));
            n++;
        }
        if (inner != null) {
            inner.close();
        }
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "DI_CONNECT/DI-Connect-User/user_profile.json", "{}".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < parts.size(); i++) {
                put(z, "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part" + (i + 1) + ".zip",
                        parts.get(i).toByteArray());
            }
        }
        return zip;
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }
}
