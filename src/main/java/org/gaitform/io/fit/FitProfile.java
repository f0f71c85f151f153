package org.gaitform.io.fit;

import static org.gaitform.io.fit.FitBaseType.BYTE;
import static org.gaitform.io.fit.FitBaseType.ENUM;
import static org.gaitform.io.fit.FitBaseType.SINT16;
import static org.gaitform.io.fit.FitBaseType.SINT32;
import static org.gaitform.io.fit.FitBaseType.SINT8;
import static org.gaitform.io.fit.FitBaseType.STRING;
import static org.gaitform.io.fit.FitBaseType.UINT16;
import static org.gaitform.io.fit.FitBaseType.UINT16Z;
import static org.gaitform.io.fit.FitBaseType.UINT32;
import static org.gaitform.io.fit.FitBaseType.UINT32Z;
import static org.gaitform.io.fit.FitBaseType.UINT8;
import static org.gaitform.io.fit.FitBaseType.UINT8Z;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the FIT profile that gaitform reads: the messages of an activity file (file id, sport,
 * session, lap, record, event, device info, activity, developer descriptions) with their field
 * numbers, names, scales, offsets and units, the components that one field expands into (for example
 * {@code speed} into {@code enhanced_speed}, {@code compressed_speed_distance} into {@code speed} and an
 * accumulated {@code distance}) and the sub-fields whose name depends on another field (for example
 * {@code avg_cadence} reads as {@code avg_running_cadence} in a running lap). Values are
 * {@code raw / scale - offset}. Messages and fields outside this subset are still decoded, named
 * {@code unknown_<number>} and {@code field_<number>}, with their raw values.
 *
 * <p>Written for this project from the public description of the FIT protocol and its profile (field
 * numbers and scales are facts of the format); no code of Garmin's SDK is used.
 */
public final class FitProfile {

    /**
     * A component: {@code bits} bits of the field's raw value become the field {@code targetName}
     * (number {@code target}), read as {@code bits / scale - offset}; an accumulated component counts on
     * from the previous value (it holds only the low bits of a running total).
     */
    public record Component(String targetName, int target, int bits, double scale, double offset,
                            boolean accumulate) {
    }

    /** A sub-field: the field is read under another name and scale when field {@code refField} has one of {@code refValues}. */
    public record SubField(String name, double scale, double offset, String units, int refField, long[] refValues) {
        public SubField {
            refValues = refValues.clone();
        }

