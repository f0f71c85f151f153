package org.gaitform.io.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gaitform.io.fit.FitWriter.f;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gaitform.model.GaitformException;
import org.junit.jupiter.api.Test;

/** The FIT decoder on small files written by {@link FitWriter}, each exercising one part of the protocol. */
class FitDecoderTest {
    static final int UINT8 = 0x02;
    static final int SINT8 = 0x01;
    static final int UINT16 = 0x84;
    static final int UINT32 = 0x86;
    static final int SINT32 = 0x85;
    static final int ENUM = 0x00;
    static final int BYTE = 0x0D;
    static final int STRING = 0x07;
    static final int FLOAT32 = 0x88;

    private static FitFile decode(byte[] b) {
        return new FitDecoder(true).decode(b, "test.fit");
    }

    @Test
    void crcMatchesTheStandardCheckValue() {
        // FIT's check is CRC-16 with polynomial 0xA001 (reflected 0x8005), initial value 0: "123456789" gives 0xBB3D
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(FitCrc.of(b, 0, b.length)).isEqualTo(0xBB3D);
    }

    @Test
    void recordFieldsAreScaledAndInvalidValuesLeftOut() {
        byte[] file = new FitWriter()
                .define(0, 20, f(253, 4, UINT32), f(2, 2, UINT16), f(4, 1, UINT8), f(41, 2, UINT16), f(39, 2, UINT16),
                        f(84, 2, UINT16), f(0, 4, SINT32), f(13, 1, SINT8))
                .data(0, 866126049L, 2511L, 90L, 2703L, 762L, 5239L, 456099128L, -3L)
                .data(0, 866126050L, 0xFFFFL, 0xFFL, 0xFFFFL, 0xFFFFL, 0xFFFFL, 0x7FFFFFFFL, 0x7FL)
                .bytes();
        FitFile fit = decode(file);
        List<FitMessage> rec = fit.messages("record");
        assertThat(rec).hasSize(2);
        FitMessage a = rec.get(0);
        assertThat(a.value("timestamp")).isEqualTo(866126049);
        assertThat(a.value("altitude")).isCloseTo(2.2, within(1e-9));
        assertThat(a.value("enhanced_altitude")).as("component of altitude").isCloseTo(2.2, within(1e-9));
        assertThat(a.value("cadence")).isEqualTo(90);
        assertThat(a.value("stance_time")).isCloseTo(270.3, within(1e-9));
        assertThat(a.value("vertical_oscillation")).isCloseTo(76.2, within(1e-9));
        assertThat(a.value("stance_time_balance")).isCloseTo(52.39, within(1e-9));
        assertThat(a.value("position_lat")).isEqualTo(456099128);
        assertThat(a.value("temperature")).isEqualTo(-3);
        assertThat(a.field("stance_time").orElseThrow().units()).isEqualTo("ms");
        FitMessage b = rec.get(1);
        assertThat(b.fields()).extracting(FitField::name).containsExactly("timestamp");
    }

    @Test
    void compressedTimestampsCountOnFromTheLastFullOneAndRollOver() {
        // last full stamp ends in 0x1E (30); offsets 31, then 2 (rolled over past 32), then 5
        long t0 = 1000L * 32 + 30;
        byte[] file = new FitWriter()
                .define(0, 20, f(253, 4, UINT32), f(3, 1, UINT8))
                .define(1, 20, f(3, 1, UINT8))
                .data(0, t0, 100L)
                .compressed(1, 31, 101L)
                .compressed(1, 2, 102L)
                .compressed(1, 5, 103L)
                .bytes();
        List<FitMessage> rec = decode(file).messages("record");
        assertThat(rec).extracting(m -> m.value("timestamp")).containsExactly((double) t0, (double) t0 + 1,
                (double) t0 + 4, (double) t0 + 7);
        assertThat(rec).extracting(m -> m.value("heart_rate")).containsExactly(100.0, 101.0, 102.0, 103.0);
    }

    @Test
    void bigEndianDefinitionsAreRead() {
        byte[] file = new FitWriter()
                .define(0, 20, true, new FitWriter.F[] {f(253, 4, UINT32), f(6, 2, UINT16), f(5, 4, UINT32)})
                .data(0, 900000000L, 3144L, 3676L)
                .bytes();
        FitMessage m = decode(file).messages("record").get(0);
        assertThat(m.value("timestamp")).isEqualTo(900000000);
        assertThat(m.value("speed")).isCloseTo(3.144, within(1e-9));
        assertThat(m.value("enhanced_speed")).isCloseTo(3.144, within(1e-9));
        assertThat(m.value("distance")).isCloseTo(36.76, within(1e-9));
    }

