package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Side;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;
import org.junit.jupiter.api.Test;

class TrunkEventsTest {
    private static SimulatedSession session(List<Segment> plan, long seed) {
        return new TrunkImuSimulator(new RunnerProfile(RunnerProfile.Strike.MIDFOOT, 0, 1), 200, seed,
                new Vec3(1, 0, 0), new Vec3(0, 0, 1)).simulate(plan, 0);
    }

    @Test
    void boutsOfStandingWalkingAndRunningAreFound() {
        SimulatedSession s = session(List.of(Segment.stand(5), Segment.walk(20, 1.4), Segment.run(20, 3.2),
                Segment.walk(10, 1.2), Segment.stand(5)), 1);
        List<LabelledRange> bouts = new TrunkActivityBouts().classify(s.bodyAccG()[0], s.samplingRateHz());
        for (Activity a : List.of(Activity.STANDING, Activity.WALKING, Activity.RUNNING)) {
            double truth = s.bouts().stream().filter(b -> b.activity() == a).mapToDouble(Bout::durationS).sum();
            double found = bouts.stream().filter(b -> b.activity() == a).mapToDouble(b -> b.range().length()).sum()
                    / s.samplingRateHz();
            assertThat(found).as(a.label()).isCloseTo(truth, offset(1.5));
        }
    }

    @Test
    void aDownhillHeelStrikeWhoseReboundDropsTheStanceToFreeFallIsOneContact() {
        // rearfoot at 3.3 m/s down a 10° slope: the heel transient (3 g) and its soft-tissue rebound pull the
        // stance down to near 0 g for a moment, which split stances in two with a 1 g threshold (issue 13)
        SimulatedSession s = new TrunkImuSimulator(new RunnerProfile(RunnerProfile.Strike.REARFOOT, 0, 1), 500, 11,
                new Vec3(1, 0, 0), new Vec3(0, 0, 1)).simulate(List.of(Segment.stand(2), Segment.run(12, 3.3, -17.6),
                Segment.stand(2)), 0);
        double fs = s.samplingRateHz();
        double[] v = s.bodyAccG()[0];
        SimulatedSession.TruthStep mid = s.steps().get(10);
        double lowestInStance = Double.POSITIVE_INFINITY;
        for (int i = (int) Math.ceil(mid.icS() * fs) + 10; i < (int) (mid.toS() * fs) - 10; i++) {
            lowestInStance = Math.min(lowestInStance, v[i]);
        }
        assertThat(lowestInStance).as("the model's rebound drops the stance near free fall").isLessThan(0.3);
        List<LabelledRange> bouts = new TrunkActivityBouts().classify(v, fs);
        List<IndexRange> run = bouts.stream().filter(b -> b.activity() == Activity.RUNNING).map(LabelledRange::range).toList();
        assertThat(run).as("one running bout, not one broken at every landing").hasSize(1);
        List<DetectedContact> c = new FlightPhaseTrunkEvents().detect(new TrunkSignals(fs, v, s.bodyAccG()[1], null), run);
        assertThat(c).hasSize(s.steps().size());
        for (int i = 0; i < c.size(); i++) {
            assertThat(c.get(i).icIndex() / fs).isCloseTo(s.steps().get(i).icS(), offset(0.003));
        }
    }

