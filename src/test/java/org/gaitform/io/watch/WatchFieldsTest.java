package org.gaitform.io.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitform.io.watch.WatchFields.Match;
import org.gaitform.io.watch.WatchFields.Role;
import org.gaitform.io.watch.WatchFields.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The field-role table matches whole names: a name that merely starts like a known one is not that field. */
class WatchFieldsTest {

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // FIT record fields and FitCSVTool headers
        "stance_time|CONTACT_TIME|-|BOTH", "stance_time_balance|CONTACT_BALANCE|-|BOTH",
        "stance_time_percent|STANCE_TIME_PCT|-|BOTH", "vertical_oscillation|VERTICAL_OSCILLATION|-|BOTH",
        "vertical_ratio|VERTICAL_RATIO|-|BOTH", "step_length|STEP_LENGTH|-|BOTH", "cadence|CADENCE|-|BOTH",
        "fractional_cadence|FRACTIONAL_CADENCE|-|BOTH", "enhanced_speed|ENHANCED_SPEED|-|BOTH",
        "enhanced_altitude|ENHANCED_ALTITUDE|-|BOTH", "heart_rate|HEART_RATE|-|BOTH", "power|POWER|-|BOTH",
        "activity_type|ACTIVITY_TYPE|-|BOTH", "position_lat|LATITUDE|-|BOTH", "timestamp|TIME|-|BOTH",
        // Stryd and general CSV naming
        "Ground Time|CONTACT_TIME|-|BOTH", "Vertical Oscillation|VERTICAL_OSCILLATION|-|BOTH",
        "Form Power|FORM_POWER|-|BOTH", "Leg Spring Stiffness|LEG_SPRING_STIFFNESS|-|BOTH", "Power|POWER|-|BOTH",
        "Stryd Power|POWER|stryd|BOTH", "Elevation|ALTITUDE|-|BOTH", "Heart Rate|HEART_RATE|-|BOTH",
        "GCT Balance|CONTACT_BALANCE|-|BOTH", "Pace|PACE|-|BOTH",
        // device-prefixed research exports
        "stryd_stance_time|CONTACT_TIME|stryd|BOTH", "hrm_stance_time|CONTACT_TIME|hrm|BOTH",
        "hrm_stance_time_balance|CONTACT_BALANCE|hrm|BOTH", "stryd_stance_time_percent|STANCE_TIME_PCT|stryd|BOTH",
        "hrm_vertical_oscillation|VERTICAL_OSCILLATION|hrm|BOTH", "stryd_vertical_oscillation|VERTICAL_OSCILLATION|stryd|BOTH",
        "hrm_vertical_ratio|VERTICAL_RATIO|hrm|BOTH", "stryd_elevation|ALTITUDE|stryd|BOTH",
        "rs_contact_time_l|CONTACT_TIME|runscribe|LEFT",
        // RunScribe's developer fields
        "RS_Impact_GS_L|IMPACT|runscribe|LEFT", "RS_Braking_GS_R|BRAKING|runscribe|RIGHT",
        "RS_FootStrike_L|FOOT_STRIKE_TYPE|runscribe|LEFT", "RS_Pronation_R|PRONATION|runscribe|RIGHT",
        "RS_ContactTime_L|CONTACT_TIME|runscribe|LEFT", "RS_Power_AVG|POWER|runscribe|BOTH",
        "currImpactGs|IMPACT|runscribe|BOTH", "currBrakingGs|BRAKING|runscribe|BOTH",
        "currFSType|FOOT_STRIKE_TYPE|runscribe|BOTH", "currPronation|PRONATION|runscribe|BOTH",
        "currFlightRatio|FLIGHT_RATIO|runscribe|BOTH", "currContactTime|CONTACT_TIME|runscribe|BOTH",
        "currPower|POWER|runscribe|BOTH",
        // gaitform's own column names (a unit at the end)
        "cadence_spm|CADENCE|-|BOTH", "contact_ms|CONTACT_TIME|-|BOTH", "vertical_oscillation_cm|VERTICAL_OSCILLATION|-|BOTH",
        "step_length_m|STEP_LENGTH|-|BOTH", "contact_balance_left_pct|CONTACT_BALANCE|-|BOTH",
        "stance_time_pct|STANCE_TIME_PCT|-|BOTH", "heart_rate_bpm|HEART_RATE|-|BOTH", "speed_mps|SPEED|-|BOTH",
    })
    void wholeNamesAreMatched(String name, Role role, String device, Side side) {
        Match m = WatchFields.match(name);
        assertThat(m.role()).as(name).isEqualTo(role);
        assertThat(m.device()).as(name).isEqualTo(device == null ? "" : device);
        assertThat(m.side()).as(name).isEqualTo(side);
    }

    @ParameterizedTest
    @CsvSource({"stance_time_left_foot", "stance_timer", "ground_time_ratio", "vertical_oscillation_score",
        "cadence_zone", "power_zone", "speed_limit", "hr_zone", "stryd_time", "step_length_balance", "impactful",
        "BG", "IG", "FS", "P", "FR"})
    void namesThatOnlyStartLikeAFieldAreExtras(String name) {
        assertThat(WatchFields.match(name).role()).as(name).isEqualTo(Role.EXTRA);
    }

    @Test
    void runScribesShortNamesAreReadOnlyFromRunScribe() {
        assertThat(WatchFields.match("BG_L", true)).extracting(Match::role, Match::side, Match::device)
                .containsExactly(Role.BRAKING, Side.LEFT, "runscribe");
        assertThat(WatchFields.match("IG_R", true).role()).isEqualTo(Role.IMPACT);
        assertThat(WatchFields.match("FS", true).role()).isEqualTo(Role.FOOT_STRIKE_TYPE);
        assertThat(WatchFields.match("P_L", true).role()).isEqualTo(Role.PRONATION);
        assertThat(WatchFields.match("FR", true).role()).isEqualTo(Role.FLIGHT_RATIO);
        assertThat(WatchFields.match("GCT_R", true)).extracting(Match::role, Match::side)
                .containsExactly(Role.CONTACT_TIME, Side.RIGHT);
        assertThat(WatchFields.match("P_L", false).role()).isEqualTo(Role.EXTRA);
    }

    @Test
    void aUnitAtTheEndOfANameMustFitTheRole() {
        assertThat(WatchFields.match("contact_ms").unit()).contains(WatchUnits.MS);
        assertThat(WatchFields.match("vertical_oscillation_cm").unit()).contains(WatchUnits.CM);
        assertThat(WatchFields.match("contact_cm").role()).as("a length is not a contact time").isEqualTo(Role.EXTRA);
    }

    @Test
    void everyTableNameMatchesItsOwnRole() {
        WatchFields.names().forEach((name, role) -> assertThat(WatchFields.match(name).role()).as(name).isEqualTo(role));
    }
}