    @Test
    void compressedSpeedDistanceExpandsWithAnAccumulatedDistance() {
        // 3 bytes: speed in the low 12 bits (1/100 m/s), distance in the high 12 bits (1/16 m), accumulated
        long[] dist16 = {4000, 4090, 10, 60};          // 4090 → 10 wraps past 4096
        byte[] file;
        FitWriter w = new FitWriter().define(0, 20, f(253, 4, UINT32), f(8, 3, BYTE));
        for (int i = 0; i < dist16.length; i++) {
            long packed = 312 | (dist16[i] << 12);
            w.data(0, 100L + i, new long[] {packed & 0xFF, (packed >> 8) & 0xFF, (packed >> 16) & 0xFF});
        }
        file = w.bytes();
        List<FitMessage> rec = decode(file).messages("record");
        assertThat(rec.get(0).value("speed")).isCloseTo(3.12, within(1e-9));
        assertThat(rec).extracting(m -> m.value("distance")).containsExactly(4000 / 16.0, 4090 / 16.0,
                (4096 + 10) / 16.0, (4096 + 60) / 16.0);
    }

    @Test
    void subFieldsTakeTheirNameFromTheReferenceField() {
        byte[] file = new FitWriter()
                .define(0, 19, f(253, 4, UINT32), f(25, 1, ENUM), f(17, 1, UINT8), f(10, 4, UINT32))
                .data(0, 1000L, 1L, 83L, 78L)
                .data(0, 2000L, 2L, 90L, 500L)
                .bytes();
        List<FitMessage> laps = decode(file).messages("lap");
        assertThat(laps.get(0).has("avg_running_cadence")).isTrue();
        assertThat(laps.get(0).value("avg_running_cadence")).isEqualTo(83);
        assertThat(laps.get(0).value("total_strides")).isEqualTo(78);
        assertThat(laps.get(1).has("avg_cadence")).as("cycling lap").isTrue();
        assertThat(laps.get(1).value("total_strokes")).isEqualTo(500);
    }

    @Test
    void developerFieldsAreNamedScaledAndKeptApartFromNativeOnes() {
        byte[] file = new FitWriter()
                .define(0, 207, f(3, 1, UINT8), f(2, 2, UINT16))
                .data(0, 0L, 95L)
                .define(1, 206, f(0, 1, UINT8), f(1, 1, UINT8), f(2, 1, UINT8), f(3, 24, STRING), f(8, 8, STRING),
                        f(6, 1, UINT8))
                .data(1, 0L, 0L, (long) UINT16, "Ground Time", "ms", 1L)
                .data(1, 0L, 1L, (long) FLOAT32, "Leg Spring Stiffness", "KN/m", 1L)
                .data(1, 0L, 2L, (long) UINT16, "Vertical Oscillation", "cm", 10L)
                .define(2, 20, false, new FitWriter.F[] {f(253, 4, UINT32), f(4, 1, UINT8)},
                        f(0, 2, 0), f(1, 4, 0), f(2, 2, 0), f(9, 1, 0))
                .data(2, 500L, 85L, 231L, 8.5f, 75L, 7L)
                .bytes();
        FitFile fit = decode(file);
        FitMessage rec = fit.messages("record").get(0);
        assertThat(rec.value("cadence")).isEqualTo(85);
        assertThat(rec.field("Ground Time").orElseThrow()).satisfies(f -> {
            assertThat(f.developer()).isTrue();
            assertThat(f.value()).isEqualTo(231);
            assertThat(f.units()).isEqualTo("ms");
        });
        assertThat(rec.value("Leg Spring Stiffness")).isCloseTo(8.5, within(1e-6));
        assertThat(rec.value("Vertical Oscillation")).as("scaled by the description").isCloseTo(7.5, within(1e-9));
        assertThat(rec.value("developer_0_9")).as("no description: raw byte").isEqualTo(7);
        assertThat(fit.warnings()).anyMatch(w -> w.contains("without a description"));
    }

    @Test
    void chainedFilesAreDecodedOneAfterTheOther() {
        byte[] first = new FitWriter().define(0, 20, f(253, 4, UINT32), f(3, 1, UINT8)).data(0, 10L, 120L).bytes();
        // the second file uses the same local type for another message: definitions do not carry over
        byte[] second = new FitWriter().define(0, 21, f(253, 4, UINT32), f(0, 1, ENUM), f(1, 1, ENUM))
                .data(0, 20L, 0L, 4L).bytes();
        FitFile fit = decode(FitWriter.chain(first, second));
        assertThat(fit.segments()).isEqualTo(2);
        assertThat(fit.messages()).extracting(FitMessage::name).containsExactly("record", "event");
        assertThat(fit.messages()).extracting(FitMessage::segment).containsExactly(0, 1);
        assertThat(fit.warnings()).isEmpty();
    }

    @Test
    void unknownMessagesAndFieldsKeepTheirRawValues() {
        byte[] file = new FitWriter().define(0, 65280, f(1, 2, UINT16), f(200, 1, UINT8)).data(0, 1234L, 7L).bytes();
        FitMessage m = decode(file).messages().get(0);
        assertThat(m.name()).isEqualTo("unknown_65280");
        assertThat(m.value("field_1")).isEqualTo(1234);
        assertThat(m.value("field_200")).isEqualTo(7);
    }

    @Test
    void aFileThatIsNotFitIsRefusedWithAClearMessage() {
        byte[] text = "timestamp,cadence\n1,80\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> decode(text)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("test.fit").hasMessageContaining("expected a FIT file");
        assertThatThrownBy(() -> decode(new byte[5])).isInstanceOf(GaitformException.class)
                .hasMessageContaining("5 byte(s)");
    }
}
