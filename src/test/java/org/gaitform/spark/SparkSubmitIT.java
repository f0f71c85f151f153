package org.gaitform.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's spark-submit command, as spark-submit runs it: {@code org.apache.spark.deploy.SparkSubmit} (the class
 * the {@code spark-submit} script starts) in a new JVM with Spark's libraries on its class path and gaitform's
 * shaded jar as the application jar, {@code --master local[2]}, on sample-data. Spark's class path is this test's
 * class path without gaitform's classes and the libraries only gaitform uses (they must come from the application
 * jar). Run by {@code ./mvnw verify} after the jar is built (failsafe, integration-test phase).
 */
class SparkSubmitIT {
    /** Libraries that a Spark installation does not have: gaitform's own, and the test frameworks. */
    private static final List<String> NOT_IN_SPARK = List.of("tablesaw", "jfreechart", "picocli", "pdfbox", "fontbox",
            "graphics2d", "iirj", "progressbar", "jline", "commons-csv", "slf4j-nop", "junit", "opentest4j",
            "apiguardian", "assertj", "archunit", "jazzer", "byte-buddy", "surefire", "failsafe");

    @Test
    void theReadmeCommandRunsInLocalMode(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "gaitform.jar");
        assertThat(jar).as("the shaded jar (built by the package phase)").isNotEmptyFile();
        List<String> sparkClassPath = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(e).getFileName().toString();
            boolean ours = e.endsWith("classes") || e.endsWith("test-classes") || name.startsWith("gaitform")
                    || NOT_IN_SPARK.stream().anyMatch(name::contains);
            if (!ours && !e.isBlank()) {
                sparkClassPath.add(e);
            }
        }
        assertThat(String.join(" ", sparkClassPath)).contains("spark-core").doesNotContain("picocli");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        // what Spark's launcher adds on Java 17 (JavaModuleOptions)
        cmd.addAll(List.of(System.getProperty("gaitform.spark.opens", "").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, sparkClassPath), "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--class", "org.gaitform.spark.SparkAnalyzeJob", jar.toString(),
                "sample-data", "--out", dir.resolve("spark-out").toString()));
        cmd.removeIf(String::isEmpty);
        Path log = dir.resolve("spark-submit.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(8, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as(text).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("6 of 6 input(s) analysed, 0 failed");
        for (String t : List.of("steps", "bouts", "sessions", "findings")) {
            try (Stream<Path> s = Files.list(dir.resolve("spark-out").resolve(t))) {
                assertThat(s.map(f -> f.getFileName().toString())).as(t).anyMatch(n -> n.endsWith(".parquet"))
                        .contains("_SUCCESS");
            }
        }
    }
}
