package org.gaitform.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The GaitPy peer file of the benchmark: GaitPy's demo recording ({@code ../shared/data/gaitpy-lumbar-walking/
 * demo_data.csv}, a GENEActiv export of 168 s of lower-back walking at 50 Hz) with its data rows repeated to one hour,
 * the GENEActiv preamble kept, and time stamps continuing every 20 ms from the first one (the demo's own stamps jump
 * by 0.52 s once, which gaitform cuts away, so repeating them would cut the hour into pieces).
 */
public final class GaitPyHour {
    private static final Pattern DATA = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{3},.*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss:SSS");

    private GaitPyHour() {
    }

    /** The demo file, or empty when ../shared/data is absent. */
    public static java.util.Optional<Path> demo() {
        Path f = SharedData.root().resolve("gaitpy-lumbar-walking").resolve("demo_data.csv");
        return Files.isRegularFile(f) ? java.util.Optional.of(f) : java.util.Optional.empty();
    }

    /**
     * Writes the hour.
     *
     * @param demo the demo file
     * @param file where to write
     * @param rows data rows to write (180 000 for an hour at 50 Hz)
     * @return the number of data rows written
     */
    public static int write(Path demo, Path file, int rows) throws IOException {
        String text = new String(Files.readAllBytes(demo), StandardCharsets.ISO_8859_1);
        List<String> preamble = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (String line : text.split("\r\n|\n")) {
            if (DATA.matcher(line).matches()) {
                data.add(line.substring(line.indexOf(',')));
            } else if (data.isEmpty()) {
                preamble.add(line);
            }
        }
        LocalDateTime t0 = LocalDateTime.parse("2019-08-06 10:25:50:000", STAMP);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (String p : preamble) {
                out.write((p + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            for (int i = 0; i < rows; i++) {
                String stamp = t0.plusNanos(20_000_000L * i).format(STAMP);
                out.write((stamp + data.get(i % data.size()) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return rows;
    }
}
