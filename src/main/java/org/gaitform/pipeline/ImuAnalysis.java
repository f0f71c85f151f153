package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.io.TimeBase;
import org.gaitform.events.PlacementDetector;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;

/**
 * Chooses the analysis for an IMU recording from where the sensor was worn: the user's {@code --placement}, else
 * the file's own metadata (set by the reader), else a placement word in the file's name, else the signal
 * ({@link PlacementDetector}). Every choice is recorded with its reason; when the name and the signal disagree,
 * a warning says so. Trunk sensors go to {@link TrunkRunningAnalysis}, foot and shank sensors to
 * {@link LegImuAnalysis}, wrist, arm and pocket sensors (and limb sensors whose place cannot be told) to
 * {@link LimbCadenceAnalysis}.
 */
final class ImuAnalysis {
    private final AnalysisSettings settings;
    private final boolean metadataSpeed;

    ImuAnalysis(AnalysisSettings settings) {
        this(settings, false);
    }

    /**
     * @param settings       run settings, with the session's speed when known
     * @param metadataSpeed  true when that speed came from the session's metadata rather than {@code --speed-mps}
     */
    ImuAnalysis(AnalysisSettings settings, boolean metadataSpeed) {
        this.settings = settings;
        this.metadataSpeed = metadataSpeed;
    }

    SessionResult analyse(ImuRecording rec, String sessionId) {
        List<Decision> decisions = new ArrayList<>(rec.decisions());
        List<String> warnings = new ArrayList<>(rec.warnings());
        if (rec.durationS() < TrunkRunningAnalysis.MIN_DURATION_S) {
            throw GaitformException.notAnalysable(rec.source(), String.format(java.util.Locale.ROOT,
                    "the recording is too short: %.2f s; at least %.0f s of running is needed", rec.durationS(),
                    TrunkRunningAnalysis.MIN_DURATION_S));
        }
        SignalChecks.requireMovement(rec);
        ImuSensor sensor = rec.sensors().get(0);
        Placement placement = sensor.placement();
        boolean limb = false;
        if (placement != Placement.UNKNOWN) {
            PlacementDetector.Result detected = PlacementDetector.detect(sensor, rec.samplingRateHz());
            if (!detected.limb() && detected.placement() != Placement.UNKNOWN
                    && group(detected.placement()) != group(placement)) {
                warnings.add("the sensor was given as " + placement.label() + " but the signal looks like a "
                        + detected.placement().label().replace('_', ' ') + " sensor (" + detected.reason() + ")");
            }
        } else {
            placement = fromName(rec.source());
            PlacementDetector.Result detected = PlacementDetector.detect(sensor, rec.samplingRateHz());
            if (placement != Placement.UNKNOWN) {
                decisions.add(new Decision("placement", placement.label(), "the file name mentions it"));
                if (!detected.limb() && detected.placement() != Placement.UNKNOWN
                        && group(detected.placement()) != group(placement)) {
                    warnings.add("the file name says " + placement.label() + " but the signal looks like a "
                            + detected.placement().label().replace('_', ' ') + " sensor (" + detected.reason()
                            + "); the file name was followed: use --placement to choose");
                }
            } else {
                placement = detected.placement();
                limb = detected.limb();
                decisions.add(new Decision("placement", limb ? "limb (not determined)" : placement.label(),
                        "from the signal: " + detected.reason() + " (--placement overrides)"));
            }
        }
        String kind = inputKind(rec);
        AnalysisSettings settings = this.settings;
        if (settings.speedMps().isPresent()) {
            decisions.add(new Decision("speed_mps", TimeBase.fmt(settings.speedMps().get()), metadataSpeed
                    ? "from the session metadata" : "override (--speed-mps)"));
        } else {
            Optional<Double> named = speedFromName(rec.source());
            if (named.isPresent()) {
                settings = settings.withSpeedMps(named.get());
                decisions.add(new Decision("speed_mps", TimeBase.fmt(named.get()), "the file name states the speed "
                        + "(read as m/s; --speed-mps overrides)"));
            }
        }
        if (placement.isTrunk()) {
            List<ImuSensor> placed = new ArrayList<>();
            for (ImuSensor s : rec.sensors()) {
                placed.add(s.withPlacement(placement));
            }
            return new TrunkRunningAnalysis(settings).analyse(rec.withSensors(placed, decisions, warnings), sessionId);
        }
        if (placement == Placement.FOOT || placement == Placement.SHANK) {
            return new LegImuAnalysis(settings).analyse(rec, sessionId, placement, kind, decisions, warnings);
        }
        return new LimbCadenceAnalysis(settings).analyse(rec, sessionId, placement, kind, decisions, warnings);
    }

    private static final Pattern SPEED_IN_NAME = Pattern.compile(
            "(?:^|[^a-z])speed[_-]?(\\d{1,2}(?:[.,]\\d+)?)(kmh|kph|mps|ms)?(?![0-9])");

    /** A running speed written in a file name ({@code trial02_speed2.5_slope0.csv}, {@code speed12kmh}), in m/s. */
    static Optional<Double> speedFromName(String source) {
        String name = source.toLowerCase(Locale.ROOT).replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        Matcher m = SPEED_IN_NAME.matcher(name);
        if (!m.find()) {
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(1).replace(',', '.'));
        if ("kmh".equals(m.group(2)) || "kph".equals(m.group(2))) {
            v /= 3.6;
        }
        return v > 0.5 && v < 12 ? Optional.of(v) : Optional.empty();
    }

    /** The reader family, from the reader's decisions. */
    static String inputKind(ImuRecording rec) {
        return rec.decisions().stream().anyMatch(d -> d.key().equals("format") && d.value().equals("Sensor Logger"))
                ? "sensor-logger" : "imu-csv";
    }

    /** Coarse body region: 0 trunk, 1 leg (foot, shank), 2 other limbs. */
    private static int group(Placement p) {
        return p.isTrunk() ? 0 : p == Placement.FOOT || p == Placement.SHANK ? 1 : 2;
    }

    /** A placement named in a file name ({@code …_sacrum.csv}, {@code lowerback-run.csv}, …), or unknown. */
    static Placement fromName(String source) {
        String name = source.toLowerCase(Locale.ROOT).replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String[] tokens = name.split("[^a-z]+");
        for (String t : tokens) {
            Placement p = switch (t) {
                case "sacrum", "sacral", "pelvis" -> Placement.SACRUM;
                case "lowerback", "lumbar", "back" -> Placement.LOWER_BACK;
                case "waist", "belt" -> Placement.WAIST;
                case "chest", "cheststrap", "sternum" -> Placement.CHEST;
                case "foot", "shoe", "instep" -> Placement.FOOT;
                case "shank", "tibia", "shin" -> Placement.SHANK;
                case "wrist", "watch" -> Placement.WRIST;
                case "pocket", "thigh" -> Placement.PHONE_POCKET;
                case "armband" -> Placement.ARM;
                default -> null;
            };
            if (p != null) {
                return p;
            }
        }
        if (name.contains("lower_back") || name.contains("lower-back")) {
            return Placement.LOWER_BACK;
        }
        return Placement.UNKNOWN;
    }
}
