package org.gaitform.cli;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.io.watch.CadenceUnit;
import org.gaitform.io.watch.WatchReadOptions;
import org.gaitform.model.Channel;
import org.gaitform.model.Placement;
import org.gaitform.pipeline.AnalysisSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that say how to read and analyse recordings (columns, units, rate, placement, speed, keypoint and
 * marker settings, {@code --activity}): a picocli mixin shared by {@code analyze}, {@code validate} and the Spark job
 * ({@code org.gaitform.spark.SparkAnalyzeJob}), so that a recording is validated, and analysed on a cluster, exactly
 * as {@code analyze} analyses it. The guideline table ({@code --guidelines}) is {@link GuidelinesOption}'s.
 */
public final class AnalysisOptions {
    @Option(names = "--column", paramLabel = "ROLE=HEADER", mapFallbackValue = "",
            description = "Use the column HEADER for ROLE (repeatable).")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--acc-unit", paramLabel = "g|mps2", description = "Unit of the accelerations (default: from the "
            + "headers, else from gravity in the signal).")
    String accUnit;

    @Option(names = "--gyr-unit", paramLabel = "dps|rads", description = "Unit of the gyroscope (default: from the "
            + "headers, else from the signal).")
    String gyrUnit;

    @Option(names = "--rate", paramLabel = "HZ", description = "Sampling rate; needed when a file has no time column.")
    Double rateHz;

    @Option(names = "--placement", paramLabel = "WHERE", description = "Where the sensor was worn: sacrum, lower_back, "
            + "waist, chest, foot, shank, wrist, phone_pocket or arm (default: from the file's metadata or name, else "
            + "detected from the signal; the choice and its reason are in summary.json).")
    String placement;

    @Option(names = "--speed-mps", paramLabel = "M/S", description = "Running speed in m/s (treadmill speed), for the "
            + "vertical ratio (vertical oscillation / step length). Default: the session metadata, else the file name "
            + "(speed3.33), else none.")
    Double speedMps;

    @Option(names = "--cadence-unit", paramLabel = "auto|steps|strides", description = "How watch exports count "
            + "cadence: strides (per leg, as Garmin writes it; doubled) or steps (both feet). Default: detected from the "
            + "values and the speed.")
    String cadenceUnit;

    @Option(names = "--dynamics-device", paramLabel = "DEVICE", description = "When a watch export holds the running "
            + "dynamics of several devices (hrm_* and stryd_* columns, a FIT file with Garmin's dynamics and Stryd's "
            + "fields): the one whose values drive the findings: hrm, garmin, watch, stryd, runscribe, … (default: "
            + "Garmin's, then the export's own, then Stryd's, then RunScribe's; the others are shown beside it).")
    String dynamicsDevice;

    @Option(names = "--fps", paramLabel = "FPS", description = "Frame rate of keypoint or marker data when the file "
            + "does not record it (video keypoints without it are read at 30 fps, with a warning).")
    Double fps;

    @Option(names = "--image-size", paramLabel = "WxH", description = "Image size in pixels, to scale normalised "
            + "keypoint coordinates (MediaPipe; YOLO pose labels, whose size is otherwise taken from the video "
            + "written beside them).")
    String imageSize;

    @Option(names = "--unit", paramLabel = "px|mm|cm|m|normalised", description = "Coordinate unit of keypoints or "
            + "markers (default: from the file, else from the size of the body).")
    String unit;

    @Option(names = "--landmark", paramLabel = "NAME=POINT", mapFallbackValue = "",
            description = "Use the keypoint or marker POINT as body landmark NAME (repeatable), e.g. heel_left=LHEE.")
    Map<String, String> landmarks = new LinkedHashMap<>();

    @Option(names = "--vertical", paramLabel = "AXIS", description = "The data's up axis, e.g. +y or -z (default: "
            + "detected; image y points down).")
    String vertical;

    @Option(names = "--forward", paramLabel = "AXIS", description = "The direction of travel, e.g. +x (default: "
            + "from the pelvis's travel, or the feet on a treadmill).")
    String forward;

