import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures a live preview's "save → changed page served": edits one clause of a Markdown file,
 * notes the time once the file is written and closed, then asks the server for the page every
 * millisecond until the page shows the edit, and prints the milliseconds in between.
 *
 * <pre>
 * java bench/src/EditToPage.java FILE URL [--marker TEXT] [--timeout 60]
 * </pre>
 *
 * The edit is bench/run.sh's old edit_clause: the marker is appended to the first line starting
 * with a letter after the first "## " heading, and the file is rewritten in place (truncated, then
 * written), as an editor's save does. The page is polled over one kept-alive HTTP/1.1 connection,
 * warmed up before the edit: a new curl process per poll cost 5–15 ms here and was counted in the
 * result. Prints the milliseconds on standard output and exits 0; prints the timeout's milliseconds
 * and exits 1 when the marker did not appear in time. Plain Java 17, no dependencies.
 */
public final class EditToPage {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int WARM_UP_REQUESTS = 200;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/src/EditToPage.java FILE URL [--marker TEXT] [--timeout SECONDS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        URI url = URI.create(args[1]);
        String marker = "benchedit" + System.currentTimeMillis();
        long timeoutSeconds = 60;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--marker" -> marker = args[i + 1];
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(url).GET().header("Cache-Control", "no-cache").build();
        // Warm up the connection and the client's code, so that the first poll after the edit is as quick as the last.
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(marker)) {
                System.err.println("the page already shows " + marker + " before the edit");
                System.exit(2);
            }
        }

        byte[] edited = edit(Files.readString(file, StandardCharsets.UTF_8), marker).getBytes(StandardCharsets.UTF_8);
        Files.write(file, edited); // truncates, writes, closes: an in-place save
        long saved = System.nanoTime();

        long deadline = saved + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long next = saved;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                response = null; // the server may be swapping its output: ask again
            }
            if (response != null && response.statusCode() == 200 && response.body().contains(marker)) {
                long millis = Math.round((System.nanoTime() - saved) / 1e6);
                System.out.println(millis);
                return;
            }
            next += POLL_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
        System.out.println(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        System.exit(1);
    }

    /** The marker appended to the first line starting with a letter after the first "## " heading. */
    static String edit(String text, String marker) {
        StringBuilder out = new StringBuilder(text.length() + marker.length() + 2);
        boolean seen = false;
        boolean done = false;
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length; // awk prints every line with a newline
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            if (!done && seen && !line.isEmpty() && Character.isLetter(line.charAt(0))) {
                line = line + " " + marker;
                done = true;
            }
            if (line.startsWith("## ")) {
                seen = true;
            }
            out.append(line).append('\n');
        }
        if (!done) {
            throw new IllegalStateException("no paragraph line after a '## ' heading to edit");
        }
        return out.toString();
    }
}
