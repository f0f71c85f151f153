package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gaitform.events.Fellin2010KneeExtensionToeOff;
import org.gaitform.events.FloorDrift;
import org.gaitform.events.FootClearanceEvents;
import org.gaitform.events.FootClearanceSettings;
import org.gaitform.events.FootContact;
import org.gaitform.events.PelvisDescentContacts;
import org.gaitform.events.PelvisStepTracking;
import org.gaitform.guidelines.GuidelineEvaluator;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.kinematics.Cappozzo1995Cast;
import org.gaitform.kinematics.BodyFrameSettings;
import org.gaitform.kinematics.FrontalPerspective;
import org.gaitform.kinematics.Landmark;
import org.gaitform.kinematics.View;
import org.gaitform.metrics.FootAngleNoise;
import org.gaitform.metrics.FrontalAngleNoise;
import org.gaitform.metrics.PoseFigures;
import org.gaitform.metrics.PoseMetrics;
import org.gaitform.metrics.StepAssembly;
import org.gaitform.metrics.TemporalMetrics;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Decision;
import org.gaitform.model.Finding;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Placement;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.model.StickFigure;
import org.gaitform.model.Trace;
import org.gaitform.quality.QualityChecks;
import org.gaitform.signal.Stats;

/**
 * Running analysis of video keypoints and motion-capture markers: body frame ({@link BodyFrame}), contacts
 * of each foot ({@link FootClearanceEvents}), walking told from running by the flight phase, temporal metrics,
 * form indicators ({@link PoseMetrics}), findings, the stick figures and the time series for the report.
 */
final class PoseAnalysis {
    /** Fewest running steps for a session. */
    static final int MIN_STEPS = 3;
    /** A step whose flight time is below this is a walking step (double support), ms. */
    static final double WALKING_FLIGHT_MS = -20;
    /** A median flight time of at least this (ms) is a running gait whatever the pelvis seems to do (frontal views). */
    static final double CLEAR_FLIGHT_MS = 40;
    /**
     * In a frontal view of a person moving away or coming closer, whose feet's contacts a frontal view times poorly
     * (landings early, and at 24–25 fps a walker's stances cut short), the cadence decides unless the pelvis vaults
     * over the feet: the pelvis's bounce, or the feet's own steps when the pelvis cannot be tracked; at least this many
     * steps/min is running, fewer walking (the feet's overlap alone no longer refuses a runner, nor their apparent
     * flight passes a walker). Walking rarely exceeds 130 steps/min, running rarely falls below 150 (the watch
     * analysis's boundary, {@code WatchMetricSettings.runningMinCadenceSpm}; taken from there, not fitted here).
     * Measured ({@code FrontalGaitDecisionTest}): a slow midfoot runner (2.5 m/s) bounces at 149–150 steps/min,
     * OpenCap's walker at 107–111, filmed from behind by seventeen cameras.
     */
    static final double RUNNING_MIN_CADENCE_SPM = 140;
    /**
     * Below this Froude number (speed² / (g · leg length)) a gait is taken as walking; people change from walking
     * to running near 0.5 (Alexander 1989, Optimization and gaits in the locomotion of vertebrates, Physiol Rev
     * 69:1199–1227); 0.25 is about 1.5 m/s for a 0.9 m leg, slower than jogging. Only used when calibrated.
     */
    static final double WALKING_FROUDE = 0.25;
    /**
     * Vertical oscillation a running step can show, % of leg length: typical values are 6.7–10 cm (about 7–11 %
     * of a 0.9 m leg; the reference values of the project's evidence brief); the band is this project's choice,
     * wide, so that a perspective error is caught and an unusual runner is not.
     */
    static final double[] PLAUSIBLE_VO_PCT_LEG = {3, 18};

    static final String METHOD = "contacts from foot kinematics: a foot is on the ground while the lower of its heel "
            + "and toe is within a clearance of its own ground level (1.7 % of leg length for markers, 3.5 % for video "
            + "keypoints) and it moves with the ground or, on a treadmill, with the belt; initial contact is the heel's "
            + "impact (the start of its deceleration as it stops near the ground) or the toe reaching the ground, "
            + "whichever comes first (from 50 frames per second, side and 3D views; otherwise the clearance crossing), "
            + "toe-off where the last of heel and toe leaves the clearance. The walking method of Zeni et al. 2008 is "
            + "not used: it is known to fail in running.";
    static final String TRACKING_METHOD = " Filmed from behind or ahead while the runner moves away or comes closer, "
            + "the steps are tracked on the pelvis's bounce instead: one landing per step, 28 ms before the pelvis's "
            + "fastest descent, chosen by dynamic programming over the step period (Ellis 2007); the lower foot after "
            + "each landing names its side, and a toe-off is the feet's or where the pelvis's lowest point puts it.";
    static final String TRACKING_CITATION = "Ellis DPW. Beat tracking by dynamic programming. J New Music Res "
            + "2007;36(1):51–60.";
    static final String CITATION = "Leitch J, Stebbins J, Paolini G, Zavatsky AB. Identifying gait events without a "
            + "force plate during running: a comparison of methods. Gait Posture 2011;33(1):130–132. | Handsaker JC, "
            + "Forrester SE, Folland JP, Black MI, Allen SJ. A kinematic algorithm to identify gait events during "
            + "running at different speeds and with different footstrike types. J Biomech 2016;49(16):4128–4133. | "
            + "Fellin RE, Rose WC, Royer TD, Davis IS. Comparison of methods for kinematic identification of footstrike "
            + "and toe-off during overground and treadmill running. J Sci Med Sport 2010;13(6):646–650. | De Witt JK. "
            + "Determination of toe-off event time during treadmill locomotion using kinematic data. J Biomech "
            + "2010;43(15):3067–3069.";
    static final String METRIC_CITATION = "Harrington ME, Zavatsky AB, Lawson SEM, Yuan Z, Theologis TN. Prediction "
            + "of the hip joint centre in adults, children, and patients with cerebral palsy based on magnetic "
            + "resonance imaging. J Biomech 2007;40(3):595–602. | Altman AR, Davis IS. A kinematic method for "
            + "footstrike pattern detection in barefoot and shod runners. Gait Posture 2012;35(2):298–300. | Grood ES, "
            + "Suntay WJ. A joint coordinate system for the clinical description of three-dimensional motions: "
            + "application to the knee. J Biomech Eng 1983;105(2):136–144. | Wille CM, Lenhart RL, Wang S, Thelen DG, "
            + "Heiderscheit BC. Ability of sagittal kinematic variables to estimate ground reaction forces and joint "
            + "kinetics in running. J Orthop Sports Phys Ther 2014;44(10):825–830.";
    /** Published accuracy of kinematic events; gaitform's own, measured figures come from docs/accuracy.md. */
    static final String ACCURACY_MARKERS = "published for kinematic events against force plates in running: footstrike "
            + "from the heel marker within 22–25 ms and toe-off from peak knee extension within about 5 ms (Fellin et "
            + "al. 2010). gaitform's own figures, per strike class, speed and subject, are in docs/accuracy.md.";
    static final String ACCURACY_VIDEO = "video keypoints time events to about one frame (33 ms at 30 fps); published "
            + "video pose systems reach event errors of about 10–20 ms and joint angles within about 5–8° in running.";
    static final String ACCURACY_FRONTAL = " Filmed from behind or ahead while moving, the steps are tracked on the "
            + "pelvis's bounce, one landing per step (where the pelvis cannot be tracked, the contacts are where the "
            + "foot comes to rest in the image): on real markers seen through a virtual camera at 30 fps, with 0–3 px "
            + "of jitter, every step was found and the initial contacts were 4–16 ms from the markers' own on "
            + "average (10–35 ms from the feet alone, which lost or split steps under jitter), and contact times came "
            + "out 25 ms short to 18 ms long, so contact time, flight and duty factor are not reported from this "
            + "view; no real frontal video with force-plate truth has been measured (docs/pose-input.md).";