    @Option(names = "--view", paramLabel = "sagittal|frontal|rear|front|3d", description = "How the runner was filmed "
            + "(default: detected from the geometry). rear and front are frontal views that say which side of the runner "
            + "faces the camera: a pose estimator's left and right labels that say otherwise are exchanged (detected "
            + "without it when the runner moves away or comes closer).")
    String view;

    @Option(names = "--height-cm", paramLabel = "CM", description = "The runner's height, to give pixel distances in "
            + "cm (otherwise distances are %% of leg length).")
    Double heightCm;

    @Option(names = "--activity", paramLabel = "running|walking", description = "What the person in keypoint or "
            + "marker recordings was doing, when the automatic walking/running decision is wrong (default: detected "
            + "from the flight phase and the pelvis; the override is recorded in summary.json).")
    String activity;

    @Option(names = "--treadmill", description = "Treadmill running: foot speeds relative to the belt (default: "
            + "detected from the pelvis's travel).")
    boolean treadmill;

    @Option(names = "--overground", description = "Overground running (default: detected).")
    boolean overground;

    @Option(names = "--lr-switch-correction", paramLabel = "auto|on|off", description = "Undo the frames in which a "
            + "pose estimator exchanged the left and right legs (or arms, or single keypoints), choosing per frame the "
            + "labels that give the smoothest trajectories (after Stenum et al. 2021). Default auto: on for video "
            + "keypoints, off for motion-capture markers; the frames exchanged are counted in summary.json.")
    String lrSwitchCorrection;

    @Option(names = "--person", paramLabel = "N", description = "In a video with several people (OpenPose or COCO "
            + "keypoints JSON, or a keypoint table with one row per person and frame), "
            + "analyse person N: 1 is the one gaitform takes, the person seen moving their legs in the most frames; 2 "
            + "the next, and so on. summary.json's decision 'people' lists them with where they are in the picture.")
    Integer person;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /**
     * The analysis settings these options give, with a guideline table (the built-in one, the one of
     * {@link GuidelinesOption}, or on a Spark executor the one the driver read); a usage error (picocli's, naming the
     * command) for values that cannot be used.
     */
    public AnalysisSettings settings(GuidelineTable table) {
        Map<Channel, String> roles = new EnumMap<>(Channel.class);
        Optional<String> timeColumn = Optional.empty();
        for (Map.Entry<String, String> c : columns.entrySet()) {
            String role = c.getKey().trim().toLowerCase(Locale.ROOT);
            if (c.getValue() == null || c.getValue().isBlank()) {
                throw usage("--column " + c.getKey() + " needs a header: --column ROLE=HEADER");
            }
            if (role.equals("time")) {
                timeColumn = Optional.of(c.getValue());
                continue;
            }
            Channel ch = Channel.parseRole(role);
            if (ch == null) {
                throw usage("unknown role '" + c.getKey() + "' in --column; roles are time, acc_x, acc_y, acc_z, gyr_x, "
                        + "gyr_y, gyr_z, acc_v, acc_ap, acc_ml");
            }
            roles.put(ch, c.getValue());
        }
        if (accUnit != null && !accUnit.equals("g") && !accUnit.equals("mps2")) {
            throw usage("--acc-unit must be g or mps2, not '" + accUnit + "'");
        }
        if (gyrUnit != null && !gyrUnit.equals("dps") && !gyrUnit.equals("rads")) {
            throw usage("--gyr-unit must be dps or rads, not '" + gyrUnit + "'");
        }
        if (speedMps != null && !(speedMps > 0 && speedMps < 15)) {
            throw usage("--speed-mps must be a running speed between 0 and 15 m/s, not " + speedMps);
        }
        if (rateHz != null && !(rateHz > 0 && rateHz < 100_000)) {
            throw usage("--rate must be a sampling rate in hertz above 0, not " + rateHz);
        }
        Optional<Placement> place = Optional.empty();
        if (placement != null) {
            place = Optional.of(Placement.parse(placement).orElseThrow(() -> usage("unknown --placement '" + placement
                    + "'; use sacrum, lower_back, waist, chest, foot, shank, wrist, phone_pocket or arm")));
        }
        ImuReadOptions imu = new ImuReadOptions(roles, timeColumn, Optional.ofNullable(accUnit), Optional.ofNullable(gyrUnit),
                Optional.ofNullable(rateHz), place);
        CadenceUnit cadence = CadenceUnit.AUTO;
        if (cadenceUnit != null) {
            cadence = CadenceUnit.parse(cadenceUnit).orElseThrow(() -> usage("--cadence-unit must be auto, steps or "
                    + "strides, not '" + cadenceUnit + "'"));
        }
        if (dynamicsDevice != null && !dynamicsDevice.matches("[A-Za-z0-9_]{1,40}")) {
            throw usage("--dynamics-device must name a device (hrm, garmin, stryd, runscribe, …), not '"
                    + dynamicsDevice + "'");
        }
        WatchReadOptions watch = new WatchReadOptions(cadence, Optional.ofNullable(dynamicsDevice)
                .map(v -> v.toLowerCase(Locale.ROOT)));
        Optional<org.gaitform.model.Activity> act = Optional.empty();
        if (activity != null) {
            act = switch (activity.trim().toLowerCase(Locale.ROOT)) {
                case "running", "run" -> Optional.of(org.gaitform.model.Activity.RUNNING);
                case "walking", "walk" -> Optional.of(org.gaitform.model.Activity.WALKING);
                default -> throw usage("--activity must be running or walking, not '" + activity + "'");
            };
        }
        return new AnalysisSettings(new ReadOptions(imu, watch, poseOptions()), table,
                Optional.ofNullable(speedMps), act);
    }


