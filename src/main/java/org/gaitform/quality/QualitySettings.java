package org.gaitform.quality;

/**
 * Thresholds of the quality checks ({@link QualityChecks}). The defaults are the same for every recording and every
 * kind of input; where a threshold depends on the input (timing resolution), the check adds the input's own
 * resolution to it. Why each default is what it is: {@code docs/quality.md}.
 *
 * @param minSteps              fewest steps (of the session's activity) behind a session's averages and behind any
 *                              finding built on steps; default 10 (a typical step-time variation of 3 % then gives the
 *                              cadence to about 1 %, 2 steps/min, one standard error)
 * @param minStepsPerSide       fewest steps of each foot behind a left- or right-specific finding (knee valgus, pelvic
 *                              drop); default 5
 * @param minStepsPerSideBalance fewest steps of each foot behind the left/right contact-time balance; default 10 (the
 *                              balance band is 1.5 points wide; with 10 steps a side its 95 % interval is about ±0.9
 *                              points at a contact-time variation of 4 %)
 * @param cadenceAgreementSpm   events and signal cadence may differ by this much before the cadence is doubtful
 *                              (steps/min); default 2
 * @param cadenceAgreementPct   … or by this share, whichever is larger (%); default 1
 * @param cadencePoorSpm        beyond this difference the steps are poor (steps/min); default 6
 * @param cadencePoorPct        … or this share, whichever is larger (%); default 4 (one contact in 25 extra or missed)
 * @param stepsExpectedPct      steps found may differ from steps expected from the analysed time and the signal's
 *                              cadence by this share (%); default 10
 * @param stepsExpectedPoorPct  beyond this share the steps are poor (%); default 30
 * @param regularStepping       autocorrelation at the step (or stride) period above which a stretch that was not
 *                              analysed is taken as regular stepping; default 0.5
 * @param unanalysedPct         regular stepping left out of the analysis, as a share of the analysed time, above which
 *                              contacts were missed (%); default 10 (and at least 1 s)
 * @param unanalysedPoorPct     … poor above this share (%); default 50
 * @param shortStepFactor       a step shorter than this share of the median step is a spurious contact; default 0.6
 * @param shortStepPct          share of such steps above which the cadence is doubtful (%); default 1
 * @param shortStepPoorPct      … poor (%); default 10
 * @param gapPct                share of steps followed by a missed step above which the steps are doubtful (%);
 *                              default 10 (and at least two gaps)
 * @param gapPoorPct            … poor (%); default 25
 * @param sameSidePct           share of consecutive steps on the same foot above which sides or contacts are doubtful
 *                              (%); default 10
 * @param sameSidePoorPct       … poor (%); default 30
 * @param stepTimeCvPct         step-time coefficient of variation above which the contacts are doubtful (%), before the
 *                              input's timing resolution is added; default 6 (twice the 1.5–3 % of runners)
 * @param stepTimeCvPoorPct     … poor (%); default 15
 * @param contactCvPct          contact-time coefficient of variation above which contact times are doubtful (%), before
 *                              the input's timing resolution is added; default 10
 * @param contactCvPoorPct      … poor (%); default 25
 * @param contactLengthM        plausible distance travelled during one contact {low, high} (m) when the speed is known;
 *                              default 0.4–1.4
 * @param stepLengthAgreementPct a measured step length may differ from speed × step time by this share (%); default 15
 * @param switchedFramesPct     share of video frames whose left and right keypoints the pose estimator exchanged (and
 *                              gaitform exchanged back) above which the left/right values are doubtful (%); default 25
 *                              (in simulated videos with a third of the frames exchanged the correction still gave the
 *                              right sides, docs/pose-input.md; beyond a quarter of the clip the sides rest more on the
 *                              correction than on the estimator)
 * @param missingLegFramesPct   share of video frames in which a leg keypoint (hip, knee, ankle, heel or toe of either
 *                              side) is missing above which the contacts and form values are doubtful (%); default 20
 *                              (short gaps are interpolated; one frame in five missing leaves steps with interpolated
 *                              contacts)
 * @param missingLegFramesPoorPct … poor above this share (%); default 50
 * @param tiltContactShiftMs    a tilted pre-aligned trunk export's median contact time may change by this much when its
 *                              vertical is turned onto gravity (beyond the usual difference) before the contact times
 *                              are doubtful (ms); default 25 (issue 13's bound for a wrong session: two estimates
 *                              further apart than that cannot both be within it)
 * @param gravityMagnitudeTolG  a running trunk sensor with raw axes must have a gravity estimate (its readings
 *                              low-passed at 0.3 Hz) within this of 1 g long on average (g) for its contact times and
 *                              the values that scale with its readings to be judged; default 0.1 (a calibrated
 *                              accelerometer reads 1 g ± a few per cent, and a trunk tilting ±10° through the step
 *                              shortens the estimate by 1.5 %; GaitPy's GENEActiv demo reads 0.996 g)
 * @param angleStepSdDeg        standard deviation from step to step (pooled over the two sides, at least 3 steps a
 *                              side) of knee FPPA and of pelvic drop above which the angle is doubtful (deg); default
 *                              3.5 (runners' own: 0.5–1.4° in pelvic drop over 37–42 steps a side of Fukuchi's four
 *                              runners, 0.8–2.5° over 6–7 steps of Hamner's at 2–5 m/s, 0.9–1.3° in FPPA of Fukuchi's
 *                              runners with their knees carried from the standing trial; docs/quality.md)
 * @param footAngleNoiseDeg     a side video's foot strike angle noise per frame from the keypoints' jitter (decision
 *                              {@code foot_angle_noise}) above which the strike angle and class are doubtful (deg);
 *                              default 1.5 (on simulated side views, 1.1° or less kept every strike class right,
 *                              1.6–1.9° gave a wrong class in 3 of 18; docs/quality.md)
 * @param springMassOscillationRatio a running session's vertical oscillation over the spring-mass model's from its own
 *                              contact time and cadence (Morin et al. 2005) {low, high} outside which the oscillation or
 *                              the contact time is doubtful; default 0.5–2 (the shared running sessions read
 *                              0.79–1.40: markers, trunk IMU and watches alike; a unit read wrongly is 10 times off, an
 *                              oscillation from the wrong landmark or perspective several times; docs/quality.md)
 * @param rivalShare            a video with several people: another person's frames, weighted by how much their legs
 *                              move, against the runner's (decision {@code people_rival}), from which the choice of the
 *                              runner is doubtful; default 0.5 (the runner is the person seen moving in the most
 *                              frames; from half as many, a runner hidden or out of the picture for half the clip
 *                              could be the one not taken; people walking across the picture for 2.5–3 s of a 10 s
 *                              clip score 0.28–0.36 in {@code SeveralPeopleTest}; docs/quality.md)
 * @param minContactRateHz      a running trunk sensor, a foot or shank sensor, or a side video or 3D recording,
 *                              sampled more slowly than this gives contact times that are doubtful (Hz, fps); default 50 (the features that time toe-off last a
 *                              few tens of milliseconds: the trunk's fall from stance to flight, 30–40 ms, the foot's
 *                              push-off; at 50 Hz two samples or more lie on them, at 25 Hz they can fall between two.
 *                              Alcantara's 18 trunk trials decimated: mean contact-time errors +4 to +5 ms at 50 Hz, +7
 *                              to +10 ms at 25 Hz with trials up to 59 ms long, {@code TrunkRateAccuracyTest}; gaitmap's
 *                              foot sensors: 96–100 % of the toe-offs within 30 ms of motion capture at 51.2 Hz, 0–3 %
 *                              at 25.6 Hz, {@code GaitmapFootMountingTest}; Fukuchi's and Hamner's force-plate trials
 *                              filmed from the side through a virtual camera: 1 of 16 sessions more than 25 ms off at
 *                              60 fps, 6 of 16 at 30 and at 25 fps, {@code MarkerEventAccuracyTest}; set on those
 *                              recordings, which the trunk, foot and marker methods' thresholds were also chosen on)
 * @param maxFloorTiltDeg       a treadmill side video whose belt is tilted by more than this in the picture (decision
 *                              {@code floor_tilt}) has its trunk lean, shank angle and overstride doubtful (deg);
 *                              default 2 (a camera rolled by an angle turns trunk lean and shank angle by that angle;
 *                              below 2° the error is within the few degrees that separate the trunk-lean bands of the
 *                              guidelines; a level side camera read 0.1° on the simulated runner and −1.4 to +0.7° on
 *                              Fukuchi's and Hamner's treadmill trials, whose feet slide back along lines not quite level
 *                              in the labs' frames; docs/pose-input.md)
 * @param maxSkippedFramesPct   a video in which more than this share of the frame intervals (%) looks to span a lost
 *                              frame (decision {@code frames_skipped}) has every time-scaled value doubtful; default 1
 *                              (each lost frame in a hundred shortens every time by 1 %; the side videos of the
 *                              force-plate trials read 0 % intact and 3.7–5.6 % with 5 % of their frames dropped,
 *                              docs/pose-input.md)
 */
