package org.gaitform.io.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gaitform.io.fit.FitWriter.f;

import java.util.Arrays;
import org.gaitform.io.watch.FitActivityReader;
import org.gaitform.io.watch.WatchReadOptions;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;
import org.junit.jupiter.api.Test;

/** FIT activities to watch recordings: running dynamics from developer fields, other file types and sports refused. */
class FitActivityReaderTest {
    static final int UINT8 = 0x02;
    static final int UINT16 = 0x84;
    static final int UINT32 = 0x86;
    static final int ENUM = 0x00;
    static final int STRING = 0x07;
    static final int FLOAT32 = 0x88;

    /** A run whose dynamics come only as developer fields (as a foot pod's Connect IQ field writes them). */
    static byte[] podRun(int fileType, int sport) {
        FitWriter w = new FitWriter()
                .define(0, 0, f(0, 1, ENUM), f(1, 2, UINT16))
                .data(0, (long) fileType, 95L)
                .define(1, 206, f(0, 1, UINT8), f(1, 1, UINT8), f(2, 1, UINT8), f(3, 24, STRING), f(8, 8, STRING))
                .data(1, 0L, 0L, (long) UINT16, "Ground Time", "ms")
                .data(1, 0L, 1L, (long) FLOAT32, "Vertical Oscillation", "cm")
                .data(1, 0L, 2L, (long) FLOAT32, "Leg Spring Stiffness", "KN/m")
                .define(2, 20, false, new FitWriter.F[] {f(253, 4, UINT32), f(4, 1, UINT8), f(6, 2, UINT16),
                    f(5, 4, UINT32)}, f(0, 2, 0), f(1, 4, 0), f(2, 4, 0));
        for (int i = 0; i < 120; i++) {
            w.data(2, 1_000_000_000L + i, 86L, 3100L, 310L * i, 236L, 7.9f, 9.5f);
        }
        w.define(3, 18, f(253, 4, UINT32), f(2, 4, UINT32), f(5, 1, ENUM))
                .data(3, 1_000_000_119L, 1_000_000_000L, (long) sport);
        return w.bytes();
    }

    @Test
    void developerFieldsFillTheRunningDynamics() {
        FitFile fit = new FitDecoder(true).decode(podRun(4, 1), "pod.fit");
        WatchRecording r = new FitActivityReader().read(fit, "pod.fit", WatchReadOptions.DEFAULTS);
        assertThat(r.size()).isEqualTo(120);
        assertThat(r.channel(WatchChannel.CADENCE_SPM)[5]).isEqualTo(172);
        assertThat(r.channel(WatchChannel.CONTACT_MS)[5]).isEqualTo(236);
        assertThat(r.channel(WatchChannel.VERTICAL_OSCILLATION_MM)[5]).as("cm → mm").isCloseTo(79, within(1e-4));
        assertThat(r.extras()).containsOnlyKeys("leg_spring_stiffness_kn_per_m");
        assertThat(r.decisions()).anyMatch(d -> d.key().equals("dynamics_device") && d.value().equals("stryd"));
        assertThat(r.decisions()).anyMatch(d -> d.key().equals("developer_fields")
                && d.reason().contains("Ground Time (ms) → stryd contact_ms")
                && d.reason().contains("Vertical Oscillation (cm) → stryd vertical_oscillation_mm"));
        assertThat(r.info()).containsEntry("dynamics_device", "stryd");
        assertThat(r.info().get("device")).startsWith("Stryd");
        assertThat(Arrays.stream(r.channel(WatchChannel.SPEED_MPS)).allMatch(v -> v == 3.1)).isTrue();
    }

    @Test
    void otherFileTypesAndSportsAreRefused() {
        FitFile course = new FitDecoder().decode(podRun(6, 1), "course.fit");
        assertThatThrownBy(() -> new FitActivityReader().read(course, "course.fit", WatchReadOptions.DEFAULTS))
                .isInstanceOf(GaitformException.class).hasMessageContaining("course.fit")
                .hasMessageContaining("not an activity");
        FitFile ride = new FitDecoder().decode(podRun(4, 2), "ride.fit");
        assertThatThrownBy(() -> new FitActivityReader().read(ride, "ride.fit", WatchReadOptions.DEFAULTS))
                .hasMessageContaining("no running in this file").hasMessageContaining("cycling");
    }
}
