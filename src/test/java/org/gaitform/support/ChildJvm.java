package org.gaitform.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of the test class path in a new JVM (for kill and memory tests). */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * A process builder for {@code java [jvmOptions] -cp <test class path> mainClass args}, its output and
     * errors going to {@code log}.
     */
    public static ProcessBuilder builder(List<String> jvmOptions, String mainClass, List<String> args, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb;
    }

    /** Starts the process. */
    public static Process start(List<String> jvmOptions, String mainClass, List<String> args, Path log)
            throws IOException {
        return builder(jvmOptions, mainClass, args, log).start();
    }

    /** The test class path has more than the main classes (sanity check for callers). */
    public static boolean classPathLooksComplete() {
        String cp = System.getProperty("java.class.path", "");
        return cp.contains(File.pathSeparator) && cp.contains("picocli");
    }
}
