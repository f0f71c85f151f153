package org.gaitform.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.BatchSummaryCsv;
import org.gaitform.report.Ownership;
import org.gaitform.report.WeeklyLoadCsv;

/**
 * The batch's own files at the top of the output folder ({@code batch-summary.csv}, the reports): written atomically
 * through the temporary area, each recorded in the manifest with its SHA-256. A file already at such a name is
 * overwritten only while it is still exactly what gaitform wrote; a file of an older gaitform (whose manifest did
 * not record these files yet) is recognised by its content (gaitform's header, or gaitform as the PDF's creator).
 * Anything else at that name is never touched: {@link AtomicFiles.NotOurs}.
 */
final class BatchFiles {
    private final Path outDir;
    private final Path area;
    private final Manifest manifest;

    BatchFiles(Path outDir, Path area, Manifest manifest) {
        this.outDir = outDir;
        this.area = area;
        this.manifest = manifest;
    }

    /** Fails when something gaitform did not write is at {@code name}. */
    void requireWritable(String name) throws AtomicFiles.NotOurs {
        Path target = outDir.resolve(name);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String why;
        if (Files.isSymbolicLink(target)) {
            why = "it is a link";
        } else if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            why = "it is a folder";
        } else {
            String recorded = manifest.fileSha256(name);
            try {
                if (recorded != null) {
                    if (recorded.equals(Ownership.sha256(target))) {
                        return;
                    }
                    why = "it was changed after gaitform wrote it";
                } else if (manifest.legacy() && writtenByGaitform(name, target)) {
                    return;
                } else {
                    why = "gaitform has no record of writing it";
                }
            } catch (IOException e) {
                why = "it cannot be read: " + AtomicFiles.reason(e);
            }
        }
        throw new AtomicFiles.NotOurs(target + " exists and was not written by gaitform (" + why + "); choose another "
                + "--out or move it");
    }

    /** Writes a batch file (after {@link #requireWritable}) and records it in the manifest. */
    void write(String name, byte[] bytes) throws IOException {
        requireWritable(name);
        AtomicFiles.write(outDir.resolve(name), bytes, area);
        manifest.putFile(name, sha256(bytes));
    }

    /** Writes a batch file of text. */
    void write(String name, String text) throws IOException {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of an older gaitform, recognised by its content. */
    private static boolean writtenByGaitform(String name, Path file) throws IOException {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".csv")) {
            String head;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            String first = head.lines().findFirst().orElse("");
            return first.startsWith(String.join(",", BatchSummaryCsv.COLUMNS.subList(0, 4)))
                    || first.startsWith(String.join(",", WeeklyLoadCsv.COLUMNS.subList(0, 3)));
        }
        if (lower.endsWith(".pdf") && Files.size(file) < (64L << 20)) {
            try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
                return "gaitform".equals(d.getDocumentInformation().getCreator());
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(ContentHash.sha256().digest(bytes));
    }
}
