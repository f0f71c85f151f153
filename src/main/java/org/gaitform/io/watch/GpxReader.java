package org.gaitform.io.watch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.gaitform.io.text.TimeStamps;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;

/**
 * Reads GPX tracks ({@code .gpx}): track points with time, position and elevation, and the common extensions
 * (Garmin's TrackPointExtension {@code hr}, {@code cad}, {@code speed}; {@code power}). Distance comes from the
 * positions and speed from distance over time. Cadence per leg ({@code cad}, as Garmin writes it) is doubled to
 * steps/min; exports that already doubled it are detected ({@link CadenceUnits}). A track whose {@code <type>}
 * names another sport (cycling, …) is refused. XML is parsed without DTDs or external entities
 * ({@link SafeXml}).
 */
public final class GpxReader {

    /** Reads a file ({@code .gpx} or {@code .gpx.gz}). */
    public WatchRecording read(Path file, String source, WatchReadOptions options) throws IOException {
        try (InputStream in = WatchFiles.open(file, source)) {
            return read(in, source, options);
        }
    }

    /** Reads GPX from a stream. */
    public WatchRecording read(InputStream in, String source, WatchReadOptions options) {
        XMLStreamReader x = SafeXml.open(in, source);
        RecordTable table = new RecordTable();
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> info = new LinkedHashMap<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        boolean rootSeen = false;
        String type = null;
        int points = 0;
        int noTime = 0;
        int segments = 0;
        int badValues = 0;
        double offset = Double.NaN;
        double lat = Double.NaN;
        double lon = Double.NaN;
        double ele = Double.NaN;
        double time = Double.NaN;
        double hr = Double.NaN;
        double cad = Double.NaN;
        double speed = Double.NaN;
        double power = Double.NaN;
        try {
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (!rootSeen) {
                        rootSeen = true;
                        if (!name.equals("gpx")) {
                            throw GaitformException.badInput(source, "root element", "a GPX file (<gpx>)", "<" + name + ">");
                        }
                        String creator = TcxReader.attr(x, "creator");
                        if (creator != null && !creator.isBlank()) {
                            info.put("device", creator.trim());
                        }
                    }
                    path.push(name);
                    text.setLength(0);
                    if (name.equals("trkseg")) {
                        segments++;
                    } else if (name.equals("trkpt")) {
                        lat = TcxReader.num(String.valueOf(TcxReader.attr(x, "lat")));
                        lon = TcxReader.num(String.valueOf(TcxReader.attr(x, "lon")));
                        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
                            if (TcxReader.attr(x, "lat") != null || TcxReader.attr(x, "lon") != null) {
                                badValues++;
                            }
                            lat = Double.NaN;
                            lon = Double.NaN;
                        }
                        ele = Double.NaN;
                        time = Double.NaN;
                        hr = Double.NaN;
                        cad = Double.NaN;
                        speed = Double.NaN;
                        power = Double.NaN;
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (text.length() < 4096) {
                        text.append(x.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    String value = text.toString().trim();
                    text.setLength(0);
                    if (path.contains("trkpt")) {
                        switch (name.toLowerCase(Locale.ROOT)) {
                            case "ele" -> ele = TcxReader.num(value);
                            case "time" -> {
                                TimeStamps.Stamp s = TimeStamps.parse(value);
                                if (s != null) {
                                    time = s.epochS();
                                    if (Double.isNaN(offset)) {
                                        offset = s.offsetS();
                                    }
                                }
                            }
                            case "hr", "heartrate" -> hr = TcxReader.num(value);
                            case "cad", "cadence", "runcadence" -> cad = TcxReader.num(value);
                            case "speed" -> speed = TcxReader.num(value);
                            case "power", "watts" -> power = TcxReader.num(value);
                            default -> {
                            }
                        }
                    } else if (name.equals("trkpt")) {
                        points++;
                        if (Double.isNaN(time)) {
                            noTime++;
                            continue;
                        }
                        int row = table.add(time);
                        table.set(WatchChannel.LATITUDE_DEG, row, lat);
                        table.set(WatchChannel.LONGITUDE_DEG, row, lon);
                        table.set(WatchChannel.ALTITUDE_M, row, ele);
                        table.set(WatchChannel.HEART_RATE_BPM, row, hr);
                        table.set(WatchChannel.CADENCE_SPM, row, cad);
                        table.set(WatchChannel.SPEED_MPS, row, speed);
                        table.set(WatchChannel.POWER_W, row, power);
                    } else if (name.equals("type") && "trk".equals(path.peek()) && !value.isEmpty()) {
                        type = value;
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
        if (type != null && !isRunning(type)) {
            throw GaitformException.notAnalysable(source, "no running in this file: its track type is '" + type + "'");
        }
        if (table.size() == 0) {
            throw GaitformException.notAnalysable(source, points == 0 ? "the GPX file holds no track points (a route "
                    + "or waypoints only?)" : "none of its " + points + " track points has a time");
        }
        if (noTime > 0) {
            warnings.add(noTime + " track point(s) without a time were skipped");
        }
        if (badValues > 0) {
            warnings.add(badValues + " track point value(s) were not numbers or out of range (latitude beyond ±90°, "
                    + "longitude beyond ±180°) and were skipped");
        }
        decisions.add(new Decision("format", "GPX", points + " track points in " + segments + " segment(s)"));
        decisions.add(new Decision("sport", "running", type == null ? "the track names no type; a run is assumed"
                : "track type '" + type + "'"));
        info.put("sport", "running");
        DerivedChannels.distanceFromPositions(table, decisions);
        DerivedChannels.speedFromDistance(table, decisions);
        double[] c = table.values(WatchChannel.CADENCE_SPM);
        if (c != null) {
            CadenceUnits.Result r = CadenceUnits.normalise(c, table.values(WatchChannel.SPEED_MPS), options.cadenceUnit(),
                    "GPX cad");
            table.replace(WatchChannel.CADENCE_SPM, r.stepsPerMin());
            decisions.add(r.decision());
            info.put("cadence_source_unit", r.factor() == 2 ? "strides/min (per leg), doubled" : "steps/min (already doubled)");
        }
        if (!Double.isNaN(offset)) {
            decisions.add(new Decision("utc_offset", String.format(Locale.ROOT, "%+.1f h", offset / 3600),
                    "the offset written in the track point times"));
        }
        // one device in a TCX or GPX: the power decision is still recorded (summary.json's decision_power_w_source)
        WatchSources.resolve(table, "watch", Map.of("watch", "the export's own fields"), options.dynamicsDevice(),
                decisions, warnings, info);
        return table.build(source, "gpx", true, offset, List.of(), Map.of(), info, decisions, warnings);
    }

    private static boolean isRunning(String type) {
        String t = type.toLowerCase(Locale.ROOT).trim();
        return t.contains("run") || t.equals("9") || t.contains("jog") || t.contains("trail");
    }
}
