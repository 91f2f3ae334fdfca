import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the CPU samples (jdk.ExecutionSample) of a JFR recording as markdown tables:
 * the hottest methods by self time, the project methods by inclusive time ("total"), and the
 * project method nearest the top of each sample ("where the project code spends it").
 *
 * <pre>java bench/src/JfrHotSpots.java recording.jfr [package-prefix] [rows] [focus-method]</pre>
 *
 * With a focus method (e.g. {@code org.privacysite.internal.messages.LocaleFormatter.format}), only
 * the samples whose stack contains it are counted: what that method spends its time on.
 */
public final class JfrHotSpots {

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/src/JfrHotSpots.java recording.jfr [org.privacysite] [rows]");
            System.exit(2);
        }
        String prefix = args.length > 1 ? args[1] : "org.privacysite";
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        String focus = args.length > 3 ? args[3] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> nearest = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            if (focus != null && stack.getFrames().stream().noneMatch(f -> name(f.getMethod()).equals(focus))) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread, 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            String first = null;
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (method.startsWith(prefix)) {
                    if (first == null) {
                        first = method;
                    }
                    if (seen.add(method)) {
                        inclusive.merge(method, 1, Integer::sum);
                    }
                }
            }
            nearest.merge(first == null ? "(no " + prefix + " frame: JVM start-up, JIT, GC, class loading)" : first, 1, Integer::sum);
        }
        System.out.println("CPU samples: " + samples + (focus == null ? "" : " with " + focus + " on the stack")
                + stackTruncatedHint());
        System.out.println();
        table("Hottest methods (self time)", self, samples, rows);
        table("Project methods, inclusive (the method or anything it calls)", inclusive, samples, rows);
        table("Project method nearest the top of the stack", nearest, samples, rows);
        table("Threads", threads, samples, rows);
    }

    private static String stackTruncatedHint() {
        return " (JFR keeps the top 64 frames of each stack by default; deeper callers are not counted as inclusive)";
    }

    private static void table(String title, Map<String, Integer> counts, int total, int rows) {
        System.out.println("#### " + title);
        System.out.println();
        System.out.println("| share | samples | method |");
        System.out.println("|---:|---:|---|");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(e -> System.out.printf("| %.1f%% | %d | `%s` |%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
        System.out.println();
    }

    private static String name(RecordedMethod method) {
        if (method == null) {
            return "?";
        }
        String type = method.getType() == null ? "?" : method.getType().getName();
        return type + "." + method.getName();
    }
}