    static final String ACCURACY_FRONTAL_TREADMILL = " Filmed from behind or ahead on a treadmill, the initial contacts "
            + "come from the pelvis's fastest descent: on real markers through a virtual camera at 30 fps they were "
            + "3–13 ms from the markers' own on average, and the toe-offs, from the feet or the pelvis's lowest point, "
            + "late (the steps' contacts 3–55 ms long), so contact time, flight and duty factor are not reported from "
            + "this view; no real frontal video with force-plate truth has been measured (docs/pose-input.md).";

    private final AnalysisSettings settings;

    PoseAnalysis(AnalysisSettings settings) {
        this.settings = settings;
    }

    SessionResult analyse(PoseRecording rec, String sessionId) {
        return analyse(rec, sessionId, null, null);
    }

    /**
     * Analyses a recording.
     *
     * @param standing   the standing calibration trial beside it, or null
     * @param staticNote why a static trial found beside it could not be read, or null
     */
    SessionResult analyse(PoseRecording rec, String sessionId, PoseRecording standing, String staticNote) {
        String source = rec.source();
        PoseReadOptions p = settings.read().pose();
        BodyFrameSettings options = new BodyFrameSettings(p.landmarks(), p.vertical(), p.forward(), p.view(), p.heightCm(),
                p.treadmill());
        Body body = BodyFrame.build(rec, options);
        List<Decision> decisions = new ArrayList<>(rec.decisions());
        decisions.addAll(body.decisions());
        List<String> warnings = new ArrayList<>(rec.warnings());
        warnings.addAll(body.warnings());
        boolean video = isVideoDerived(rec);
        FootClearanceSettings fcs = video ? FootClearanceSettings.VIDEO : FootClearanceSettings.MARKERS;
        FootClearanceEvents.Result ev = new FootClearanceEvents(fcs).detect(body);
        if (video && body.view() == View.SAGITTAL) {
            // a hand-held camera moves the floor in the picture: each stance is measured from the floor under it
            Optional<FloorDrift.Result> drift = FloorDrift.measure(body, ev.contacts(), ev.footHeight());
            if (drift.isPresent()) {
                FloorDrift.Result d = drift.get();
                decisions.add(new Decision(FloorDrift.KEY, d.applies() ? "taken off" : "none", String.format(Locale.ROOT,
                        "side video: the planted foot's height in the picture (the lower of heel and toe over the middle "
                                + "half of each of %d stances) varies by %.2f %% of the leg's length from stance to stance "
                                + "(robust standard deviation); %s", d.stances(), d.spreadPct(), d.applies()
                                ? String.format(Locale.ROOT, "from %.1f %% the floor is taken as moving (a hand-held "
                                + "camera, or a treadmill deck that moves) and each foot is measured from the floor "
                                + "under it, interpolated between the stances", FloorDrift.MIN_SPREAD_PCT)
                                : String.format(Locale.ROOT, "below %.1f %% the floor is taken as still",
                                FloorDrift.MIN_SPREAD_PCT))));
                if (d.applies()) {
                    body = body.withUpShift(d.shift());
                    ev = new FootClearanceEvents(fcs).detect(body);
                    warnings.add(String.format(Locale.ROOT, "the floor moves up and down in the picture by %.1f %% of "
                            + "the leg's length from stance to stance (a hand-held camera?): each foot was measured from "
                            + "the floor under it; a camera on a tripod gives steadier contacts", d.spreadPct()));
                }
            }
        }
        if (Double.isFinite(ev.floorTiltDeg())) {
            decisions.add(new Decision(QualityChecks.FLOOR_TILT, String.format(Locale.ROOT, "%.1f°", ev.floorTiltDeg()),
                    body.treadmill() ? "treadmill side video: the planted feet slide back along a line tilted by this "
                    + "much in the picture (a camera that is not level, or that sees the belt obliquely, or an inclined "
                    + "treadmill); the feet's heights are measured from that line" + (Math.abs(ev.floorTiltDeg()) < 1
                    ? " (below 1° taken as level)" : "") : "side video: the floor through the feet's contacts is tilted "
                    + "by this much in the picture (a camera that is not level, a runner not square to it, or a slope); "
                    + "the feet's heights are measured from that floor"));
        }
        if (Double.isFinite(ev.beltSpeed())) {
            body = body.withBeltSpeed(ev.beltSpeed());
            decisions.add(new Decision("belt_speed", String.format(Locale.ROOT, "%.3f %s/s", ev.beltSpeed(), body.unit()),
                    "median backward speed of the feet on the ground; foot speeds are taken relative to the belt"));
        }
        List<FootContact> contacts = ev.contacts();
        List<String> ankleOnly = new ArrayList<>();
        List<String> heelOnly = new ArrayList<>();
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            if (Fellin2010KneeExtensionToeOff.ankleOnly(body, s)) {
                ankleOnly.add(s.name().toLowerCase(Locale.ROOT));
            } else if (Fellin2010KneeExtensionToeOff.heelWithoutToe(body, s)) {
                heelOnly.add(s.name().toLowerCase(Locale.ROOT));
            }
        }
        if (!ankleOnly.isEmpty()) {
            decisions.add(new Decision(QualityChecks.ANKLE_ONLY_FEET, String.join(" and ", ankleOnly), "no heel, toe "
                    + "or foot keypoint on the " + (ankleOnly.size() == 2 ? "feet" : ankleOnly.get(0) + " foot")
                    + " (a pose model such as COCO's 17 points): the contacts are timed from the ankle"));
        }
        if (!heelOnly.isEmpty()) {
            decisions.add(new Decision(QualityChecks.HEEL_ONLY_FEET, String.join(" and ", heelOnly), "a heel but no toe "
                    + "or forefoot point on the " + (heelOnly.size() == 2 ? "feet" : heelOnly.get(0) + " foot")
                    + " (toe keypoints hidden or not in the keypoint set): the contacts are timed from the heel"));
        }
        if (body.view() != View.FRONTAL) {
            // feet seen at the ankle only, or at the heel without a toe: the ankle and the heel leave their ground
            // level as the heel rises, so the toe-offs come from the knee's peak extension instead
            Fellin2010KneeExtensionToeOff.Result kneeTo = Fellin2010KneeExtensionToeOff.retime(body, contacts);
            if (!kneeTo.sides().isEmpty()) {
                contacts = kneeTo.contacts();
                String point = heelOnly.isEmpty() ? "ankle" : ankleOnly.isEmpty() ? "heel" : "ankle or heel";
                decisions.add(new Decision(QualityChecks.TOE_OFF_FROM_KNEE, String.format(Locale.ROOT, "%d of %d "
                        + "contacts", kneeTo.retimed(), contacts.size()), String.format(Locale.ROOT, "no toe keypoint "
                        + "on the %s: initial contacts from the %s, toe-offs at the knee's peak extension in late stance "
                        + "(Fellin et al. 2010), %+.0f ms on average from the %s's clearance; the others keep the %s's",
                        kneeTo.sides().size() == 2 ? "feet" : kneeTo.sides().get(0).name().toLowerCase(Locale.ROOT)
                        + " foot", point, kneeTo.meanShiftMs(), point, point)));
            }
        }
        boolean pelvisTimed = false;
        boolean pelvisTracked = false;
        String feetOverlap = "";
        double stepsSpm = Double.NaN;
        String cadenceFrom = "";
        boolean groundFlow = body.decisions().stream().anyMatch(d -> d.key().equals(FrontalPerspective.GROUND_FLOW));
        if (body.view() == View.FRONTAL && body.groundHeights().isEmpty() && !PelvisStepTracking.moving(body)) {
            // a runner at one distance from a frontal camera, as on a treadmill: the belt carries the planted foot
            // through the picture, so the feet reach the floor's image height only late in stance (and the ground's
            // flow is not always found: 3 px of jitter at 60 fps hides it); the pelvis's descent times the landings
            PelvisDescentContacts.Result pelvis = PelvisDescentContacts.retime(body, contacts);
            if (pelvis.applied()) {
                contacts = pelvis.contacts();
                pelvisTimed = true;
                decisions.add(new Decision(QualityChecks.PELVIS_TIMING, String.format(Locale.ROOT, "%d of %d contacts",
                        pelvis.retimed(), pelvis.retimed() + pelvis.dropped()), String.format(Locale.ROOT, "frontal "
                        + "view of a runner at one distance%s: each initial "
                        + "contact is put %.0f ms before the pelvis's fastest descent in its step (the body keeps "
                        + "falling after landing until the ground's push exceeds its weight), %+.0f ms on average "
                        + "from the feet's own%s; a toe-off is the foot's, or where "
                        + "the pelvis's lowest point puts it (%.1f %% into the stance) when that is later",
                        groundFlow ? " with the ground moving through the picture" : "",
                        1000 * PelvisDescentContacts.LANDING_TO_FASTEST_DESCENT_S, pelvis.meanShiftMs(),
                        pelvis.dropped() == 0 ? "" : String.format(Locale.ROOT, "; %d contact%s the pelvis could not "
                        + "time left out", pelvis.dropped(), pelvis.dropped() == 1 ? "" : "s"),
                        100 * PelvisDescentContacts.LOWEST_SHARE_OF_STANCE)));
                warnings.add(groundFlow ? GROUND_FLOW_TIMED_WARNING : ONE_DISTANCE_TIMED_WARNING);
            } else if (groundFlow) {
                warnings.add(FrontalPerspective.GROUND_FLOW_WARNING);
            }
        } else if (PelvisStepTracking.moving(body)) {
            // a runner moving away or coming closer: under keypoint jitter the feet's contacts are lost or split, the
            // pelvis's bounce is tracked step by step instead; not for a walker, whose pelvis is highest in mid-stance
            // (its fastest descent comes before the landing): a walk is told below, by the pelvis vaulting over the
            // feet's contacts, or by a walking cadence
            Gait feet = gait(body, contacts, rec);
            boolean auto = settings.activity().isEmpty();
            Optional<PelvisStepTracking.Result> tracked = auto && feet.vaulting() ? Optional.empty()
                    : PelvisStepTracking.track(body, contacts, ev.footHeight());
            // the cadence the walk or run is told by: the pelvis's bounce, or the feet's own steps when it is not tracked
            stepsSpm = tracked.map(t -> 60 / t.stepS()).orElse(feetCadence(contacts, rec));
            cadenceFrom = tracked.isPresent() ? "the pelvis bounces" : "the feet step";
            if (auto && stepsSpm < RUNNING_MIN_CADENCE_SPM) {
                // a walking cadence: a walk, refused below
                tracked = Optional.empty();
            }
            if (tracked.isPresent()) {
                PelvisStepTracking.Result t = tracked.get();
                if (auto && feet.noFlight()) {
                    feetOverlap = String.format(Locale.ROOT, "; the feet's own contacts overlapped by %.0f ms per step "
                            + "(median), as a walk's would, but a frontal view times landings early (a heel that hovers "
                            + "low before landing seems to stand still in the picture) and the pelvis bounces at %.0f "
                            + "steps/min, a running cadence (at least %.0f; walking rarely exceeds 130, running rarely "
                            + "falls below 150)", -feet.medianFlightMs(), 60 / t.stepS(), RUNNING_MIN_CADENCE_SPM);
                }
                contacts = t.contacts();
                pelvisTracked = true;
                decisions.add(new Decision(QualityChecks.PELVIS_TRACKING, String.format(Locale.ROOT, "%d steps",
                        contacts.size()), String.format(Locale.ROOT, "frontal view of a runner moving away or coming "
                        + "closer: one landing per step tracked on the pelvis's bounce (step %.0f ms), each %.0f ms "
                        + "before the pelvis's fastest descent (the feet had found %d contacts); the lower foot after "
                        + "each landing names its side (%.0f %% of the steps agree with the alternation, each weighted by how much lower its foot is); %d toe-offs "
                        + "are the feet's, the others where the pelvis's lowest point puts them (%.1f %% into the "
                        + "stance)", 1000 * t.stepS(), 1000 * PelvisDescentContacts.LANDING_TO_FASTEST_DESCENT_S,
                        t.feetContacts(), 100 * t.sideAgreement(), t.toesFromFeet(),
                        100 * PelvisDescentContacts.LOWEST_SHARE_OF_STANCE)));
            }
        }
        // walking or running: running steps have a flight phase
        Gait gait = gait(body, contacts, rec);
        List<Step> steps = gait.steps();
        double medianFlight = gait.medianFlightMs();
        double pelvisPhase = gait.pelvisPhase();
        double froude = body.calibrated() && Double.isFinite(ev.runSpeed())
                ? ev.runSpeed() * ev.runSpeed() / (9.81 * body.legLength()) : Double.NaN;
        boolean vaulting = gait.vaulting();
        boolean slow = Double.isFinite(froude) && froude < WALKING_FROUDE;
        Optional<Activity> forced = settings.activity();
        if (forced.isPresent() && forced.get() == Activity.WALKING) {
            throw GaitformException.notAnalysable(source, "walking (--activity walking): gaitform's pose analysis "
                    + "measures running");
        }
        boolean noFlight = gait.noFlight();
        boolean walkingCadence = stepsSpm < RUNNING_MIN_CADENCE_SPM;
        if (forced.isPresent()) {
            List<String> would = new ArrayList<>();
            if (vaulting) {
                would.add(String.format(Locale.ROOT, "the pelvis is %.1f %% of leg length above its step mean at "
                        + "mid-stance", pelvisPhase));
            }
            if (slow) {
                would.add(String.format(Locale.ROOT, "the Froude number is %.2f", froude));
            }
            if (noFlight) {
                would.add(String.format(Locale.ROOT, "both feet are on the ground together for %.0f ms per step",
                        -medianFlight));
            }
            if (walkingCadence) {
                would.add(String.format(Locale.ROOT, "%s at %.0f steps/min", cadenceFrom, stepsSpm));
            }
            decisions.add(new Decision("activity", "running", "override (--activity running)" + (would.isEmpty()
                    ? "; the automatic decision agrees" : "; the automatic decision would have been walking: "
                    + String.join(", ", would))));
        }
        if (forced.isEmpty() && ((vaulting || slow) && contacts.size() >= 2 || walkingCadence)) {
            double dur = contacts.size() >= 2 ? rec.timeAt(contacts.get(contacts.size() - 1).toIndex())
                    - rec.timeAt(contacts.get(0).icIndex()) : rec.durationS();
            List<String> why = new ArrayList<>();
            if (walkingCadence) {
                why.add(String.format(Locale.ROOT, "%s at %.0f steps/min, a walking cadence (below %.0f: "
                        + "walking rarely exceeds 130 steps/min, running rarely falls below 150)%s", cadenceFrom, stepsSpm,
                        RUNNING_MIN_CADENCE_SPM, noFlight ? String.format(Locale.ROOT, ", with both feet on the ground "
                        + "together for %.0f ms per step", -medianFlight) : ""));
            }
            if (vaulting) {
                why.add(String.format(Locale.ROOT, "the pelvis is highest, not lowest, while a foot is on the ground "
                        + "(it vaults over the stance leg: %.1f %% of leg length above its step mean at mid-stance)",
                        pelvisPhase));
            }
            if (slow) {
                why.add(String.format(Locale.ROOT, "the speed, %.2f m/s, is a walking speed for this leg length (Froude "
                        + "number %.2f, below %.2f; people change to running near 0.5)", ev.runSpeed(), froude,
                        WALKING_FROUDE));
            }
            throw GaitformException.notAnalysable(source, String.format(Locale.ROOT, "walking, not running, over %.1f s: "
                    + "%s; gaitform's pose analysis measures running%s%s", dur, String.join("; and ", why),
                    noiseNote(body) + aspectNote(rec), RUNNING_OVERRIDE));
        }
        if (forced.isEmpty()) {
            decisions.add(new Decision("activity", "running", String.format(Locale.ROOT, "the pelvis is %.1f %% of leg "
                    + "length below its step mean at mid-stance (a spring-like running step), the median flight time is "
                    + "%.0f ms%s%s", -pelvisPhase, medianFlight, Double.isFinite(froude)
                    ? String.format(Locale.ROOT, " and the Froude number is %.2f", froude) : "", feetOverlap)));
        }
        if (forced.isEmpty() && noFlight) {
            double dur = rec.timeAt(contacts.get(contacts.size() - 1).toIndex()) - rec.timeAt(contacts.get(0).icIndex());
            throw GaitformException.notAnalysable(source, String.format(Locale.ROOT, "walking, not running: %d steps "
                    + "over %.1f s with both feet on the ground together for %.0f ms per step (median) and no flight "
                    + "phase; gaitform's pose analysis measures running%s%s", contacts.size(), dur, -medianFlight,
                    noiseNote(body) + aspectNote(rec), RUNNING_OVERRIDE));
        }
        if (contacts.size() < MIN_STEPS) {
            throw GaitformException.notAnalysable(source, "only " + contacts.size() + " foot contact(s) found in "
                    + String.format(Locale.ROOT, "%.1f s", rec.durationS()) + "; at least " + MIN_STEPS
                    + " are needed (are both feet visible, and is the runner running?)" + noiseNote(body)
                    + aspectNote(rec));
        }
        double[] staticFoot = {Double.NaN, Double.NaN};
        if (standing != null) {
            try {
                Body sb = BodyFrame.build(sameMarkers(standing, rec), options);
                staticFoot = PoseMetrics.standingFootAngles(sb);
            } catch (GaitformException e) {
                staticNote = e.getMessage();
            }
        }
        if (Double.isFinite(staticFoot[0]) || Double.isFinite(staticFoot[1])) {
            decisions.add(new Decision("foot_angle_reference", "static trial", String.format(Locale.ROOT,
                    "standing foot angle %.1f° left, %.1f° right from %s (Altman & Davis 2012: strike angle = foot angle "
                            + "at initial contact minus standing)", staticFoot[0], staticFoot[1], standing.source())));
        } else {
            decisions.add(new Decision("foot_angle_reference", "flat foot in stance", (staticNote != null
                    ? "the static trial could not be used (" + staticNote + "); " : "no standing (static) trial beside "
                    + "the recording; ") + "the strike angle is measured from the foot resting flat in stance (each "
                    + "point at its own ground level), which reads up to about 2° more rearfoot than a static reference"));
        }
        // knee and ankle markers placed for the standing trial only, carried through the movement by their clusters:
        // for the knee and shank angles; the events, the leg length and everything else stay as measured without them
        Body measured = withAnatomyFromStatic(body, rec, standing, options, decisions);
        steps = PoseMetrics.perStep(measured, contacts, steps, staticFoot);
        // a frontal video's angles of the steps in which the keypoints' own noise would decide them are left out
        FrontalAngleNoise.Result angleNoise = FrontalAngleNoise.apply(body, contacts, steps);
        steps = angleNoise.steps();
        decisions.addAll(angleNoise.decisions());
        // a side video's foot strike angle under the keypoints' jitter (the quality checks judge it)
        FootAngleNoise.of(body, contacts).ifPresent(decisions::add);
        String noVo = verticalOscillationCaveat(body, steps);
        if (noVo != null) {
            steps = without(steps, "vertical_oscillation_cm", "vertical_oscillation_pct_leg");
            warnings.add("vertical oscillation is not reported: " + noVo);
        }
        double start = rec.timeAt(contacts.get(0).icIndex());
        double end = rec.timeAt(contacts.get(contacts.size() - 1).toIndex());
        List<Bout> bouts = List.of(new Bout(start, end, Activity.RUNNING));
        Map<String, Double> metrics = new LinkedHashMap<>(TemporalMetrics.session(steps, bouts));
        metrics.putAll(PoseMetrics.session(steps));
        metrics.put("contact_ms_lr_diff", metrics.getOrDefault("contact_ms_right", Double.NaN)
                - metrics.getOrDefault("contact_ms_left", Double.NaN));
        metrics.put("leg_length_cm", body.calibrated() ? body.legLength() * 100 : Double.NaN);
        if (body.calibrated()) {
            double speed = body.treadmill() ? ev.beltSpeed() : ev.runSpeed();
            metrics.put("running_speed_mps", speed);
        }
        if (body.view() == View.FRONTAL) {
            metrics.keySet().removeAll(FRONTAL_UNREPORTED);
            warnings.add(FRONTAL_CONTACT_WARNING);
        }
        // a runner filmed from behind or ahead while moving: contacts timed from where the foot comes to rest in the
        // image, with their own (wider) uncertainty
        String sourceKind = body.view() == View.THREE_D ? "pose-3d"
                : body.view() == View.FRONTAL && !body.groundHeights().isEmpty() ? "pose-2d-frontal" : "pose-2d";
        List<Finding> findings = new GuidelineEvaluator(settings.guidelines()).evaluate(metrics, sourceKind);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("view", body.view().label());
        info.put("measurement_kind", sourceKind);
        info.put("treadmill", body.treadmill() ? "yes" : "no");
        info.put("distance_unit", body.calibrated() ? "cm" : "% leg length (not calibrated)");
        String strike = PoseMetrics.modalStrike(steps);
        if (strike != null) {
            info.put("foot_strike_class", strike);
        }
        info.put("detection_method", pelvisTracked ? METHOD + TRACKING_METHOD : METHOD);
        info.put("detection_citation", pelvisTracked ? CITATION + " | " + TRACKING_CITATION : CITATION);
        info.put("metrics_citation", METRIC_CITATION);
        info.put("accuracy", video ? ACCURACY_VIDEO + (sourceKind.equals("pose-2d-frontal") ? ACCURACY_FRONTAL
                : pelvisTimed ? ACCURACY_FRONTAL_TREADMILL : "")
                : ACCURACY_MARKERS);
        boolean exchanged = body.decisions().stream().anyMatch(d -> d.key().equals(BodyFrame.LR_LABELS)
                && d.value().equals("exchanged"));
        info.put("side_method", exchanged ? "from the keypoint names, exchanged for the whole recording: the pose "
                + "estimator labelled the runner's back as a front or the other way round (decision lr_labels); left and "
                + "right feet are tracked separately." : "from the keypoint or marker names (left and right feet are "
                + "tracked separately).");
        info.put("guidelines", settings.guidelines().origin());
        if (!body.has(Landmark.SHOULDER_LEFT) && !body.has(Landmark.NECK) && body.view() != View.FRONTAL) {
            warnings.add("no shoulder points: trunk lean is not measured");
        }
        if (body.view() == View.SAGITTAL) {
            info.put("frontal_indicators", "not measurable in a side view (knee valgus, pelvic drop, arm crossing, "
                    + "crossover need a frontal or 3D view)");
        }
        List<Trace> traces = settings.reportDetail() ? traces(rec, body, ev, contacts) : List.of();
        List<StickFigure> figures = new ArrayList<>();
        if (settings.reportDetail()) {
            figures.addAll(PoseFigures.figures(measured, contacts, steps));
            figures.addAll(rec.people()); // whom gaitform followed among the people in the picture
        }
        Placement placement = video ? Placement.VIDEO : Placement.MARKERS;
        return new SessionResult(sessionId, source, rec.format(), placement, rec.frameRateHz(), bouts, steps, metrics,
                info, findings, decisions, warnings, traces, figures);
    }

    /**
     * Session values that a frontal view does not report: the contacts it finds time the stance windows of the form
     * values and give the cadence, but their durations were measured 25 ms short to 18 ms long against the same
     * runners' 3D markers (FrontalViewAccuracyTest, camera behind or ahead of a runner moving over ground, steps
     * tracked on the pelvis; 42 ms short to 47 ms long from the feet alone) and
     * 3–55 ms long on a treadmill (initial contacts from the pelvis; 96–123 ms short behind one from the feet alone),
     * more than issue 13 allows a contact time (25 ms).
     */
    static final List<String> FRONTAL_UNREPORTED = Stream.concat(
            QualityChecks.RUNNING_CONTACT_METRICS.stream(), Stream.of("contact_ms_sd", "flight_ms_sd",
                    "contact_ms_lr_diff")).toList();
    /** What a treadmill filmed from behind or ahead is told when the pelvis timed its initial contacts. */
    static final String GROUND_FLOW_TIMED_WARNING = "frontal view of a runner at one distance with the ground moving "
            + "through the picture (a treadmill): the belt carries each planted foot through the picture, so the "
            + "initial contacts are timed from the pelvis's fastest descent instead of the feet (within 3-13 ms of the "
            + "markers' own on real markers filmed at 30 fps); the toe-offs, from the feet or the pelvis's lowest "
            + "point, come late (the steps' contacts 3-55 ms long there)";
    /** The same, for a runner at one distance whose ground's flow was not found (a noisy video, or no treadmill). */
    static final String ONE_DISTANCE_TIMED_WARNING = "frontal view of a runner at one distance (a treadmill?): the "
            + "initial contacts are timed from the pelvis's fastest descent instead of the feet, which a treadmill's belt "
            + "carries through the picture (within 3-13 ms of the markers' own on real markers filmed at 30 fps)";
    static final String FRONTAL_CONTACT_WARNING = "contact time, flight and duty factor are not reported from a "
            + "frontal view: on real markers filmed from behind or ahead they came out 25 ms short to 18 ms long "
            + "(3–55 ms long on a treadmill); film from the side for them (the steps table keeps each "
            + "contact as found)";

    /**
     * Why the vertical oscillation of this recording cannot be trusted, or null: a frontal view whose perspective
     * could not be removed, or whose oscillation (median over steps) falls outside what a running step can show
     * ({@link #PLAUSIBLE_VO_PCT_LEG}).
     */
    static String verticalOscillationCaveat(Body body, List<Step> steps) {
        if (body.view() != View.FRONTAL) {
            return null;
        }
        if (body.verticalCaveat() != null) {
            return body.verticalCaveat();
        }
        double[] vo = steps.stream().map(s -> s.extras().get("vertical_oscillation_pct_leg"))
                .filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray();
        if (vo.length == 0) {
            return null;
        }
        double m = Stats.median(vo);
        if (m < PLAUSIBLE_VO_PCT_LEG[0] || m > PLAUSIBLE_VO_PCT_LEG[1]) {
            return String.format(Locale.ROOT, "from this frontal view it reads %.1f %% of leg length (median over %d "
                    + "steps), outside the %.0f–%.0f %% a running step shows; the camera's perspective was not removed "
                    + "well enough", m, vo.length, PLAUSIBLE_VO_PCT_LEG[0], PLAUSIBLE_VO_PCT_LEG[1]);
        }
        return null;
    }

    /**
     * Above this keypoint jitter (% of the leg's length in the picture) a refusal says that the noise may have hidden the
     * contacts: on Fukuchi's markers filmed from behind, 1 px of jitter (1.3 % of the leg's median length in the
     * picture) kept 10–13 of 12–13 contacts within 60 ms on RBDS0041 and RBDS008, 3 px (about 4 %) 5–8 of 10–12; a
     * simulated runner 35 m from the camera with 3.9 px (7.4 %) gave one contact in 6 s (docs/pose-input.md). This
     * project's choice, between them.
     */
    static final double NOISY_KEYPOINTS_PCT_LEG = 2.5;

    /**
     * Ends a refusal as walking: the decision can be wrong (a slow runner filmed from ahead at 30 fps shows its feet
     * overlapping), and the user who knows better can say so.
     */
    static final String RUNNING_OVERRIDE = " (if this is running, --activity running overrides the decision)";

    /** What a refusal adds when the video keypoints are noisy for the runner's size in the picture, else "". */
    /**
     * A refusal's note when the keypoints are shares of the picture whose shape is not known: distances across the
     * picture were compared with distances along it as if it were square, which can hide the contacts of a view from
     * behind or ahead (a simulated 6 s run filmed from behind in 16:9, squeezed square, gave 1 contact;
     * {@code ImageAspectTest}).
     */
    static String aspectNote(PoseRecording rec) {
        return QualityChecks.pictureShapeUnknown(rec.decisions()) ? "; note that the keypoints are shares of the picture's width and height and its "
                + "size is not known, so they were measured as if it were square: give --image-size WxH" : "";
    }

    static String noiseNote(Body body) {
        double j = body.keypointJitterPctLeg();
        return j > NOISY_KEYPOINTS_PCT_LEG ? String.format(Locale.ROOT, "; note that the video keypoints jitter by %.1f "
                + "%% of the leg's length in the picture from frame to frame, enough to hide or split contacts (film "
                + "closer or at a higher resolution)", j) : "";
    }

    /** The steps without the given per-step values. */
    private static List<Step> without(List<Step> steps, String... keys) {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            Map<String, Double> x = new LinkedHashMap<>(s.extras());
            for (String k : keys) {
                x.remove(k);
            }
            out.add(new Step(s.number(), s.side(), s.activity(), s.icS(), s.toS(), s.nextIcS(), s.icMethod(), x));
        }
        return out;
    }

    /**
     * True for keypoints from video (2D, OpenPose or MediaPipe files, or 3D files whose points carry ten or more
     * pose-estimator names, as OpenCap's markerless .trc does): they are noisier than markers.
     */
    static boolean isVideoDerived(PoseRecording rec) {
        if (rec.dimensions() == 2 || rec.format().startsWith("openpose") || rec.format().startsWith("mediapipe")) {
            return true;
        }
        long body25 = rec.keypoints().stream().filter(k -> org.gaitform.io.pose.KeypointNames.BODY_25.contains(k.name()))
                .count();
        long blaze = rec.keypoints().stream().filter(k -> org.gaitform.io.pose.KeypointNames.BLAZEPOSE.contains(
                k.name().toLowerCase(Locale.ROOT))).count();
        return body25 >= 10 || blaze >= 10;
    }

    /** The landmarks that {@link Cappozzo1995Cast} may rebuild. */
    private static final List<Landmark> REBUILT = List.of(Landmark.KNEE_LEFT, Landmark.KNEE_RIGHT,
            Landmark.KNEE_MEDIAL_LEFT, Landmark.KNEE_MEDIAL_RIGHT, Landmark.ANKLE_LEFT, Landmark.ANKLE_RIGHT,
            Landmark.ANKLE_MEDIAL_LEFT, Landmark.ANKLE_MEDIAL_RIGHT);

    /**
     * The body with the knee and ankle markers that only the standing trial has, rebuilt in the movement from the thigh
     * and shank clusters ({@link Cappozzo1995Cast}), or the body as it is. The rebuilt body is built from the same
     * recording with those points added and must put every other landmark where this body has it; only the rebuilt
     * landmarks are taken from it (decision {@code anatomy_from_static}).
     */
    private static Body withAnatomyFromStatic(Body body, PoseRecording rec, PoseRecording standing,
                                              BodyFrameSettings options, List<Decision> decisions) {
        if (standing == null || body.view() != View.THREE_D) {
            return body;
        }
        Optional<Cappozzo1995Cast.Result> cast = Cappozzo1995Cast.rebuild(standing, rec);
        if (cast.isEmpty()) {
            return body;
        }
        Body rebuilt;
        try {
            rebuilt = BodyFrame.build(cast.get().recording(), options);
        } catch (GaitformException e) {
            decisions.add(new Decision("anatomy_from_static", "not used", "the knee and ankle markers rebuilt from the "
                    + "standing trial left the recording unreadable: " + e.getMessage()));
            return body;
        }
        for (Map.Entry<Landmark, double[][]> e : body.tracks().entrySet()) {
            if (!java.util.Arrays.deepEquals(e.getValue(), rebuilt.tracks().get(e.getKey()))) {
                decisions.add(new Decision("anatomy_from_static", "not used", "with the knee and ankle markers rebuilt "
                        + "from the standing trial, " + e.getKey().label() + " moved (the body's frame changed)"));
                return body;
            }
        }
        Body out = body.withLandmarksOf(rebuilt, REBUILT);
        List<String> added = REBUILT.stream().filter(l -> out.has(l) && !body.has(l)).map(Landmark::label).toList();
        if (added.isEmpty()) {
            return body;
        }
        decisions.add(new Decision("anatomy_from_static", String.join(", ", added), "markers placed for the standing "
                + "trial only, carried through the movement by the segment's cluster fitted as a rigid body (Cappozzo "
                + "et al. 1995, calibrated anatomical systems): " + String.join("; ", cast.get().rebuilt())
                + "; used for the knee and shank angles only (events and leg length without them)"));
        return out;
    }

    /** The static trial restricted to the points the recording has in most frames, so both use the same markers. */
    private static PoseRecording sameMarkers(PoseRecording standing, PoseRecording rec) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (org.gaitform.model.Keypoint k : rec.keypoints()) {
            if (k.presentFrames() >= 0.2 * k.size()) {
                used.add(k.name());
            }
        }
        List<org.gaitform.model.Keypoint> kept = standing.keypoints().stream().filter(k -> used.contains(k.name())).toList();
        if (kept.isEmpty()) {
            return standing;
        }
        return new PoseRecording(standing.source(), standing.format(), standing.timeS(), standing.frameRateHz(),
                standing.unit(), standing.imageYDown(), kept, standing.decisions(), standing.warnings());
    }

    /**
     * What tells walking from running in a set of contacts, each taken as a running contact.
     *
     * @param steps          the steps (their flight is what tells walking from running)
     * @param medianFlightMs median flight time (ms; negative: both feet on the ground together), NaN without flights
     * @param pelvisPhase    {@link #pelvisAtMidStance}
     * @param vaulting       the pelvis highest, not lowest, in mid-stance; a frontal view sees the pelvis's height
     *                       through the camera's perspective, so there its vault only counts when the steps do not
     *                       show a clear flight phase
     * @param noFlight       both feet on the ground together (median flight below {@link #WALKING_FLIGHT_MS})
     */
    private record Gait(List<Step> steps, double medianFlightMs, double pelvisPhase, boolean vaulting,
                        boolean noFlight) {
    }

    /**
     * Steps/min from the feet's own contacts: twice the strides per minute, a stride being the median interval between
     * consecutive initial contacts of the same foot (a missed contact of the other foot does not change it; one of the
     * same foot makes one interval two strides long, which the median passes over); NaN for fewer than two strides.
     */
    private static double feetCadence(List<FootContact> contacts, PoseRecording rec) {
        List<Double> strides = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double last = Double.NaN;
            for (FootContact c : contacts) {
                if (c.side() == side) {
                    double t = rec.timeAt(c.icIndex());
                    if (Double.isFinite(last)) {
                        strides.add(t - last);
                    }
                    last = t;
                }
            }
        }
        if (strides.size() < 2) {
            return Double.NaN;
        }
        double median = Stats.median(strides.stream().mapToDouble(Double::doubleValue).toArray());
        return median > 0 ? 120 / median : Double.NaN;
    }

    private static Gait gait(Body body, List<FootContact> contacts, PoseRecording rec) {
        List<StepAssembly.Contact> sc = new ArrayList<>();
        for (FootContact c : contacts) {
            sc.add(new StepAssembly.Contact(c.icIndex(), c.toIndex(), c.side(), 0, Activity.RUNNING, c.icPoint(),
                    Double.NaN));
        }
        List<Step> steps = StepAssembly.build(sc, rec::timeAt);
        double[] flights = steps.stream().mapToDouble(Step::flightMs).filter(Double::isFinite).toArray();
        double medianFlight = Stats.median(flights);
        double pelvisPhase = pelvisAtMidStance(body, contacts);
        boolean vaulting = Double.isFinite(pelvisPhase) && pelvisPhase > 0
                && !(body.view() == View.FRONTAL && medianFlight >= CLEAR_FLIGHT_MS);
        return new Gait(steps, medianFlight, pelvisPhase, vaulting,
                flights.length >= 2 && medianFlight < WALKING_FLIGHT_MS);
    }

    /**
     * Median over contacts of the pelvis height at mid-contact minus its mean from that contact's initial contact
     * to the next one, in % of leg length: negative in running (the body is lowest in stance, a spring), positive
     * in walking (it vaults over the stance leg, an inverted pendulum).
     */
    static double pelvisAtMidStance(Body body, List<FootContact> contacts) {
        Landmark p = PoseMetrics.pelvis(body);
        if (p == null || contacts.size() < 2) {
            return Double.NaN;
        }
        double[] up = body.up(p);
        List<Double> d = new ArrayList<>();
        for (int k = 0; k + 1 < contacts.size(); k++) {
            int a = (int) Math.round(contacts.get(k).icIndex());
            int b = (int) Math.round(contacts.get(k + 1).icIndex());
            int m = (int) Math.round((contacts.get(k).icIndex() + contacts.get(k).toIndex()) / 2);
            double mean = Stats.mean(java.util.Arrays.stream(java.util.Arrays.copyOfRange(up, a, b + 1))
                    .filter(Double::isFinite).toArray());
            if (Double.isFinite(up[m]) && Double.isFinite(mean)) {
                d.add(100 * (up[m] - mean) / body.legLength());
            }
        }
        return Stats.median(d.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Foot heights around a few steps (for the events chart) and the trunk lean over the whole recording. */
    private static List<Trace> traces(PoseRecording rec, Body body, FootClearanceEvents.Result ev,
                                      List<FootContact> contacts) {
        List<Trace> out = new ArrayList<>();
        double fs = rec.frameRateHz();
        int mid = (int) Math.round(contacts.get(contacts.size() / 2).icIndex());
        int len = (int) Math.min(rec.size(), Math.round(3.0 * fs));
        int from = Math.max(0, Math.min(rec.size() - len, mid - len / 2));
        double scale = body.calibrated() ? 100 : 100 / body.legLength();
        String unit = body.calibrated() ? "cm" : "% leg length";
        double[] t = rec.timeS();
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] h = ev.footHeight().get(s);
            if (h == null) {
                continue;
            }
            double[] tt = new double[len];
            double[] vv = new double[len];
            for (int i = 0; i < len; i++) {
                tt[i] = t[from + i];
                vv[i] = h[from + i] * scale;
            }
            out.add(new Trace(s.label() + " foot height", unit, tt, vv));
        }
        double[] lean = PoseMetrics.trunkLean(body);
        int step = Math.max(1, rec.size() / 1500);
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < lean.length; i += step) {
            if (Double.isFinite(lean[i])) {
                pts.add(new double[] {t[i], lean[i]});
            }
        }
        if (pts.size() >= 2) {
            out.add(new Trace(org.gaitform.report.PoseCharts.SERIES_PREFIX + "trunk lean", "deg", pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray()));
        }
        return out;
    }
}
