package org.gaitform.io.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gaitform.io.fit.FitWriter.f;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.gaitform.io.watch.FitActivityReader;
import org.gaitform.io.watch.WatchReadOptions;
import org.gaitform.model.GaitformException;
import org.gaitform.model.SessionResult;
import org.gaitform.model.WatchRecording;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged FIT files — cut at every byte, a wrong checksum, bytes flipped at random, a message before its
 * definition — give either a clear error or the valid part with a warning; nothing else is ever thrown.
 */
class FitDamageTest {

    static byte[] smallRun() {
        FitWriter w = new FitWriter()
                .define(0, 0, f(0, 1, 0x00), f(1, 2, 0x84), f(4, 4, 0x86))
                .data(0, 4L, 1L, 900000000L)
                .define(1, 20, f(253, 4, 0x86), f(4, 1, 0x02), f(41, 2, 0x84), f(6, 2, 0x84), f(5, 4, 0x86));
        for (int i = 0; i < 40; i++) {
            w.data(1, 900000000L + i, 85L, 2500L + i, 3000L, 300L * i);
        }
        return w.bytes();
    }

    private static void decodesOrFailsClearly(byte[] b, String name) {
        try {
            FitFile f = new FitDecoder().decode(b, name);
            assertThat(f.messages()).isNotEmpty();
        } catch (GaitformException e) {
            assertThat(e.kind()).isEqualTo(GaitformException.Kind.BAD_INPUT);
            assertThat(e.getMessage()).startsWith(name + ": ");
        }
    }

