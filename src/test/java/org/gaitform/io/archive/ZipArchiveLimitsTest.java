package org.gaitform.io.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gaitform.io.watch.AccountExport;
import org.gaitform.model.GaitformException;
import org.gaitform.support.CraftedZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ZipArchive} within limits other than a recording's: the account export's (issue 14) — many entries, large
 * entries, nested archives read as streams — checked on small limits so that every bound is reached in a test:
 * inflated bytes against the archive's budget and the batch's, the entry limit, the entry count, overlapping entries,
 * names that climb out, nested archives within the same budget. (These cases were first written for issue 14's own
 * zip reader, which this class replaced.)
 */
class ZipArchiveLimitsTest {
    /** 10 entries, 1 MiB per entry, 3 MiB in all. */
    static final ZipArchive.Limits SMALL = new ZipArchive.Limits(10, 1 << 20, 3 << 20);

    @TempDir
    Path tmp;

    private Path zip(String name, String... entriesAndContent) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int i = 0; i < entriesAndContent.length; i += 2) {
                z.putNextEntry(new ZipEntry(entriesAndContent[i]));
                z.write(entriesAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return p;
    }

    /** Bytes that do not compress (the zip ratio check stays out of the way of the budget under test). */
    private static byte[] noise(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] read(ZipArchive a, String name) throws IOException {
        ZipArchive.Entry e = a.entries().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        try (InputStream in = a.open(e)) {
            return in.readAllBytes();
        }
    }

    private static void readAll(ZipArchive a) throws IOException {
        for (ZipArchive.Entry e : a.entries()) {
            try (InputStream in = a.open(e)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    @Test
    void anOrdinaryArchiveIsRead() throws IOException {
        Path p = zip("ok.zip", "a/activities.csv", "id\n1\n", "a/activities/1.gpx", "<gpx/>");
        try (ZipArchive a = ZipArchive.open(p, "ok.zip", SMALL)) {
            assertThat(a.entries()).extracting(ZipArchive.Entry::name)
                    .containsExactly("a/activities.csv", "a/activities/1.gpx");
            assertThat(new String(read(a, "a/activities.csv"), StandardCharsets.UTF_8)).isEqualTo("id\n1\n");
            assertThat(a.unpacked()).isEqualTo(5);
            assertThat(a.spent()).isFalse();
        }
    }

    @Test
    void anArchiveThatInflatesBeyondItsBudgetStopsAndReadsNoMore() throws IOException {
        // four entries just under 1 MiB each: the third crosses the 3 MiB budget while it is read
        Path p = tmp.resolve("big.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int k = 0; k < 4; k++) {
                z.putNextEntry(new ZipEntry("part" + k));
                z.write(noise((1 << 20) - 10, k));
                z.closeEntry();
            }
        }
        try (ZipArchive a = ZipArchive.open(p, "big.zip", SMALL)) {
            assertThatThrownBy(() -> readAll(a)).isInstanceOf(GaitformException.class)
                    .hasMessageStartingWith("big.zip: entry 'part3'")
                    .hasMessageContaining("expected entries that unpack to at most 3 MiB together, found more");
            assertThat(a.spent()).isTrue();
            assertThat(a.unpacked()).isLessThan((3L << 20) + (1 << 17));
            // once spent, nothing more is inflated from it
            assertThatThrownBy(() -> a.open(a.entries().get(0))).hasMessageContaining("at most 3 MiB together");
        }
    }

    @Test
    void aSmallArchiveOfZerosIsAZipBomb() throws IOException {
        // 4 MiB of zeros compress to a few KiB: more than 100 times what was read of the archive
        Path p = tmp.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int k = 0; k < 4; k++) {
                z.putNextEntry(new ZipEntry("part" + k));
                z.write(new byte[(1 << 20) - 10]);
                z.closeEntry();
            }
        }
        assertThat(Files.size(p)).isLessThan(20_000);
        try (ZipArchive a = ZipArchive.open(p, "bomb.zip", ZipArchive.Limits.ACCOUNT_EXPORT)) {
            assertThatThrownBy(() -> readAll(a)).isInstanceOf(GaitformException.class)
                    .hasMessageStartingWith("bomb.zip: entry 'part1'")
                    .hasMessageContaining("expected data that compress like recordings (FIT, CSV, XML), found data "
                            + "that inflate to more than 100 times its compressed size (a zip bomb?)");
            assertThat(a.unpacked()).isLessThan(2L << 20);
        }
    }

    @Test
    void anEntryLargerThanTheEntryLimitIsRefusedBeforeItIsInflated() throws IOException {
        Path big = tmp.resolve("one.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(big))) {
            z.putNextEntry(new ZipEntry("one"));
            z.write(noise(2 << 20, 1));
            z.closeEntry();
        }
        try (ZipArchive a = ZipArchive.open(big, "one.zip", SMALL)) {
            assertThatThrownBy(() -> a.open(a.entries().get(0))).hasMessage("one.zip: entry 'one': expected an "
                    + "entry of at most 1 MiB, found one that claims 2 MiB; nothing was unpacked");
            assertThat(a.unpacked()).isZero();
        }
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnythingIsRead() throws IOException {
        String[] e = new String[24];
        for (int i = 0; i < 12; i++) {
            e[2 * i] = "f" + i;
            e[2 * i + 1] = "x";
        }
        Path p = zip("many.zip", e);
        assertThatThrownBy(() -> ZipArchive.open(p, "many.zip", SMALL)).isInstanceOf(GaitformException.class)
                .hasMessage("many.zip: expected a zip archive of at most 10 entries, found 12 entries (a crafted "
                        + "archive?); nothing was unpacked");
        // an account export may hold many more
        try (ZipArchive a = ZipArchive.open(p, "many.zip", ZipArchive.Limits.ACCOUNT_EXPORT)) {
            assertThat(a.entries()).hasSize(12);
        }
    }

    @Test
    void namesThatLeaveTheArchiveAreRefused() throws IOException {
        for (String evil : new String[] {"../../etc/passwd", "/etc/passwd", "C:\\Windows\\x", "a/../../b"}) {
            assertThatThrownBy(() -> ZipArchive.checkName("evil.zip", evil, "entry names inside the archive"))
                    .isInstanceOf(GaitformException.class).hasMessageContaining("evil.zip: entry '")
                    .hasMessageContaining("found a name that climbs out of it");
        }
        ZipArchive.checkName("ok.zip", "activities/1..2.fit", "entry names inside the archive");
        // an account export holding such a name is refused as a whole, before anything is read
        Path p = zip("strava.zip", "activities.csv", "Activity ID,Activity Type,Filename\n1,Run,activities/1.gpx\n",
                "activities/1.gpx", "<gpx/>", "../../etc/passwd", "x");
        assertThat(AccountExport.detect(p)).contains(AccountExport.Layout.STRAVA_ZIP);
        assertThatThrownBy(() -> AccountExport.open(p, "strava.zip")).isInstanceOf(GaitformException.class)
                .hasMessageStartingWith("strava.zip: entry '../../etc/passwd': expected entry names inside the archive, "
                        + "found a name that climbs out of it");
    }

    @Test
    void entriesThatShareTheirDataAreRefused() throws IOException {
        byte[] data = "the same bytes, many names".getBytes(StandardCharsets.UTF_8);
        CraftedZip z = new CraftedZip();
        CraftedZip.Local l = z.add("n0", data, false);
        for (int i = 0; i < 5; i++) {
            z.directory("n" + i, l, l.compressedSize(), l.size());
        }
        Path p = z.write(tmp.resolve("overlap.zip"));
        assertThatThrownBy(() -> ZipArchive.open(p, "overlap.zip", SMALL)).isInstanceOf(GaitformException.class)
                .hasMessageStartingWith("overlap.zip: entries 'n")
                .hasMessageContaining("found entries that share their data (a crafted archive, an 'overlapping' zip "
                        + "bomb); nothing was unpacked");
        // the same layout with one entry is an ordinary archive
        CraftedZip one = new CraftedZip();
        one.directory(one.add("n0", data, false));
        Path q = one.write(tmp.resolve("one.zip"));
        try (ZipArchive a = ZipArchive.open(q, "one.zip", SMALL)) {
            assertThat(new String(read(a, "n0"), StandardCharsets.UTF_8)).isEqualTo("the same bytes, many names");
        }
    }

    private Path nested(String name, int entries, byte[][] contents) throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(inner)) {
            for (int k = 0; k < entries; k++) {
                z.putNextEntry(new ZipEntry("a" + k + ".fit"));
                z.write(contents[k % contents.length]);
                z.closeEntry();
            }
        }
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip"));
            z.write(inner.toByteArray());
            z.closeEntry();
        }
        return p;
    }

    @Test
    void aNestedArchiveIsReadAsAStreamAgainstTheSameBudget() throws IOException {
        // the nested zip (3.6 MB, read as its entries are) and its entries (0.9 MB each) count against one budget of
        // 6.8 MB: the fourth entry crosses it
        Path p = nested("outer.zip", 4, new byte[][] {noise(900_000, 1), noise(900_000, 2)});
        ZipArchive.Limits limits = new ZipArchive.Limits(10, 8 << 20, 6_800_000);
        List<String> seen = new ArrayList<>();
        try (ZipArchive a = ZipArchive.open(p, "outer.zip", limits)) {
            assertThatThrownBy(() -> a.forEachNested(a.entries().get(0), (name, in) -> {
                seen.add(name);
                in.transferTo(OutputStream.nullOutputStream());
            })).isInstanceOf(GaitformException.class).hasMessageStartingWith("outer.zip")
                    .hasMessageContaining("expected entries that unpack to at most 6 MiB together, found more");
            assertThat(a.spent()).isTrue();
        }
        assertThat(seen).containsExactly("a0.fit", "a1.fit", "a2.fit", "a3.fit");
        // within a budget that holds it, every entry arrives whole
        List<Integer> sizes = new ArrayList<>();
        try (ZipArchive a = ZipArchive.open(p, "outer.zip", ZipArchive.Limits.ACCOUNT_EXPORT)) {
            a.forEachNested(a.entries().get(0), (name, in) -> sizes.add(in.readAllBytes().length));
            assertThat(a.unpacked()).isGreaterThan(2 * 3_600_000L);
        }
        assertThat(sizes).containsExactly(900_000, 900_000, 900_000, 900_000);
    }

    @Test
    void aNestedEntryBeyondTheEntryLimitAndANestedZipBombAreStopped() throws IOException {
        // 3 MiB of random digits deflate to about 1.3 MiB: the nested zip fits an entry limit of 2 MiB, its entry not
        byte[] digits = new byte[3 << 20];
        Random r = new Random(3);
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (byte) ('0' + r.nextInt(10));
        }
        Path large = nested("large.zip", 1, new byte[][] {digits});
        try (ZipArchive a = ZipArchive.open(large, "large.zip", new ZipArchive.Limits(10, 2 << 20, 64 << 20))) {
            assertThat(a.entries().get(0).size()).isLessThan(2 << 20);
            assertThatThrownBy(() -> a.forEachNested(a.entries().get(0), (name, in) -> in.readAllBytes()))
                    .hasMessage("large.zip!DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip: entry "
                            + "'a0.fit': expected an entry that unpacks to at most 2 MiB, found more (a zip bomb?); "
                            + "reading stopped");
        }
        try (ZipArchive a = ZipArchive.open(large, "large.zip", ZipArchive.Limits.ACCOUNT_EXPORT)) {
            a.forEachNested(a.entries().get(0), (name, in) -> assertThat(in.readAllBytes()).isEqualTo(digits));
        }
        Path zeros = nested("zeros.zip", 8, new byte[][] {new byte[1 << 20]});
        try (ZipArchive a = ZipArchive.open(zeros, "zeros.zip", ZipArchive.Limits.ACCOUNT_EXPORT)) {
            assertThatThrownBy(() -> a.forEachNested(a.entries().get(0), (name, in) -> in.readAllBytes()))
                    .hasMessageContaining("found data that inflate to more than 100 times its compressed size");
        }
        // too many entries in the nested archive
        Path many = nested("many.zip", 12, new byte[][] {"x".getBytes(StandardCharsets.UTF_8)});
        try (ZipArchive a = ZipArchive.open(many, "many.zip", SMALL)) {
            assertThatThrownBy(() -> a.forEachNested(a.entries().get(0), (name, in) -> in.readAllBytes()))
                    .hasMessageContaining("expected a zip archive of at most 10 entries, found 11 entries");
        }
    }

    @Test
    void whatANestedArchiveInflatesCountsAgainstTheBatch() throws IOException {
        Path p = nested("outer.zip", 4, new byte[][] {noise(900_000, 1)});
        InflationBudget batch = new InflationBudget(5_000_000);
        List<String> seen = new ArrayList<>();
        try (InflationBudget.Scope s = batch.use(); ZipArchive a = ZipArchive.open(p, "outer.zip",
                ZipArchive.Limits.ACCOUNT_EXPORT)) {
            assertThatThrownBy(() -> a.forEachNested(a.entries().get(0), (name, in) -> {
                seen.add(name);
                in.readAllBytes();
            })).hasMessageContaining("expected compressed inputs that unpack to at most 4 MiB in one batch");
            assertThat(a.spent()).isTrue();
        }
        assertThat(batch.spent()).isTrue();
        // the nested zip's bytes and its entries' (1.8 MB per entry read) cross 5 MB in the third entry
        assertThat(seen).containsExactly("a0.fit", "a1.fit", "a2.fit");
    }

    @Test
    void anAccountExportThatSpendsTheBatchBudgetStopsInsteadOfTryingEveryActivity() throws IOException {
        Path p = nested("garmin.zip", 6, new byte[][] {noise(900_000, 4)});
        assertThat(AccountExport.detect(p)).contains(AccountExport.Layout.GARMIN_ZIP);
        List<String> delivered = new ArrayList<>();
        InflationBudget batch = new InflationBudget(5_000_000);
        try (InflationBudget.Scope s = batch.use(); AccountExport e = AccountExport.open(p, "garmin.zip")) {
            assertThatThrownBy(() -> e.forEach((activity, content, error) -> delivered.add(activity.file()
                    + (error == null ? "" : ": " + error)))).isInstanceOf(GaitformException.class)
                    .hasMessageContaining("expected compressed inputs that unpack to at most 4 MiB in one batch");
        }
        assertThat(delivered).containsExactly("a0.fit", "a1.fit");
        // within the batch's budget every activity arrives
        delivered.clear();
        try (AccountExport e = AccountExport.open(p, "garmin.zip")) {
            e.forEach((activity, content, error) -> delivered.add(activity.file() + " " + content.length));
            assertThat(e.inflatedBytes()).isGreaterThan(2 * 6 * 900_000L);
        }
        assertThat(delivered).hasSize(6).allMatch(d -> d.endsWith(" 900000"));
    }

    @Test
    void whatIsNotAZipSaysSo() throws IOException {
        Path p = tmp.resolve("not.zip");
        Files.writeString(p, "just some text, long enough to hold an end record's worth of bytes");
        assertThatThrownBy(() -> ZipArchive.open(p, "not.zip", SMALL)).isInstanceOf(GaitformException.class)
                .hasMessage("not.zip: expected a zip archive, found a damaged or non-zip file (no end of central "
                        + "directory)");
    }
}