    private PoseReadOptions poseOptions() {
        if (treadmill && overground) {
            throw usage("--treadmill and --overground exclude each other");
        }
        Optional<Integer> w = Optional.empty();
        Optional<Integer> h = Optional.empty();
        if (imageSize != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})[xX×](\\d{1,5})").matcher(imageSize.trim());
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
                throw usage("--image-size must be WIDTHxHEIGHT in pixels, e.g. 1920x1080, not '" + imageSize + "'");
            }
            w = Optional.of(Integer.parseInt(m.group(1)));
            h = Optional.of(Integer.parseInt(m.group(2)));
        }
        for (Map.Entry<String, String> l : landmarks.entrySet()) {
            if (l.getValue() == null || l.getValue().isBlank()) {
                throw usage("--landmark " + l.getKey() + " needs a point name: --landmark NAME=POINT");
            }
            if (org.gaitform.kinematics.Landmark.parse(l.getKey()) == null) {
                throw usage("unknown landmark '" + l.getKey() + "' in --landmark; use heel_left, toe_left, ankle_left, "
                        + "knee_left, hip_left, shoulder_left, wrist_left (or _right), mid_hip, neck, head, …");
            }
        }
        Optional<Boolean> tm = treadmill ? Optional.of(true) : overground ? Optional.of(false) : Optional.empty();
        Optional<Boolean> lr = Optional.empty();
        if (lrSwitchCorrection != null) {
            lr = switch (lrSwitchCorrection.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> Optional.empty();
                case "on" -> Optional.of(true);
                case "off" -> Optional.of(false);
                default -> throw usage("--lr-switch-correction must be auto, on or off, not '" + lrSwitchCorrection
                        + "'");
            };
        }
        try {
            return new PoseReadOptions(Optional.ofNullable(fps), w, h, Optional.ofNullable(unit), landmarks,
                    Optional.ofNullable(vertical), Optional.ofNullable(forward),
                    Optional.ofNullable(view).map(v -> v.toLowerCase(Locale.ROOT)), Optional.ofNullable(heightCm), tm,
                    lr, Optional.ofNullable(person));
        } catch (IllegalArgumentException ex) {
            throw usage(ex.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
