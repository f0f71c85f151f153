package org.gaitform.io.watch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TimeStamps;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchLap;
import org.gaitform.model.WatchRecording;

/**
 * Reads Training Center XML ({@code .tcx}) activities: trackpoints (time, position, altitude, distance, heart
 * rate, cadence, and the Garmin activity extension's speed, run cadence and power), laps, the device's name. Only
 * running activities are read. TCX has no running dynamics (contact time, vertical oscillation). Cadence per leg
 * ({@code RunCadence}, as Garmin writes it) is doubled to steps/min; exports that already doubled it are
 * detected ({@link CadenceUnits}). XML is parsed without DTDs or external entities ({@link SafeXml}).
 */
public final class TcxReader {

    private static final class Point {
        double time = Double.NaN;
        double offset = Double.NaN;
        double lat = Double.NaN;
        double lon = Double.NaN;
        double alt = Double.NaN;
        double dist = Double.NaN;
        double hr = Double.NaN;
        double cadence = Double.NaN;
        double runCadence = Double.NaN;
        double speed = Double.NaN;
        double watts = Double.NaN;
    }

    /** Reads a file ({@code .tcx} or {@code .tcx.gz}). */
    public WatchRecording read(Path file, String source, WatchReadOptions options) throws IOException {
        try (InputStream in = WatchFiles.open(file, source)) {
            return read(in, source, options);
        }
    }

