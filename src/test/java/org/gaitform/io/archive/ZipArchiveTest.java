package org.gaitform.io.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.imu.SensorLoggerReader;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.support.CraftedZip;
import org.gaitform.support.MalformedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded zip reading (issue 11: a crafted 3 MB zip of 8 entries sharing one deflate stream with understated sizes
 * wrote 8.2 GB to the temporary folder; 100 000 tiny entries were all extracted). Nothing is extracted any more, and
 * the bytes actually inflated are counted.
 */
class ZipArchiveTest {
    @TempDir
    Path dir;

    @Test
    void entriesSharingOneDeflateStreamAreRefusedBeforeAnythingIsInflated() throws IOException {
        Path zip = Files.write(dir.resolve("bomb.zip"), CraftedZip.overlappingBomb(3));
        assertThat(Files.size(zip)).isLessThan(1 << 20);
        InflationBudget budget = new InflationBudget(Long.MAX_VALUE - 1);
        try (InflationBudget.Scope s = budget.use()) {
            assertThatThrownBy(() -> new SensorLoggerReader().read(zip, "bomb.zip", ImuReadOptions.DEFAULTS))
                    .isInstanceOf(GaitformException.class)
                    .hasMessageStartingWith("bomb.zip: entries 'TotalAcceleration.csv' and '")
                    .hasMessageContaining("expected entries stored one after the other, found entries that share their "
                            + "data (a crafted archive, an 'overlapping' zip bomb); nothing was unpacked");
        }
        assertThat(budget.used()).as("bytes inflated").isZero();
        // the memory estimate is what the directory states, not 8 × what the shared stream holds
        assertThat(SensorLoggerReader.unpackedSize(zip)).isLessThan(1 << 20);
    }

    @Test
    void anEntryThatInflatesBeyondItsStatedSizeIsStoppedThere() throws IOException {
        byte[] big = MalformedFiles.sensorLoggerStream(100, 1200, 9.8, 2).getBytes(StandardCharsets.US_ASCII);
        CraftedZip z = new CraftedZip();
        CraftedZip.Local total = z.add("TotalAcceleration.csv", big, true);
        z.directory("TotalAcceleration.csv", total, total.compressedSize(), 4096);
        Path zip = z.write(dir.resolve("understated.zip"));
        InflationBudget budget = new InflationBudget(Long.MAX_VALUE - 1);
        try (InflationBudget.Scope s = budget.use()) {
            assertThatThrownBy(() -> new SensorLoggerReader().read(zip, "understated.zip", ImuReadOptions.DEFAULTS))
                    .hasMessageContaining("understated.zip: entry 'TotalAcceleration.csv': expected as many bytes as the "
                            + "archive's directory states (4096), found more: the archive understates its sizes");
        }
        assertThat(big.length).isGreaterThan(4 << 20);
        assertThat(budget.used()).as("bytes inflated before it stopped").isLessThan(4096 + (1 << 17));
    }

    @Test
    void anArchiveOfTooManyEntriesIsRefusedAndNothingIsUnpacked() throws IOException {
        Path zip = Files.write(dir.resolve("many.zip"), CraftedZip.manyEntries(100_000));
        assertThat(SensorLoggerReader.isExportZip(zip)).as("recognised, to be refused with a message").isTrue();
        InflationBudget budget = new InflationBudget(Long.MAX_VALUE - 1);
        try (InflationBudget.Scope s = budget.use()) {
            assertThatThrownBy(() -> new SensorLoggerReader().read(zip, "many.zip", ImuReadOptions.DEFAULTS))
                    .hasMessage("many.zip: expected a zip archive of at most 1000 entries, found 100001 entries (a "
                            + "crafted archive?); nothing was unpacked");
        }
        assertThat(budget.used()).isZero();
    }

    @Test
    void onlyTheStreamsTheAnalysisNeedsAreReadAndCountedAgainstTheBatch() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] total = MalformedFiles.sensorLoggerStream(100, 60, 9.8, 2).getBytes(StandardCharsets.US_ASCII);
        byte[] gyr = MalformedFiles.sensorLoggerStream(100, 60, 0, 1).getBytes(StandardCharsets.US_ASCII);
        entries.put("export/TotalAcceleration.csv", total);
        entries.put("export/Gyroscope.csv", gyr);
        entries.put("export/Magnetometer.csv", new byte[3 << 20]); // not needed: never inflated
        Path zip = Files.write(dir.resolve("run.zip"), MalformedFiles.zip(entries));
        assertThat(SensorLoggerReader.unpackedSize(zip)).isEqualTo(total.length + gyr.length);
        InflationBudget budget = new InflationBudget(Long.MAX_VALUE - 1);
        ImuRecording rec;
        try (InflationBudget.Scope s = budget.use()) {
            rec = new SensorLoggerReader().read(zip, "run.zip", ImuReadOptions.DEFAULTS);
        }
        assertThat(rec.timeS()).hasSizeGreaterThan(5000);
        assertThat(budget.used()).isGreaterThanOrEqualTo(total.length + gyr.length).isLessThan(2L * (total.length
                + gyr.length));
        // a batch whose budget is spent stops reading
        InflationBudget small = new InflationBudget(100_000);
        try (InflationBudget.Scope s = small.use()) {
            assertThatThrownBy(() -> new SensorLoggerReader().read(zip, "run.zip", ImuReadOptions.DEFAULTS))
                    .hasMessageContaining("run.zip: expected compressed inputs that unpack to at most 0 MiB in one batch");
        }
        assertThat(InflationBudget.current()).isSameAs(InflationBudget.UNLIMITED);
    }

    @Test
    void damagedDataAndWrongChecksAreMessages() throws IOException {
        byte[] content = "time,seconds_elapsed,z,y,x\n1,0,9.8,0,0\n".getBytes(StandardCharsets.US_ASCII);
        CraftedZip z = new CraftedZip();
        CraftedZip.Local l = z.add("TotalAcceleration.csv", content, true);
        z.directory("TotalAcceleration.csv", new CraftedZip.Local(l.name(), l.method(), l.crc() ^ 1, l.compressedSize(),
                l.size(), l.offset()), l.compressedSize(), l.size());
        Path zip = z.write(dir.resolve("crc.zip"));
        try (ZipArchive a = ZipArchive.open(zip, "crc.zip"); InputStream in = a.open(a.entries().get(0))) {
            assertThatThrownBy(in::readAllBytes).hasMessageContaining("crc.zip: entry 'TotalAcceleration.csv': "
                    + "expected content matching its CRC-32 check");
        }
        Path notZip = Files.writeString(dir.resolve("not.zip"), "hello");
        assertThatThrownBy(() -> ZipArchive.open(notZip, "not.zip")).hasMessage("not.zip: expected a zip archive, found "
                + "a damaged or non-zip file (a file of 5 bytes)");
        assertThat(ZipArchive.names(notZip)).isEmpty();
    }
}
