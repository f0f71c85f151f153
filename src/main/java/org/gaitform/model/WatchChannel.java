package org.gaitform.model;

/**
 * A per-record quantity of a watch export, always in the unit its name carries. Cadence is steps of both
 * feet per minute (readers convert per-leg values on import and say so).
 */
public enum WatchChannel {
    /** Distance from the start of the file (m). */
    DISTANCE_M("distance_m", "m"),
    /** Speed (m/s). */
    SPEED_MPS("speed_mps", "m/s"),
    /** Altitude (m). */
    ALTITUDE_M("altitude_m", "m"),
    /** Cadence, both feet (steps/min). */
    CADENCE_SPM("cadence_spm", "steps/min"),
    /** Ground-contact (stance) time (ms). */
    CONTACT_MS("contact_ms", "ms"),
    /** Vertical oscillation (mm). */
    VERTICAL_OSCILLATION_MM("vertical_oscillation_mm", "mm"),
    /** Vertical oscillation / step length (%). */
    VERTICAL_RATIO_PCT("vertical_ratio_pct", "%"),
    /** Left foot's share of ground-contact time (%). */
    CONTACT_BALANCE_LEFT_PCT("contact_balance_left_pct", "% left"),
    /** Step length (mm). */
    STEP_LENGTH_MM("step_length_mm", "mm"),
    /** Ground-contact time as a percentage of the stride, as the device reports it (%). */
    STANCE_TIME_PCT("stance_time_pct", "%"),
    /** Heart rate (beats/min). */
    HEART_RATE_BPM("heart_rate_bpm", "bpm"),
    /** Running power (W). */
    POWER_W("power_w", "W"),
    /** Latitude (degrees). */
    LATITUDE_DEG("latitude_deg", "°"),
    /** Longitude (degrees). */
    LONGITUDE_DEG("longitude_deg", "°"),
    /** Peak acceleration of the foot at landing, RunScribe's "impact" (g). */
    IMPACT_G("impact_g", "g"),
    /** Peak braking deceleration of the foot after landing, RunScribe's "braking" (g). */
    BRAKING_G("braking_g", "g"),
    /** RunScribe's foot-strike type: 1–5 heel, 6–11 midfoot, 12–16 forefoot (0: not measured). */
    FOOT_STRIKE_TYPE("foot_strike_type", ""),
    /** Pronation excursion from foot strike to mid-stance, RunScribe's "pronation" (degrees). */
    PRONATION_DEG("pronation_deg", "°"),
    /** Share of the stride spent in the air, RunScribe's "flight ratio" (%). */
    FLIGHT_RATIO_PCT("flight_ratio_pct", "%");

    private final String column;
    private final String unit;

    WatchChannel(String column, String unit) {
        this.column = column;
        this.unit = unit;
    }

    /** Output column name (carries the unit). */
    public String column() {
        return column;
    }

    /** Unit as printed. */
    public String unit() {
        return unit;
    }
}