    /** Reads TCX from a stream. */
    public WatchRecording read(InputStream in, String source, WatchReadOptions options) {
        XMLStreamReader x = SafeXml.open(in, source);
        RecordTable table = new RecordTable();
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> info = new LinkedHashMap<>();
        List<WatchLap> laps = new ArrayList<>();
        Set<String> skippedSports = new LinkedHashSet<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        boolean rootSeen = false;
        boolean inRunning = false;
        int activities = 0;
        Point p = null;
        double lapStart = Double.NaN;
        double lapTime = Double.NaN;
        double lapDistance = Double.NaN;
        double lapAvgRunCadence = Double.NaN;
        boolean runCadenceUsed = false;
        boolean plainCadenceUsed = false;
        double offset = Double.NaN;
        int badNumbers = 0;
        try {
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (!rootSeen) {
                        rootSeen = true;
                        if (!name.equals("TrainingCenterDatabase")) {
                            throw GaitformException.badInput(source, "root element", "a TCX file (<TrainingCenterDatabase>)",
                                    "<" + name + ">");
                        }
                    }
                    path.push(name);
                    text.setLength(0);
                    switch (name) {
                        case "Activity" -> {
                            activities++;
                            String sport = abbreviate(attr(x, "Sport"));
                            inRunning = sport == null || sport.equalsIgnoreCase("Running") || sport.equalsIgnoreCase("Other");
                            if (!inRunning) {
                                skippedSports.add(sport);
                            } else if (sport != null && sport.equalsIgnoreCase("Other")) {
                                warnings.add("activity sport 'Other' is taken as running");
                            }
                        }
                        case "Lap" -> {
                            TimeStamps.Stamp s = TimeStamps.parse(String.valueOf(attr(x, "StartTime")));
                            lapStart = s == null ? Double.NaN : s.epochS();
                            lapTime = Double.NaN;
                            lapDistance = Double.NaN;
                            lapAvgRunCadence = Double.NaN;
                        }
                        case "Trackpoint" -> p = inRunning ? new Point() : null;
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (text.length() < 4096) {
                        text.append(x.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    String parent = path.isEmpty() ? "" : path.peek();
                    String value = text.toString().trim();
                    text.setLength(0);
                    if (!inRunning) {
                        continue;
                    }
                    if (p != null && path.contains("Trackpoint")) {
                        switch (name) {
                            case "Time" -> {
                                TimeStamps.Stamp s = TimeStamps.parse(value);
                                if (s != null) {
                                    p.time = s.epochS();
                                    p.offset = s.offsetS();
                                }
                            }
                            case "LatitudeDegrees" -> p.lat = num(value);
                            case "LongitudeDegrees" -> p.lon = num(value);
                            case "AltitudeMeters" -> p.alt = num(value);
                            case "DistanceMeters" -> p.dist = num(value);
                            case "Value" -> {
                                if (parent.equals("HeartRateBpm")) {
                                    p.hr = num(value);
                                }
                            }
                            case "Cadence" -> p.cadence = num(value);
                            case "RunCadence" -> p.runCadence = num(value);
                            case "Speed" -> p.speed = num(value);
                            case "Watts" -> p.watts = num(value);
                            default -> {
                            }
                        }
                        if (!value.isEmpty() && isNumeric(name) && Double.isNaN(num(value))) {
                            badNumbers++;
                        }
                    } else if (name.equals("Trackpoint") && p != null) {
                        if (Double.isNaN(p.time)) {
                            badNumbers++;
                        } else {
                            int row = table.add(p.time);
                            if (Double.isNaN(offset)) {
                                offset = p.offset;
                            }
                            table.set(WatchChannel.LATITUDE_DEG, row, p.lat);
                            table.set(WatchChannel.LONGITUDE_DEG, row, p.lon);
                            table.set(WatchChannel.ALTITUDE_M, row, p.alt);
                            table.set(WatchChannel.DISTANCE_M, row, p.dist);
                            table.set(WatchChannel.HEART_RATE_BPM, row, p.hr);
                            table.set(WatchChannel.SPEED_MPS, row, p.speed);
                            table.set(WatchChannel.POWER_W, row, p.watts);
                            if (!Double.isNaN(p.runCadence)) {
                                table.set(WatchChannel.CADENCE_SPM, row, p.runCadence);
                                runCadenceUsed = true;
                            } else if (!Double.isNaN(p.cadence)) {
                                table.set(WatchChannel.CADENCE_SPM, row, p.cadence);
                                plainCadenceUsed = true;
                            }
                        }
                        p = null;
                    } else if (path.contains("Lap") && !path.contains("Track")) {
                        switch (name) {
                            case "TotalTimeSeconds" -> lapTime = num(value);
                            case "DistanceMeters" -> {
                                if (parent.equals("Lap")) {
                                    lapDistance = num(value);
                                }
                            }
                            case "AvgRunCadence" -> lapAvgRunCadence = num(value);
                            default -> {
                            }
                        }
                    } else if (name.equals("Lap") && !Double.isNaN(lapStart) && lapTime > 0) {
                        Map<String, Double> avg = new LinkedHashMap<>();
                        if (!Double.isNaN(lapAvgRunCadence)) {
                            avg.put("run_cadence_as_written", lapAvgRunCadence);
                        }
                        laps.add(new WatchLap(laps.size() + 1, lapStart, lapStart + lapTime, lapDistance, avg));
                    } else if (name.equals("Name") && parent.equals("Creator") && !value.isEmpty()) {
                        info.putIfAbsent("device", value);
                    } else if (name.equals("Activity")) {
                        inRunning = false;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.error(source, e);
        } finally {
            try {
                x.close();
            } catch (XMLStreamException ignored) {
                // nothing to release
            }
        }
        if (activities == 0) {
            throw GaitformException.notAnalysable(source, "the TCX file holds no activity (a course or workout file?)");
        }
        if (table.size() == 0) {
            if (!skippedSports.isEmpty()) {
                throw GaitformException.notAnalysable(source, "no running in this file: its activities are "
                        + String.join(", ", skippedSports));
            }
            throw GaitformException.notAnalysable(source, "the running activity has no trackpoints with a time");
        }
        if (!skippedSports.isEmpty()) {
            decisions.add(new Decision("activities", "running only", "skipped activities of sport "
                    + String.join(", ", skippedSports)));
        }
        if (badNumbers > 0) {
            warnings.add(badNumbers + " trackpoint value(s) were not numbers (or a trackpoint had no time) and were "
                    + "skipped");
        }
        decisions.add(new Decision("format", "TCX", "Training Center XML, " + table.size() + " trackpoints, "
                + laps.size() + " lap(s)"));
        info.put("sport", "running");
        DerivedChannels.distanceFromPositions(table, decisions);
        DerivedChannels.speedFromDistance(table, decisions);
        double[] cad = table.values(WatchChannel.CADENCE_SPM);
        if (cad != null) {
            String what = runCadenceUsed ? "TCX RunCadence" : "TCX Cadence";
            if (runCadenceUsed && plainCadenceUsed) {
                warnings.add("some trackpoints have only <Cadence>, others <RunCadence>; both were read as the same unit");
            }
            CadenceUnits.Result c = CadenceUnits.normalise(cad, table.values(WatchChannel.SPEED_MPS),
                    options.cadenceUnit(), what);
            table.replace(WatchChannel.CADENCE_SPM, c.stepsPerMin());
            decisions.add(c.decision());
            info.put("cadence_source_unit", c.factor() == 2 ? "strides/min (per leg), doubled" : "steps/min (already doubled)");
            List<WatchLap> scaled = new ArrayList<>();
            for (WatchLap l : laps) {
                Map<String, Double> avg = new LinkedHashMap<>();
                Double w = l.deviceValues().get("run_cadence_as_written");
                if (w != null) {
                    avg.put("cadence_spm", w * c.factor());
                }
                scaled.add(new WatchLap(l.number(), l.startS(), l.endS(), l.distanceM(), avg));
            }
            laps = scaled;
        }
        if (!Double.isNaN(offset)) {
            decisions.add(new Decision("utc_offset", String.format(Locale.ROOT, "%+.1f h", offset / 3600),
                    "the offset written in the trackpoint times"));
        }
        // one device in a TCX or GPX: the power decision is still recorded (summary.json's decision_power_w_source)
        WatchSources.resolve(table, "watch", Map.of("watch", "the export's own fields"), options.dynamicsDevice(),
                decisions, warnings, info);
        return table.build(source, "tcx", true, offset, laps, Map.of(), info, decisions, warnings);
    }

    private static boolean isNumeric(String name) {
        return switch (name) {
            case "LatitudeDegrees", "LongitudeDegrees", "AltitudeMeters", "DistanceMeters", "Cadence", "RunCadence",
                 "Speed", "Watts" -> true;
            default -> false;
        };
    }

    static String attr(XMLStreamReader x, String local) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(local)) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Long text shortened for messages; control characters shown as '?'. */
    static String abbreviate(String s) {
        if (s == null) {
            return null;
        }
        String t = s.length() > 200 ? s.substring(0, 200) : s;
        t = t.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 40 ? t.substring(0, Math.min(t.length(), 37)) + "..." : t;
    }

    static double num(String s) {
        return Numbers.parse(s.trim(), false);
    }
}