    /** The file with the header's data size set to {@code size} and the header check recomputed. */
    static byte[] withDataSize(byte[] full, long size) {
        byte[] b = full.clone();
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, (int) size);
        int crc = FitCrc.of(b, 0, 12);
        b[12] = (byte) crc;
        b[13] = (byte) (crc >> 8);
        return b;
    }

    @ParameterizedTest(name = "header data size {0}")
    @ValueSource(longs = {0, 1, 30, 200})
    void aHeaderThatUnderstatesTheDataIsReadToTheEndWithAWarningLikeAnOverstatedOne(long size) {
        // issue 11: an understated size (0, or too small) over a valid file check discarded the file ("no data
        // messages") or kept its first seconds, while an overstated one was recovered
        byte[] full = smallRun();
        int data = full.length - 14 - 2;
        FitFile whole = new FitDecoder().decode(full, "good.fit");
        FitFile under = new FitDecoder().decode(withDataSize(full, size), "under.fit");
        assertThat(under.messages()).hasSameSizeAs(whole.messages());
        assertThat(under.messages("record")).hasSize(40);
        assertThat(under.warnings()).containsExactly("the header says " + size + " bytes of data but the file holds "
                + data + "; the file check matches at the end of the data, so the data were read to the end");
        FitFile over = new FitDecoder().decode(withDataSize(full, 0x7FFFFFF0L), "over.fit");
        assertThat(over.messages()).hasSameSizeAs(whole.messages());
        assertThat(over.warnings()).singleElement().asString().contains("the file check matches");
        // a chained file after an understated one is still read as the next file
        byte[] chain = new byte[full.length * 2];
        byte[] first = withDataSize(full, size);
        System.arraycopy(first, 0, chain, 0, full.length);
        System.arraycopy(full, 0, chain, full.length, full.length);
        FitFile chained = new FitDecoder().decode(chain, "chain.fit");
        assertThat(chained.segments()).isEqualTo(2);
        assertThat(chained.messages("record")).hasSize(80);
        // without a matching file check at the end, nothing is guessed: the damage is reported as before
        byte[] damaged = withDataSize(full, size);
        damaged[damaged.length - 1] ^= 0x33;
        try {
            FitFile d = new FitDecoder().decode(damaged, "damaged.fit");
            assertThat(d.warnings()).noneMatch(w -> w.contains("read to the end"));
        } catch (GaitformException e) {
            assertThat(e.getMessage()).startsWith("damaged.fit: ");
        }
    }

    @Test
    void aFileCutAtAnyByteIsAnErrorOrItsValidPartWithAWarning() {
        byte[] full = smallRun();
        int errors = 0;
        int partial = 0;
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            try {
                FitFile f = new FitDecoder().decode(cut, "cut.fit");
                partial++;
                assertThat(f.warnings()).as("cut at " + len).anyMatch(w -> w.contains("cut off"));
                assertThat(f.messages().size()).isLessThanOrEqualTo(41);
            } catch (GaitformException e) {
                errors++;
                assertThat(e.getMessage()).startsWith("cut.fit: ");
            }
        }
        assertThat(errors).as("cuts before the first complete message").isPositive();
        assertThat(partial).as("cuts after it").isGreaterThan(full.length / 2);
        // cut in the middle of the 21st record: the 20 before it (and the file id) are kept
        int recordBytes = 1 + 4 + 1 + 2 + 2 + 4;
        int headerAndIds = 14 + (6 + 3 * 3) + (1 + 1 + 2 + 4) + (6 + 3 * 5);
        byte[] mid = Arrays.copyOf(full, headerAndIds + 20 * recordBytes + 5);
        FitFile f = new FitDecoder().decode(mid, "mid.fit");
        assertThat(f.messages("record")).hasSize(20);
        assertThat(f.warnings()).anyMatch(w -> w.contains("ends inside a message") && w.contains("21 messages"));
    }

    @Test
    void aWrongChecksumIsAWarningOrWithStrictCheckingAnError() {
        byte[] b = smallRun();
        b[b.length - 1] ^= 0x5A;
        FitFile f = new FitDecoder().decode(b, "crc.fit");
        assertThat(f.messages("record")).hasSize(40);
        assertThat(f.warnings()).anyMatch(w -> w.contains("file check") && w.contains("does not match"));
        assertThatThrownBy(() -> new FitDecoder(true).decode(b, "crc.fit")).isInstanceOf(GaitformException.class)
                .hasMessageContaining("crc.fit").hasMessageContaining("file check");
    }

    @Test
    void aDataMessageBeforeItsDefinitionStopsTheDecodingThere() {
        byte[] b = new FitWriter().define(0, 20, f(253, 4, 0x86), f(3, 1, 0x02)).data(0, 5L, 100L).data(0, 6L, 101L)
                .raw(0x03, 1, 2, 3).data(0, 7L, 102L).bytes();
        FitFile f = new FitDecoder().decode(b, "order.fit");
        assertThat(f.messages("record")).hasSize(2);
        assertThat(f.warnings()).anyMatch(w -> w.contains("local type 3 before its definition"));
        byte[] none = new FitWriter().raw(0x01, 7, 7).bytes();
        assertThatThrownBy(() -> new FitDecoder().decode(none, "none.fit")).isInstanceOf(GaitformException.class)
                .hasMessageContaining("none.fit").hasMessageContaining("before its definition");
    }

    @Test
    void aCutSecondFileOfAChainKeepsTheFirst() {
        byte[] a = smallRun();
        byte[] b = smallRun();
        byte[] chain = FitWriter.chain(a, Arrays.copyOf(b, b.length / 2));
        FitFile f = new FitDecoder().decode(chain, "chain.fit");
        assertThat(f.messages("record").size()).isBetween(41, 79);
        assertThat(f.warnings()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void randomlyFlippedBytesNeverCrashTheDecoder(long seed) {
        Random rnd = new Random(seed);
        byte[] base = smallRun();
        for (int trial = 0; trial < 300; trial++) {
            byte[] b = base.clone();
            int flips = 1 + rnd.nextInt(6);
            for (int k = 0; k < flips; k++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            decodesOrFailsClearly(b, "flip.fit");
        }
    }

    @Test
    void theFenix5RunCutOrDamagedIsAnalysedOrRefusedCleanly(@TempDir Path tmp) throws IOException {
        Path dir = SharedData.require("garmin-stryd-fit-exports").resolve("fit");
        byte[] full = Files.readAllBytes(dir.resolve("fitparse__garmin-fenix-5-run.fit"));
        // cut at 80 %: the session summary at the end is lost, the records before are analysed with warnings
        Path cut = tmp.resolve("cut-run.fit");
        Files.write(cut, Arrays.copyOf(full, full.length * 8 / 10));
        WatchRecording rec = new FitActivityReader().read(cut, "cut-run.fit", WatchReadOptions.DEFAULTS);
        assertThat(rec.warnings()).anyMatch(w -> w.contains("cut off") || w.contains("ends inside"));
        assertThat(rec.warnings()).anyMatch(w -> w.contains("no session summary"));
        assertThat(rec.size()).isBetween(10, 21);
        // every cut and many random damages through the whole pipeline: a result or a GaitformException
        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        Random rnd = new Random(42);
        int ok = 0;
        int refused = 0;
        for (int trial = 0; trial < 80; trial++) {
            byte[] b = trial % 2 == 0 ? Arrays.copyOf(full, rnd.nextInt(full.length)) : full.clone();
            if (trial % 2 == 1) {
                for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            }
            Path p = tmp.resolve("damaged-" + trial + ".fit");
            Files.write(p, b);
            try {
                SessionResult r = pipeline.analyse(p, p.getFileName().toString(), "s" + trial);
                assertThat(r.metric("n_steps")).isNotNegative();
                ok++;
            } catch (GaitformException e) {
                assertThat(e.getMessage()).contains("damaged-" + trial + ".fit");
                refused++;
            }
        }
        assertThat(ok).isPositive();
        assertThat(refused).isPositive();
    }
}