public record QualitySettings(int minSteps, int minStepsPerSide, int minStepsPerSideBalance,
                              double cadenceAgreementSpm, double cadenceAgreementPct, double cadencePoorSpm,
                              double cadencePoorPct, double stepsExpectedPct, double stepsExpectedPoorPct,
                              double regularStepping, double unanalysedPct, double unanalysedPoorPct,
                              double shortStepFactor, double shortStepPct, double shortStepPoorPct, double gapPct,
                              double gapPoorPct, double sameSidePct, double sameSidePoorPct, double stepTimeCvPct,
                              double stepTimeCvPoorPct, double contactCvPct, double contactCvPoorPct,
                              double[] contactLengthM, double stepLengthAgreementPct, double switchedFramesPct,
                              double missingLegFramesPct, double missingLegFramesPoorPct, double tiltContactShiftMs,
                              double gravityMagnitudeTolG, double angleStepSdDeg,
                              double footAngleNoiseDeg, double[] springMassOscillationRatio, double rivalShare,
                              double minContactRateHz, double maxFloorTiltDeg, double maxSkippedFramesPct) {

    /** The defaults described above. */
    public static final QualitySettings DEFAULTS = new QualitySettings(10, 5, 10, 2, 1, 6, 4, 10, 30, 0.5, 10, 50, 0.6,
            1, 10, 10, 25, 10, 30, 6, 15, 10, 25, new double[] {0.4, 1.4}, 15, 25, 20, 50, 25, 0.1, 3.5, 1.5,
            new double[] {0.5, 2.0}, 0.5, 50, 2, 1);

    public QualitySettings {
        if (minSteps < 1 || minStepsPerSide < 1 || minStepsPerSideBalance < 1) {
            throw new IllegalArgumentException("minimum step counts must be positive");
        }
        if (contactLengthM == null || contactLengthM.length != 2 || !(contactLengthM[0] < contactLengthM[1])) {
            throw new IllegalArgumentException("contactLengthM must be {low, high} with low < high");
        }
        contactLengthM = contactLengthM.clone();
        if (springMassOscillationRatio == null || springMassOscillationRatio.length != 2
                || !(springMassOscillationRatio[0] > 0 && springMassOscillationRatio[0] < springMassOscillationRatio[1])) {
            throw new IllegalArgumentException("springMassOscillationRatio must be {low, high} with 0 < low < high");
        }
        springMassOscillationRatio = springMassOscillationRatio.clone();
    }

    @Override
    public double[] contactLengthM() {
        return contactLengthM.clone();
    }

    @Override
    public double[] springMassOscillationRatio() {
        return springMassOscillationRatio.clone();
    }
}
