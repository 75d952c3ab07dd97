package com.practicalcrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.practicalcrm.deployment.DeploymentEnvironment;
import com.practicalcrm.deployment.JarProcess;
import com.practicalcrm.deployment.ProductionJar;
import com.practicalcrm.HttpBrowserSession;

/**
 * Retained heap per signed-in session with the profile open, on the production jar: signs in N users over HTTP and
 * opens {@code /profile} as Vaadin's client does (bootstrap page, init request, navigation event; see
 * {@link HttpBrowserSession}), and compares the jar's class histograms ({@code jcmd GC.class_histogram}, live
 * objects after a full collection) before and after. A first batch of sessions warms the app up (classes, caches,
 * pools), so the difference is what each further session holds. Not a test, since the figure depends on the Vaadin
 * version; run it by hand:
 *
 * <pre>
 * ./mvnw -q test-compile
 * CP=target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * java -cp "$CP" com.practicalcrm.bench.HeapPerSession [sessions [top classes]]   # builds the production jar first
 * java -Dpracticalcrm.deployment.jar=target/practicalcrm-0.1.0-SNAPSHOT.jar -cp "$CP" com.practicalcrm.bench.HeapPerSession
 * </pre>
 *
 * Prints the retained bytes per session and the classes that grew most; with {@code -Dbench.heapDump=file.hprof}
 * it also writes a heap dump of the live objects at the end, to see who holds them. Target: at most 100 KB per session.
 * The last line is {@code SUMMARY heap-per-session bytes=… sessions=…} ({@code route=/…} added for another view).
 */
final class HeapPerSession {

    private static final int WARM_UP_SESSIONS = 10;
    /** The view each session opens; {@code -Dbench.route=} (the home view) shows what the layout alone holds. */
    private static final String ROUTE = System.getProperty("bench.route", "profile");
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    private HeapPerSession() {
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path jar = ProductionJar.obtain();
        int port = JarProcess.freePort();
        long perSession;
        try (DeploymentEnvironment environment = DeploymentEnvironment.start();
             JarProcess app = JarProcess.start(jar, "heap-per-session", port, environment.settings(port),
                     List.of("-Xmx512m"))) {
            app.awaitReady(Duration.ofMinutes(3));
            List<String> warmUp = BenchAccounts.create(environment, "warm-up", WARM_UP_SESSIONS);
            List<String> measured = BenchAccounts.create(environment, "measured", sessions);
            List<HttpBrowserSession> open = new ArrayList<>(); // kept, so that nothing signs them out
            open.addAll(openProfiles(port, warmUp));
            Histogram before = Histogram.of(app.pid());
            open.addAll(openProfiles(port, measured));
            Histogram after = Histogram.of(app.pid());
            perSession = report(before, after, sessions, top);
            String dump = System.getProperty("bench.heapDump", "");
            if (!dump.isBlank()) {
                jcmd(app.pid(), "GC.heap_dump", Path.of(dump).toAbsolutePath().toString());
                System.out.println("Heap dump (live objects): " + dump);
            }
            System.out.printf("(%d sessions open)%n", open.size());
        }
        // The last line, for the table of all benchmarks (README, Operations): after the app and the database have
        // stopped, so that it comes after their log lines.
        System.out.printf("SUMMARY heap-per-session bytes=%d sessions=%d%s%n", perSession, sessions,
                ROUTE.equals("profile") ? "" : " route=/" + ROUTE);
    }

    private static List<HttpBrowserSession> openProfiles(int port, List<String> emails) {
        List<HttpBrowserSession> sessions = new ArrayList<>();
        for (String email : emails) {
            HttpBrowserSession session = new HttpBrowserSession(port);
            session.signIn(email, BenchAccounts.PASSWORD);
            String profile = session.vaadinView(ROUTE);
            if (ROUTE.equals("profile") && !profile.contains(email)) {
                throw new AssertionError("The profile of " + email + " does not show the address: " + profile);
            }
            // What the browser does next. It matters: Vaadin keeps its last answer to each UI, to send it again if
            // the client asks twice, and the view's first answer is large.
            session.vaadinDispatchedEvents();
            if (ROUTE.equals("profile") && !session.vaadinChanges().contains("Security activity")) {
                throw new AssertionError("The profile's later sections did not come: " + session.vaadinChanges());
            }
            session.vaadinConfirmDataUpdates();
            // An open tab's idle connection is closed after Tomcat's keep-alive timeout: not part of the session.
            session.disconnect();
            sessions.add(session);
        }
        return sessions;
    }

    /** Prints the figure and the classes that grew most; returns the bytes per session. */
    private static long report(Histogram before, Histogram after, int sessions, int top) {
        long grown = after.totalBytes - before.totalBytes;
        System.out.printf("Live heap before %,d bytes, after %d more sessions %,d bytes%n", before.totalBytes,
                sessions, after.totalBytes);
        System.out.printf("Retained heap per signed-in session with the profile open: %,d bytes (%d KB)%n",
                grown / sessions, grown / sessions / 1000);
        System.out.printf("%n%12s %10s  %s%n", "bytes/sess.", "inst/sess.", "class");
        Map<String, long[]> growth = new HashMap<>();
        after.classes.forEach((name, counts) -> {
            long[] old = before.classes.getOrDefault(name, new long[2]);
            growth.put(name, new long[] {counts[0] - old[0], counts[1] - old[1]});
        });
        growth.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
                .limit(top)
                .forEach(e -> System.out.printf("%12.0f %10.1f  %s%n", (double) e.getValue()[1] / sessions,
                        (double) e.getValue()[0] / sessions, e.getKey()));
        return grown / sessions;
    }

    /** Runs {@code jcmd} against the process {@code pid} and returns its output. */
    static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Live objects per class, after the full collection that {@code GC.class_histogram} starts. */
    private record Histogram(Map<String, long[]> classes, long totalBytes) {

        static Histogram of(long pid) {
            Map<String, long[]> classes = new HashMap<>();
            long total = 0;
            for (String line : jcmd(pid, "GC.class_histogram").lines().toList()) {
                Matcher m = HISTOGRAM_LINE.matcher(line);
                if (m.matches()) {
                    long bytes = Long.parseLong(m.group(2));
                    classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), bytes},
                            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                    total += bytes;
                }
            }
            return new Histogram(classes, total);
        }
    }
}
