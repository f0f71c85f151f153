package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;

/**
 * Chooses the analysis for an IMU recording from where the sensor was worn: the user's
 * {@code --placement}, else a placement word in the file's name, else a trunk sensor is assumed (and the
 * report says so).
 */
final class ImuAnalysis {
    private final AnalysisSettings settings;

    ImuAnalysis(AnalysisSettings settings) {
        this.settings = settings;
    }

    SessionResult analyse(ImuRecording rec, String sessionId) {
        List<Decision> decisions = new ArrayList<>(rec.decisions());
        ImuSensor sensor = rec.sensors().get(0);
        Placement placement = sensor.placement();
        if (placement == Placement.UNKNOWN) {
            placement = fromName(rec.source());
            if (placement != Placement.UNKNOWN) {
                decisions.add(new Decision("placement", placement.label(), "the file name mentions it"));
            } else {
                placement = Placement.SACRUM;
                decisions.add(new Decision("placement", placement.label(), "not given (--placement) nor named in the "
                        + "file name; a trunk sensor (sacrum / lower back) is assumed"));
            }
        }
        if (!placement.isTrunk()) {
            throw GaitformException.notAnalysable(rec.source(), "sensors worn on the " + placement.label().replace('_', ' ')
                    + " are not analysed yet; this version analyses trunk sensors (sacrum, lower back, waist, chest)");
        }
        ImuRecording placed = rec.withSensors(List.of(sensor.withPlacement(placement)), decisions);
        return new TrunkRunningAnalysis(settings).analyse(placed, sessionId);
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
