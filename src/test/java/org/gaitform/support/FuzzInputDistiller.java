package org.gaitform.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gaitform.model.GaitformException;

/**
 * Chooses the regression inputs of a fuzz target from a fuzzing session's corpus: runs every generated input through
 * the target's {@code <target>Run(byte[])} method, sorts them by outcome (success, or the message with its numbers and
 * quoted text blanked out, or a crash), and copies the smallest input of each outcome not yet covered by the
 * committed inputs into the target's inputs folder as {@code corpus-<sha1 prefix>}.
 *
 * <p>{@code FuzzInputDistiller <fuzz test class> <target> <corpus folder> <inputs folder>}; prints the outcomes.
 */
public final class FuzzInputDistiller {
    private FuzzInputDistiller() {
    }

    /** The outcome of one input: "ok", a message template, or "CRASH …". */
    static String outcome(Method run, byte[] data) {
        try {
            Object r = run.invoke(null, (Object) data);
            return "ok" + (r == null ? "" : " " + r.getClass().getSimpleName());
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof GaitformException g) {
                String m = g.getMessage();
                int colon = m.indexOf(": ");
                m = colon >= 0 ? m.substring(colon + 2) : m;
                m = m.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\[[^\\]]*\\]", "[…]")
                        .replaceAll("[0-9]+(\\.[0-9]+)?(e[-+]?[0-9]+)?", "#");
                return m.length() > 160 ? m.substring(0, 160) : m;
            }
            return "CRASH " + c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Class<?> cls = Class.forName(args[0]);
        Method run = cls.getMethod(args[1] + "Run", byte[].class);
        Path corpus = Path.of(args[2]);
        Path inputs = Path.of(args[3]);
        Files.createDirectories(inputs);
        Map<String, Path> covered = new TreeMap<>();
        for (Path p : list(inputs)) {
            covered.putIfAbsent(outcome(run, Files.readAllBytes(p)), p);
        }
        Map<String, Path> smallest = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<Path> files = list(corpus);
        for (Path p : files) {
            String o = outcome(run, Files.readAllBytes(p));
            counts.merge(o, 1, Integer::sum);
            Path best = smallest.get(o);
            if (best == null || Files.size(p) < Files.size(best)
                    || (Files.size(p) == Files.size(best) && p.getFileName().toString().compareTo(
                            best.getFileName().toString()) < 0)) {
                smallest.put(o, p);
            }
        }
        int added = 0;
        for (Map.Entry<String, Path> e : smallest.entrySet()) {
            boolean isNew = !covered.containsKey(e.getKey());
            if (isNew) {
                byte[] b = Files.readAllBytes(e.getValue());
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b)).substring(0, 12);
                Files.write(inputs.resolve("corpus-" + sha), b);
                added++;
            }
            System.out.printf("%6d  %s %6d B  %s%n", counts.get(e.getKey()), isNew ? "+" : " ",
                    Files.size(e.getValue()), e.getKey());
        }
        System.out.printf("%d corpus inputs, %d outcomes, %d already covered by the committed inputs, %d added%n",
                files.size(), smallest.size(), smallest.size() - added, added);
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