        boolean matches(long value) {
            for (long v : refValues) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A field of a message. */
    public record Field(int number, String name, FitBaseType type, double scale, double offset, String units,
                        List<Component> components, List<SubField> subFields) {
        public Field {
            components = List.copyOf(components);
            subFields = List.copyOf(subFields);
        }

        Field component(String targetName, int bits, double componentScale, double componentOffset,
                        boolean accumulate) {
            List<Component> c = new ArrayList<>(components);
            c.add(new Component(targetName, -1, bits, componentScale, componentOffset, accumulate));
            return new Field(number, name, type, scale, offset, units, c, subFields);
        }

        Field sub(String subName, double subScale, double subOffset, String subUnits, int refField, long... values) {
            List<SubField> s = new ArrayList<>(subFields);
            s.add(new SubField(subName, subScale, subOffset, subUnits, refField, values));
            return new Field(number, name, type, scale, offset, units, components, s);
        }
    }

    /** A message: its global number, name and fields by number. */
    public record Message(int number, String name, Map<Integer, Field> fields) {
        public Message {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The field with this number, or {@code null}. */
        public Field field(int fieldNumber) {
            return fields.get(fieldNumber);
        }
    }

    private static final Map<Integer, Message> MESSAGES = new HashMap<>();

    /** Field number of the time stamp, common to every message. */
    public static final int TIMESTAMP = 253;
    /** Field number of the message index, common to many messages. */
    public static final int MESSAGE_INDEX = 254;

    /** Global message numbers gaitform uses. */
    public static final int FILE_ID = 0;
    public static final int SPORT = 12;
    public static final int SESSION = 18;
    public static final int LAP = 19;
    public static final int RECORD = 20;
    public static final int EVENT = 21;
    public static final int DEVICE_INFO = 23;
    public static final int ACTIVITY = 34;
    public static final int FILE_CREATOR = 49;
    public static final int HRV = 78;
    public static final int FIELD_DESCRIPTION = 206;
    public static final int DEVELOPER_DATA_ID = 207;

    private static final long[] GARMIN_MANUFACTURERS = {1, 13, 15, 89};

    static {
        define(FILE_ID, "file_id",
                f(0, "type", ENUM),
                f(1, "manufacturer", UINT16),
                f(2, "product", UINT16).sub("garmin_product", 1, 0, "", 1, GARMIN_MANUFACTURERS),
                f(3, "serial_number", UINT32Z),
                f(4, "time_created", UINT32),
                f(5, "number", UINT16),
                f(8, "product_name", STRING));
        define(SPORT, "sport",
                f(0, "sport", ENUM),
                f(1, "sub_sport", ENUM),
                f(3, "name", STRING));
        define(SESSION, "session",
                f(MESSAGE_INDEX, "message_index", UINT16),
                f(TIMESTAMP, "timestamp", UINT32, 1, 0, "s"),
                f(0, "event", ENUM),
                f(1, "event_type", ENUM),
                f(2, "start_time", UINT32),
                f(3, "start_position_lat", SINT32, 1, 0, "semicircles"),
                f(4, "start_position_long", SINT32, 1, 0, "semicircles"),
                f(5, "sport", ENUM),
                f(6, "sub_sport", ENUM),
                f(7, "total_elapsed_time", UINT32, 1000, 0, "s"),
                f(8, "total_timer_time", UINT32, 1000, 0, "s"),
                f(9, "total_distance", UINT32, 100, 0, "m"),
                f(10, "total_cycles", UINT32, 1, 0, "cycles")
                        .sub("total_strides", 1, 0, "strides", 5, 1, 11)
                        .sub("total_strokes", 1, 0, "strokes", 5, 2, 5, 15, 37),
                f(11, "total_calories", UINT16, 1, 0, "kcal"),
                f(13, "total_fat_calories", UINT16, 1, 0, "kcal"),
                f(14, "avg_speed", UINT16, 1000, 0, "m/s").component("enhanced_avg_speed", 16, 1000, 0, false),
                f(15, "max_speed", UINT16, 1000, 0, "m/s").component("enhanced_max_speed", 16, 1000, 0, false),
                f(16, "avg_heart_rate", UINT8, 1, 0, "bpm"),
                f(17, "max_heart_rate", UINT8, 1, 0, "bpm"),
                f(18, "avg_cadence", UINT8, 1, 0, "rpm").sub("avg_running_cadence", 1, 0, "strides/min", 5, 1),
                f(19, "max_cadence", UINT8, 1, 0, "rpm").sub("max_running_cadence", 1, 0, "strides/min", 5, 1),
                f(20, "avg_power", UINT16, 1, 0, "watts"),
                f(21, "max_power", UINT16, 1, 0, "watts"),
                f(22, "total_ascent", UINT16, 1, 0, "m"),
                f(23, "total_descent", UINT16, 1, 0, "m"),
                f(24, "total_training_effect", UINT8, 10, 0, ""),
                f(25, "first_lap_index", UINT16),
                f(26, "num_laps", UINT16),
                f(27, "event_group", UINT8),
                f(28, "trigger", ENUM),
                f(29, "nec_lat", SINT32, 1, 0, "semicircles"),
                f(30, "nec_long", SINT32, 1, 0, "semicircles"),
                f(31, "swc_lat", SINT32, 1, 0, "semicircles"),
                f(32, "swc_long", SINT32, 1, 0, "semicircles"),
                f(34, "normalized_power", UINT16, 1, 0, "watts"),
                f(38, "end_position_lat", SINT32, 1, 0, "semicircles"),
                f(39, "end_position_long", SINT32, 1, 0, "semicircles"),
                f(42, "avg_stroke_distance", UINT16, 100, 0, "m"),
                f(44, "pool_length", UINT16, 100, 0, "m"),
                f(48, "total_work", UINT32, 1, 0, "J"),
                f(49, "avg_altitude", UINT16, 5, 500, "m").component("enhanced_avg_altitude", 16, 5, 500, false),
                f(50, "max_altitude", UINT16, 5, 500, "m").component("enhanced_max_altitude", 16, 5, 500, false),
                f(52, "avg_grade", SINT16, 100, 0, "%"),
                f(57, "avg_temperature", SINT8, 1, 0, "C"),
                f(58, "max_temperature", SINT8, 1, 0, "C"),
                f(59, "total_moving_time", UINT32, 1000, 0, "s"),
                f(64, "min_heart_rate", UINT8, 1, 0, "bpm"),
                f(65, "time_in_hr_zone", UINT32, 1000, 0, "s"),
                f(71, "min_altitude", UINT16, 5, 500, "m").component("enhanced_min_altitude", 16, 5, 500, false),
                f(89, "avg_vertical_oscillation", UINT16, 10, 0, "mm"),
                f(90, "avg_stance_time_percent", UINT16, 100, 0, "percent"),
                f(91, "avg_stance_time", UINT16, 10, 0, "ms"),
                f(92, "avg_fractional_cadence", UINT8, 128, 0, "rpm"),
                f(93, "max_fractional_cadence", UINT8, 128, 0, "rpm"),
                f(94, "total_fractional_cycles", UINT8, 128, 0, "cycles"),
                f(110, "sport_profile_name", STRING),
                f(124, "enhanced_avg_speed", UINT32, 1000, 0, "m/s"),
                f(125, "enhanced_max_speed", UINT32, 1000, 0, "m/s"),
                f(126, "enhanced_avg_altitude", UINT32, 5, 500, "m"),
                f(127, "enhanced_min_altitude", UINT32, 5, 500, "m"),
                f(128, "enhanced_max_altitude", UINT32, 5, 500, "m"),
                f(132, "avg_vertical_ratio", UINT16, 100, 0, "percent"),
                f(133, "avg_stance_time_balance", UINT16, 100, 0, "percent"),
                f(134, "avg_step_length", UINT16, 10, 0, "mm"),
                f(137, "total_anaerobic_training_effect", UINT8, 10, 0, ""),
                f(150, "min_temperature", SINT8, 1, 0, "C"),
                f(168, "training_load_peak", SINT32, 65536, 0, ""),
                f(192, "workout_feel", UINT8),
                f(193, "workout_rpe", UINT8));
        define(LAP, "lap",
                f(MESSAGE_INDEX, "message_index", UINT16),
                f(TIMESTAMP, "timestamp", UINT32, 1, 0, "s"),
                f(0, "event", ENUM),
                f(1, "event_type", ENUM),
                f(2, "start_time", UINT32),
                f(3, "start_position_lat", SINT32, 1, 0, "semicircles"),
                f(4, "start_position_long", SINT32, 1, 0, "semicircles"),
                f(5, "end_position_lat", SINT32, 1, 0, "semicircles"),
                f(6, "end_position_long", SINT32, 1, 0, "semicircles"),
                f(7, "total_elapsed_time", UINT32, 1000, 0, "s"),
                f(8, "total_timer_time", UINT32, 1000, 0, "s"),
                f(9, "total_distance", UINT32, 100, 0, "m"),
                f(10, "total_cycles", UINT32, 1, 0, "cycles")
                        .sub("total_strides", 1, 0, "strides", 25, 1, 11)
                        .sub("total_strokes", 1, 0, "strokes", 25, 2, 5, 15, 37),
                f(11, "total_calories", UINT16, 1, 0, "kcal"),
                f(12, "total_fat_calories", UINT16, 1, 0, "kcal"),
                f(13, "avg_speed", UINT16, 1000, 0, "m/s").component("enhanced_avg_speed", 16, 1000, 0, false),
                f(14, "max_speed", UINT16, 1000, 0, "m/s").component("enhanced_max_speed", 16, 1000, 0, false),
                f(15, "avg_heart_rate", UINT8, 1, 0, "bpm"),
                f(16, "max_heart_rate", UINT8, 1, 0, "bpm"),
                f(17, "avg_cadence", UINT8, 1, 0, "rpm").sub("avg_running_cadence", 1, 0, "strides/min", 25, 1),
                f(18, "max_cadence", UINT8, 1, 0, "rpm").sub("max_running_cadence", 1, 0, "strides/min", 25, 1),
                f(19, "avg_power", UINT16, 1, 0, "watts"),
                f(20, "max_power", UINT16, 1, 0, "watts"),
                f(21, "total_ascent", UINT16, 1, 0, "m"),
                f(22, "total_descent", UINT16, 1, 0, "m"),
                f(23, "intensity", ENUM),
                f(24, "lap_trigger", ENUM),
                f(25, "sport", ENUM),
                f(26, "event_group", UINT8),
                f(33, "normalized_power", UINT16, 1, 0, "watts"),
                f(37, "avg_stroke_distance", UINT16, 100, 0, "m"),
                f(39, "sub_sport", ENUM),
                f(41, "total_work", UINT32, 1, 0, "J"),
                f(42, "avg_altitude", UINT16, 5, 500, "m").component("enhanced_avg_altitude", 16, 5, 500, false),
                f(43, "max_altitude", UINT16, 5, 500, "m").component("enhanced_max_altitude", 16, 5, 500, false),
                f(45, "avg_grade", SINT16, 100, 0, "%"),
                f(50, "avg_temperature", SINT8, 1, 0, "C"),
                f(51, "max_temperature", SINT8, 1, 0, "C"),
                f(52, "total_moving_time", UINT32, 1000, 0, "s"),
                f(57, "time_in_hr_zone", UINT32, 1000, 0, "s"),
                f(62, "min_altitude", UINT16, 5, 500, "m").component("enhanced_min_altitude", 16, 5, 500, false),
                f(63, "min_heart_rate", UINT8, 1, 0, "bpm"),
                f(71, "wkt_step_index", UINT16),
                f(77, "avg_vertical_oscillation", UINT16, 10, 0, "mm"),
                f(78, "avg_stance_time_percent", UINT16, 100, 0, "percent"),
                f(79, "avg_stance_time", UINT16, 10, 0, "ms"),
                f(80, "avg_fractional_cadence", UINT8, 128, 0, "rpm"),
                f(81, "max_fractional_cadence", UINT8, 128, 0, "rpm"),
                f(82, "total_fractional_cycles", UINT8, 128, 0, "cycles"),
                f(110, "enhanced_avg_speed", UINT32, 1000, 0, "m/s"),
                f(111, "enhanced_max_speed", UINT32, 1000, 0, "m/s"),
                f(112, "enhanced_avg_altitude", UINT32, 5, 500, "m"),
                f(113, "enhanced_min_altitude", UINT32, 5, 500, "m"),
                f(114, "enhanced_max_altitude", UINT32, 5, 500, "m"),
                f(118, "avg_vertical_ratio", UINT16, 100, 0, "percent"),
                f(119, "avg_stance_time_balance", UINT16, 100, 0, "percent"),
                f(120, "avg_step_length", UINT16, 10, 0, "mm"),
                f(124, "min_temperature", SINT8, 1, 0, "C"));
        define(RECORD, "record",
                f(TIMESTAMP, "timestamp", UINT32, 1, 0, "s"),
                f(0, "position_lat", SINT32, 1, 0, "semicircles"),
                f(1, "position_long", SINT32, 1, 0, "semicircles"),
                f(2, "altitude", UINT16, 5, 500, "m").component("enhanced_altitude", 16, 5, 500, false),
                f(3, "heart_rate", UINT8, 1, 0, "bpm"),
                f(4, "cadence", UINT8, 1, 0, "rpm"),
                f(5, "distance", UINT32, 100, 0, "m"),
                f(6, "speed", UINT16, 1000, 0, "m/s").component("enhanced_speed", 16, 1000, 0, false),
                f(7, "power", UINT16, 1, 0, "watts"),
                f(8, "compressed_speed_distance", BYTE)
                        .component("speed", 12, 100, 0, false)
                        .component("distance", 12, 16, 0, true),
                f(9, "grade", SINT16, 100, 0, "%"),
                f(10, "resistance", UINT8),
                f(11, "time_from_course", SINT32, 1000, 0, "s"),
                f(12, "cycle_length", UINT8, 100, 0, "m"),
                f(13, "temperature", SINT8, 1, 0, "C"),
                f(17, "speed_1s", UINT8, 16, 0, "m/s"),
                f(18, "cycles", UINT8).component("total_cycles", 8, 1, 0, true),
                f(19, "total_cycles", UINT32, 1, 0, "cycles"),
                f(28, "compressed_accumulated_power", UINT16).component("accumulated_power", 16, 1, 0, true),
                f(29, "accumulated_power", UINT32, 1, 0, "watts"),
                f(30, "left_right_balance", UINT8),
                f(31, "gps_accuracy", UINT8, 1, 0, "m"),
                f(32, "vertical_speed", SINT16, 1000, 0, "m/s"),
                f(33, "calories", UINT16, 1, 0, "kcal"),
                f(39, "vertical_oscillation", UINT16, 10, 0, "mm"),
                f(40, "stance_time_percent", UINT16, 100, 0, "percent"),
                f(41, "stance_time", UINT16, 10, 0, "ms"),
                f(42, "activity_type", ENUM),
                f(52, "cadence256", UINT16, 256, 0, "rpm"),
                f(53, "fractional_cadence", UINT8, 128, 0, "rpm"),
                f(62, "device_index", UINT8),
                f(73, "enhanced_speed", UINT32, 1000, 0, "m/s"),
                f(78, "enhanced_altitude", UINT32, 5, 500, "m"),
                f(83, "vertical_ratio", UINT16, 100, 0, "percent"),
                f(84, "stance_time_balance", UINT16, 100, 0, "percent"),
                f(85, "step_length", UINT16, 10, 0, "mm"),
                f(87, "cycle_length16", UINT16, 100, 0, "m"));
        define(EVENT, "event",
                f(TIMESTAMP, "timestamp", UINT32, 1, 0, "s"),
                f(0, "event", ENUM),
                f(1, "event_type", ENUM),
                f(2, "data16", UINT16).component("data", 16, 1, 0, false),
                f(3, "data", UINT32).sub("timer_trigger", 1, 0, "", 0, 0),
                f(4, "event_group", UINT8),
                f(7, "score", UINT16),
                f(8, "opponent_score", UINT16),
                f(9, "front_gear_num", UINT8Z),
                f(10, "front_gear", UINT8Z),
                f(11, "rear_gear_num", UINT8Z),
                f(12, "rear_gear", UINT8Z),
                f(13, "device_index", UINT8));
        define(DEVICE_INFO, "device_info",
                f(TIMESTAMP, "timestamp", UINT32, 1, 0, "s"),
                f(0, "device_index", UINT8),
                f(1, "device_type", UINT8)
                        .sub("antplus_device_type", 1, 0, "", 25, 1)
                        .sub("local_device_type", 1, 0, "", 25, 5),
                f(2, "manufacturer", UINT16),
                f(3, "serial_number", UINT32Z),
                f(4, "product", UINT16).sub("garmin_product", 1, 0, "", 2, GARMIN_MANUFACTURERS),
                f(5, "software_version", UINT16, 100, 0, ""),
                f(6, "hardware_version", UINT8),
                f(7, "cum_operating_time", UINT32, 1, 0, "s"),
                f(10, "battery_voltage", UINT16, 256, 0, "V"),
                f(11, "battery_status", UINT8),
                f(18, "sensor_position", ENUM),
                f(19, "descriptor", STRING),
                f(20, "ant_transmission_type", UINT8Z),
                f(21, "ant_device_number", UINT16Z),
                f(22, "ant_network", ENUM),
                f(25, "source_type", ENUM),
                f(27, "product_name", STRING));
        define(ACTIVITY, "activity",
                f(TIMESTAMP, "timestamp", UINT32, 1, 0, "s"),
                f(0, "total_timer_time", UINT32, 1000, 0, "s"),
                f(1, "num_sessions", UINT16),
                f(2, "type", ENUM),
                f(3, "event", ENUM),
                f(4, "event_type", ENUM),
                f(5, "local_timestamp", UINT32),
                f(6, "event_group", UINT8));
        define(FILE_CREATOR, "file_creator",
                f(0, "software_version", UINT16),
                f(1, "hardware_version", UINT8));
        define(HRV, "hrv",
                f(0, "time", UINT16, 1000, 0, "s"));
        define(FIELD_DESCRIPTION, "field_description",
                f(0, "developer_data_index", UINT8),
                f(1, "field_definition_number", UINT8),
                f(2, "fit_base_type_id", UINT8),
                f(3, "field_name", STRING),
                f(4, "array", UINT8),
                f(5, "components", STRING),
                f(6, "scale", UINT8),
                f(7, "offset", SINT8),
                f(8, "units", STRING),
                f(9, "bits", STRING),
                f(10, "accumulate", STRING),
                f(13, "fit_base_unit_id", UINT16),
                f(14, "native_mesg_num", UINT16),
                f(15, "native_field_num", UINT8));
        define(DEVELOPER_DATA_ID, "developer_data_id",
                f(0, "developer_id", BYTE),
                f(1, "application_id", BYTE),
                f(2, "manufacturer_id", UINT16),
                f(3, "developer_data_index", UINT8),
                f(4, "application_version", UINT32));
    }

    private FitProfile() {
    }

    /** The profile of a global message number, or {@code null} when gaitform does not know it. */
    public static Message message(int globalNumber) {
        return MESSAGES.get(globalNumber);
    }

    /** Name of a global message number ({@code unknown_<n>} outside the subset). */
    public static String messageName(int globalNumber) {
        Message m = MESSAGES.get(globalNumber);
        return m == null ? "unknown_" + globalNumber : m.name();
    }

    /** Sport names of the profile's {@code sport} type for the values activity files use. */
    public static String sportName(long sport) {
        return switch ((int) sport) {
            case 0 -> "generic";
            case 1 -> "running";
            case 2 -> "cycling";
            case 3 -> "transition";
            case 4 -> "fitness_equipment";
            case 5 -> "swimming";
            case 10 -> "training";
            case 11 -> "walking";
            case 13 -> "alpine_skiing";
            case 15 -> "rowing";
            case 16 -> "mountaineering";
            case 17 -> "hiking";
            case 18 -> "multisport";
            case 30 -> "inline_skating";
            case 37 -> "stand_up_paddleboarding";
            default -> "sport " + sport;
        };
    }

    private static Field f(int number, String name, FitBaseType type) {
        return new Field(number, name, type, 1, 0, "", List.of(), List.of());
    }

    private static Field f(int number, String name, FitBaseType type, double scale, double offset, String units) {
        return new Field(number, name, type, scale, offset, units, List.of(), List.of());
    }

    private static void define(int number, String name, Field... fields) {
        Map<Integer, Field> byNumber = new LinkedHashMap<>();
        Map<String, Integer> numberOf = new HashMap<>();
        for (Field fd : fields) {
            byNumber.put(fd.number(), fd);
            numberOf.put(fd.name(), fd.number());
        }
        if (!byNumber.containsKey(TIMESTAMP)) {
            byNumber.put(TIMESTAMP, f(TIMESTAMP, "timestamp", UINT32, 1, 0, "s"));
            numberOf.put("timestamp", TIMESTAMP);
        }
        if (!byNumber.containsKey(MESSAGE_INDEX)) {
            byNumber.put(MESSAGE_INDEX, f(MESSAGE_INDEX, "message_index", UINT16));
        }
        // resolve component targets by name
        for (Field fd : fields) {
            if (fd.components().isEmpty()) {
                continue;
            }
            List<Component> resolved = new ArrayList<>();
            for (Component c : fd.components()) {
                Integer t = numberOf.get(c.targetName());
                if (t == null) {
                    throw new IllegalStateException("profile: component " + c.targetName() + " of " + name + "."
                            + fd.name() + " names no field");
                }
                resolved.add(new Component(c.targetName(), t, c.bits(), c.scale(), c.offset(), c.accumulate()));
            }
            byNumber.put(fd.number(), new Field(fd.number(), fd.name(), fd.type(), fd.scale(), fd.offset(), fd.units(),
                    resolved, fd.subFields()));
        }
        MESSAGES.put(number, new Message(number, name, byNumber));
    }

    /** Every message of the subset (for tests and documentation). */
    public static List<Message> messages() {
        List<Message> out = new ArrayList<>(MESSAGES.values());
        out.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return out;
    }
}
