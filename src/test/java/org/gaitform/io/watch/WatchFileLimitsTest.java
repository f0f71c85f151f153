package org.gaitform.io.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.gaitform.io.archive.InflationBudget;
import org.gaitform.model.GaitformException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TCX or GPX file beyond the size limit is "too large", not "malformed XML" (issue 11); decompressed bytes of
 * {@code .gz} exports count against the batch's budget. The limit is lowered here so that the files stay small; the
 * code path is the one of the 512 MiB limit.
 */
class WatchFileLimitsTest {
    @TempDir
    Path dir;

    static String tcx(int points) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"http://www."
                + "garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"Running\"><Id>"
                + "2024-03-04T07:00:00Z</Id><Lap StartTime=\"2024-03-04T07:00:00Z\"><Track>\n");
        for (int i = 0; i < points; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "<Trackpoint><Time>2024-03-04T%02d:%02d:%02dZ</Time>"
                    + "<DistanceMeters>%d</DistanceMeters><Cadence>85</Cadence></Trackpoint>%n", 7 + i / 3600,
                    i / 60 % 60, i % 60, i * 3));
        }
        return sb.append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n").toString();
    }

    static String gpx(int points) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"t\" xmlns=\""
                + "http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n");
        for (int i = 0; i < points; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "<trkpt lat=\"45.%06d\" lon=\"6.0\"><time>2024-03-04T%02d:"
                    + "%02d:%02dZ</time></trkpt>%n", i, 7 + i / 3600, i / 60 % 60, i % 60));
        }
        return sb.append("</trkseg></trk></gpx>\n").toString();
    }

    @Test
    void anExportBeyondTheLimitIsTooLargeNotMalformed() throws IOException {
        Path t = Files.writeString(dir.resolve("long.tcx"), tcx(30_000));
        assertThat(Files.size(t)).isGreaterThan(2L << 20);
        try (InputStream in = WatchFiles.open(t, "long.tcx", 1L << 20, "an export")) {
            assertThatThrownBy(() -> new TcxReader().read(in, "long.tcx", WatchReadOptions.DEFAULTS))
                    .isInstanceOf(GaitformException.class)
                    .hasMessage("long.tcx: expected an export of at most 1 MiB, found more data than that: the file is "
                            + "too large to read (split the export, or export a shorter activity)");
        }
        Path g = Files.writeString(dir.resolve("long.gpx"), gpx(30_000));
        try (InputStream in = WatchFiles.open(g, "long.gpx", 1L << 20, "an export")) {
            assertThatThrownBy(() -> new GpxReader().read(in, "long.gpx", WatchReadOptions.DEFAULTS))
                    .hasMessageStartingWith("long.gpx: expected an export of at most 1 MiB")
                    .hasMessageNotContaining("XML");
        }
        // within the limit the same files read
        assertThat(new TcxReader().read(t, "long.tcx", WatchReadOptions.DEFAULTS).timeS()).hasSize(30_000);
    }

    @Test
    void decompressedBytesCountAgainstTheBatch() throws IOException {
        Path gz = dir.resolve("run.tcx.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(tcx(5_000).getBytes(StandardCharsets.UTF_8));
        }
        InflationBudget budget = new InflationBudget(100_000);
        try (InflationBudget.Scope s = budget.use()) {
            assertThatThrownBy(() -> new TcxReader().read(gz, "run.tcx.gz", WatchReadOptions.DEFAULTS))
                    .hasMessageStartingWith("run.tcx.gz: expected compressed inputs that unpack to at most");
        }
        InflationBudget plenty = new InflationBudget(100_000_000);
        try (InflationBudget.Scope s = plenty.use()) {
            assertThat(new TcxReader().read(gz, "run.tcx.gz", WatchReadOptions.DEFAULTS).timeS()).hasSize(5_000);
        }
        assertThat(plenty.used()).isEqualTo(tcx(5_000).getBytes(StandardCharsets.UTF_8).length);
    }
}