    @Test
    void aSteepUphillStrideWithAShortFlightIsNotMergedIntoItsNeighbour() {
        // forefoot at 4.2 m/s up a 10° slope: flights of 60–90 ms and a bump before each toe-off, which merged or
        // lost half the contacts of a fast +10° trial (issue 13)
        SimulatedSession s = new TrunkImuSimulator(new RunnerProfile(RunnerProfile.Strike.FOREFOOT, 25, 1.05), 200, 12,
                new Vec3(1, 0, 0), new Vec3(0, 0, 1)).simulate(List.of(Segment.stand(2), Segment.run(12, 4.2, 17.6),
                Segment.stand(2)), 0);
        double fs = s.samplingRateHz();
        double shortest = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < s.steps().size(); i++) {
            shortest = Math.min(shortest, s.steps().get(i + 1).icS() - s.steps().get(i).toS());
        }
        assertThat(shortest).as("the model's flights are short").isLessThan(0.09);
        double[] v = s.bodyAccG()[0];
        List<IndexRange> run = new TrunkActivityBouts().classify(v, fs).stream()
                .filter(b -> b.activity() == Activity.RUNNING).map(LabelledRange::range).toList();
        List<DetectedContact> c = new FlightPhaseTrunkEvents().detect(new TrunkSignals(fs, v, s.bodyAccG()[1], null), run);
        assertThat(c).hasSize(s.steps().size());
        for (int i = 0; i < c.size(); i++) {
            assertThat(c.get(i).icIndex() / fs).isCloseTo(s.steps().get(i).icS(), offset(1.0 / fs + 0.003));
        }
    }

    @Test
    void aSensorThatNeverMovesIsStanding() {
        double[] v = new double[2000];
        Random rnd = new Random(1);
        for (int i = 0; i < v.length; i++) {
            v[i] = 1 + 0.005 * rnd.nextGaussian();
        }
        List<LabelledRange> bouts = new TrunkActivityBouts().classify(v, 100);
        assertThat(bouts).hasSize(1);
        assertThat(bouts.get(0).activity()).isEqualTo(Activity.STANDING);
    }

    @Test
    void withoutForwardOrSideAxesContactsComeFromTheVerticalAndSidesStayUnknown() {
        SimulatedSession s = session(List.of(Segment.stand(2), Segment.run(15, 3.0), Segment.stand(2)), 2);
        double fs = s.samplingRateHz();
        TrunkSignals vOnly = new TrunkSignals(fs, s.bodyAccG()[0], null, null);
        List<IndexRange> run = new TrunkActivityBouts().classify(vOnly.verticalG(), fs).stream()
                .filter(b -> b.activity() == Activity.RUNNING).map(LabelledRange::range).toList();
        List<DetectedContact> c = new FlightPhaseTrunkEvents().detect(vOnly, run);
        assertThat(c).hasSize(s.steps().size());
        assertThat(c).allMatch(x -> x.icMethod() == DetectedContact.IcMethod.VERTICAL);
        for (int i = 0; i < c.size(); i++) {
            // the vertical estimate is later than contact, but within 15 ms on this model
            double icS = c.get(i).icIndex() / fs;
            assertThat(icS - s.steps().get(i).icS()).isBetween(-0.005, 0.015);
            assertThat(c.get(i).toIndex() / fs).isCloseTo(s.steps().get(i).toS(), offset(1.0 / fs));
        }
        assertThat(TrunkSideAssignment.assign(vOnly, c).sides()).containsOnly(Side.UNKNOWN);
    }

    @Test
    void noisyOrNonAlternatingSidewaysSignalsLeaveSidesUnknown() {
        SimulatedSession s = session(List.of(Segment.stand(2), Segment.run(15, 3.0), Segment.stand(2)), 3);
        double fs = s.samplingRateHz();
        double[] noise = new double[s.bodyAccG()[0].length];
        Random rnd = new Random(4);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0.3 * rnd.nextGaussian();
        }
        TrunkSignals sig = new TrunkSignals(fs, s.bodyAccG()[0], s.bodyAccG()[1], noise);
        List<IndexRange> run = List.of(new IndexRange((int) (2 * fs), (int) (17 * fs)));
        List<DetectedContact> c = new FlightPhaseTrunkEvents().detect(sig, run);
        assertThat(TrunkSideAssignment.assign(sig, c).sides()).containsOnly(Side.UNKNOWN);
        TrunkSignals clean = new TrunkSignals(fs, s.bodyAccG()[0], s.bodyAccG()[1], s.bodyAccG()[2]);
        List<Side> sides = TrunkSideAssignment.assign(clean, c).sides();
        for (int i = 0; i < c.size(); i++) {
            assertThat(sides.get(i)).isEqualTo(s.steps().get(i).side());
        }
    }

    @Test
    void aBackwardForwardAxisIsNoticed() {
        SimulatedSession s = session(List.of(Segment.stand(2), Segment.run(15, 3.0), Segment.stand(2)), 5);
        double fs = s.samplingRateHz();
        TrunkSignals sig = new TrunkSignals(fs, s.bodyAccG()[0], s.bodyAccG()[1], s.bodyAccG()[2]);
        List<IndexRange> run = List.of(new IndexRange((int) (2 * fs), (int) (17 * fs)));
        List<DetectedContact> c = new FlightPhaseTrunkEvents().detect(new TrunkSignals(fs, s.bodyAccG()[0], null, null), run);
        assertThat(ApPolarity.looksReversed(sig, c)).isFalse();
        assertThat(ApPolarity.looksReversed(sig.withApReversed(), c)).isTrue();
    }
}
