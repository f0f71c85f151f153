package org.gaitform.kinematics;

import org.gaitform.signal.Vec3;

/**
 * Hip joint centres from the four pelvic markers by the regression of Harrington et al. 2007 (Harrington ME,
 * Zavatsky AB, Lawson SEM, Yuan Z, Theologis TN. Prediction of the hip joint centre in adults, children, and
 * patients with cerebral palsy based on magnetic resonance imaging. J Biomech 2007;40(3):595–602). In the
 * pelvic frame (origin midway between the ASIS, x anterior, y superior, z to the right) with pelvic width PW
 * (ASIS to ASIS) and depth PD (mid-ASIS to mid-PSIS), both in mm:
 * {@code x = −0.24 PD − 9.9}, {@code y = −0.30 PW − 10.9}, {@code z = ±(0.33 PW + 7.3)}.
 * This project's choices: the frame is rebuilt every frame; inputs in other units are converted to mm for
 * the constants and back.
 */
public final class Harrington2007HipJointCentre {
    private Harrington2007HipJointCentre() {
    }

    /**
     * Both hip joint centres.
     *
     * @param lAsis   left ASIS
     * @param rAsis   right ASIS
     * @param lPsis   left PSIS
     * @param rPsis   right PSIS
     * @param mmPerUnit millimetres per coordinate unit (1 for mm, 1000 for m)
     * @return {left, right}, or {@code null} when the markers are degenerate
     */
    public static Vec3[] centres(Vec3 lAsis, Vec3 rAsis, Vec3 lPsis, Vec3 rPsis, double mmPerUnit) {
        Vec3 midAsis = lAsis.plus(rAsis).times(0.5);
        Vec3 midPsis = lPsis.plus(rPsis).times(0.5);
        Vec3 zAxis = rAsis.minus(lAsis);
        double pw = zAxis.norm() * mmPerUnit;
        Vec3 back = midAsis.minus(midPsis);
        double pd = back.norm() * mmPerUnit;
        if (!(pw > 0) || !(pd > 0)) {
            return null;
        }
        Vec3 z = zAxis.unit();
        Vec3 x = back.minus(z.times(back.dot(z))).unit();
        Vec3 y = z.cross(x);
        double hx = (-0.24 * pd - 9.9) / mmPerUnit;
        double hy = (-0.30 * pw - 10.9) / mmPerUnit;
        double hz = (0.33 * pw + 7.3) / mmPerUnit;
        Vec3 right = midAsis.plus(x.times(hx)).plus(y.times(hy)).plus(z.times(hz));
        Vec3 left = midAsis.plus(x.times(hx)).plus(y.times(hy)).plus(z.times(-hz));
        return new Vec3[] {left, right};
    }
}
