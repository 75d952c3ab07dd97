package com.practicalcrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.deployment.DeploymentEnvironment;
import com.practicalcrm.deployment.JarProcess;
import com.practicalcrm.deployment.ProductionJar;

/**
 * Load test on the production jar: N signed-in users (default 100) at once, each going profile, Edit Profile,
 * profile, for R rounds (default 5) with a think time (default 1 s) after each page, all driven from this JVM on the
 * same machine (one virtual thread per user). Each user speaks Vaadin's protocol through {@link HttpBrowserSession}
 * as Chromium's client does (captured once in its DevTools): opening the avatar menu and choosing "Edit Profile"
 * are two UI events (the menu's button, then its item); "View Profile" is the same two, then the profile page's
 * own request for its later sections and the results of two scripts the server awaits. Every such request is one
 * server round trip, timed from the client.
 * <p>
 * An error is any answer but 200, an answer that reports an application error, an expired session or asks for a
 * resynchronisation, or a page that does not show what it should (the profile the user's address and its later
 * sections, Edit Profile its email field). Sign-in (Argon2id) and opening the first profile come before the measured
 * window, and so do the warm-up rounds (default {@value #WARM_UP_ROUNDS}, with the same think time: the JIT's steady
 * state, see there), so the figures are those of the navigation alone on a server that has been up for a while.
 * <p>
 * Besides the latencies it prints the CPU time the app's JVM and the MariaDB server used during the window (from
 * {@code /proc/<pid>/stat}) per round trip: unlike latencies, that figure hardly depends on what else runs on the
 * machine. With {@code -Dbench.jfr=load.jfr} the app records a JFR profile of the window (then
 * {@code jfr view hot-methods load.jfr}); with {@code -Dbench.generalLog=statements.log} MariaDB writes every statement
 * of the window to that file.
 *
 * <pre>
 * java -cp "$CP" com.practicalcrm.bench.LoadTest [users [rounds [think ms [warm-up rounds]]]]
 * </pre>
 *
 * Target: p95 of the round trips at most 50 ms with 100 users on 2 cores, no errors. Last line: {@code SUMMARY load
 * ...}.
 */
final class LoadTest {

    /**
     * Warm-up rounds before the window (all users, profile -> Edit Profile -> profile each): the app's state after
     * about 20,000 navigations, a few minutes of this traffic, which is what a server that has been up for a while
     * serves with. HotSpot compiles a method with its optimising compiler (C2) only after thousands of calls, and most
     * of a navigation's code runs once per navigation: after 25 rounds (5,000 navigations) the app still took 16 ms of
     * CPU per navigation and its JIT compilers a fifth of all CPU; after 100 rounds 6 ms.
     */
    static final int WARM_UP_ROUNDS = 100;

    /**
     * Think time during warm-up: the window's. A shorter one (100 or 250 ms) keeps both cores busy; HotSpot then
     * raises its compile thresholds (the compile queues are long), and the JIT compilers still took 6.3-6.8 s of the
     * window's 13-14 s of app CPU afterwards, against 1.0 s with this think time.
     */
    static final long WARM_UP_THINK_MILLIS = Long.getLong("bench.warmUpThinkMs", 1000);

    /** Sign-ins at once before the measured window (each hashes with 19 MiB); {@code -Dbench.signInThreads}. */
    private static final int SIGN_IN_THREADS = Integer.getInteger("bench.signInThreads", 4);

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long thinkMillis = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        int warmUpRounds = args.length > 3 ? Integer.parseInt(args[3]) : WARM_UP_ROUNDS;
        String jfr = System.getProperty("bench.jfr", "");
        Path jar = ProductionJar.obtain();
        int port = JarProcess.freePort();
        try (DeploymentEnvironment environment = DeploymentEnvironment.start();
             JarProcess app = JarProcess.start(jar, "load-test", port, environment.settings(port),
                     appJvmOptions(jfr))) {
            app.awaitReady(Duration.ofMinutes(3));
            List<String> emails = BenchAccounts.create(environment, "load", users);
            List<User> all = signIn(port, emails);
            System.out.printf("%d users signed in with the profile open%n", all.size());
            if (warmUpRounds > 0) {
                long warmUpStarted = System.nanoTime();
                Run warmUp = run(all, warmUpRounds, WARM_UP_THINK_MILLIS);
                System.out.printf(Locale.ROOT, "Warm-up: %d rounds (think time %d ms), %d round trips, %d errors,"
                        + " %.0f s%n", warmUpRounds, WARM_UP_THINK_MILLIS, warmUp.latencies.size(),
                        warmUp.errors.size(), (System.nanoTime() - warmUpStarted) / 1e9);
                awaitCompilers(app.pid());
            }
            long database = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("mariadbd")).findFirst()
                    .map(ProcessHandle::pid).orElse(-1L);
            String loadBefore = Benchmarks.loadAverage();
            if (!jfr.isBlank()) {
                HeapPerSession.jcmd(app.pid(), "JFR.start", "name=load", "settings=profile");
            }
            java.util.Map<String, Long> statements = statementCounts(environment);
            String generalLog = System.getProperty("bench.generalLog", "");
            if (!generalLog.isBlank()) { // every statement of the window, to see what a round trip asks
                try (java.sql.Connection connection = environment.connect();
                     java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("SET GLOBAL general_log_file = '" + Path.of(generalLog).toAbsolutePath() + "'");
                    statement.execute("SET GLOBAL general_log = 1");
                }
            }
            long appCpu = cpuTicks(app.pid());
            java.util.Map<String, Long> appThreads = threadCpuTicks(app.pid());
            long databaseCpu = cpuTicks(database);
            long driverCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis();
            long started = System.nanoTime();
            Run measured = run(all, rounds, thinkMillis);
            double seconds = (System.nanoTime() - started) / 1e9;
            appCpu = cpuTicks(app.pid()) - appCpu;
            java.util.Map<String, Long> appThreadsAfter = threadCpuTicks(app.pid());
            appThreadsAfter.replaceAll((kind, ticks) -> ticks - appThreads.getOrDefault(kind, 0L));
            databaseCpu = cpuTicks(database) - databaseCpu;
            java.util.Map<String, Long> statementsAfter = statementCounts(environment);
            statementsAfter.replaceAll((name, count) -> count - statements.getOrDefault(name, 0L));
            driverCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() - driverCpu;
            if (!jfr.isBlank()) {
                HeapPerSession.jcmd(app.pid(), "JFR.stop", "name=load", "filename=" + Path.of(jfr).toAbsolutePath());
                System.out.println("JFR recording of the window: " + jfr + " (jfr view hot-methods " + jfr + ")");
            }
            report(measured, users, rounds, thinkMillis, warmUpRounds, seconds, appCpu, databaseCpu, driverCpu,
                    loadBefore, statementsAfter);
            StringBuilder threads = new StringBuilder("Where the app's CPU went, by thread:");
            appThreadsAfter.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> threads.append(String.format(Locale.ROOT, " %s %.1f s,", e.getKey(),
                            e.getValue() / (double) TICKS_PER_SECOND)));
            System.out.println(threads.substring(0, threads.length() - 1));
        }
    }

    /**
     * The app's JVM options: a 512 MB heap, {@code -Dbench.appJvmOptions} (space-separated, e.g. another garbage
     * collector to compare) and, with a JFR recording, full stacks.
     */
    private static List<String> appJvmOptions(String jfr) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        String extra = System.getProperty("bench.appJvmOptions", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        if (!jfr.isBlank()) {
            options.add("-XX:FlightRecorderOptions:stackdepth=1024");
        }
        return options;
    }

    /**
     * Brings a freshly started app to the state it serves with after a while up: {@code users} new accounts sign in
     * and go profile -> Edit Profile -> profile for {@code rounds} rounds with a short think time, so that the JIT has
     * compiled the request path (filters, session checks, Vaadin's request handling) with C2, as on a server that
     * has been up for some minutes. Other benchmarks call it before measuring.
     */
    static void warmUp(DeploymentEnvironment environment, int port, long pid, int users, int rounds)
            throws Exception {
        long started = System.nanoTime();
        List<User> all = signIn(port, BenchAccounts.create(environment, "warm-up", users));
        Run warmUp = run(all, rounds, WARM_UP_THINK_MILLIS);
        awaitCompilers(pid);
        if (!warmUp.errors.isEmpty()) {
            throw new IllegalStateException("Warm-up failed: " + warmUp.errors.peek());
        }
        System.out.printf(Locale.ROOT, "Server warm-up: %d users, %d rounds, %d round trips in %.0f s%n", users, rounds,
                warmUp.latencies.size(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Waits (at most a minute) until the app's JIT compilers have worked through what the warm-up queued: less than
     * 50 ms of their CPU in a second. A warm-up that keeps both cores busy leaves them behind.
     */
    static void awaitCompilers(long pid) throws InterruptedException {
        long started = System.nanoTime();
        long before = threadCpuTicks(pid).getOrDefault("JIT compilers", 0L);
        for (int second = 0; second < 60; second++) {
            Thread.sleep(1000);
            long now = threadCpuTicks(pid).getOrDefault("JIT compilers", 0L);
            if (now - before < 5) {
                break;
            }
            before = now;
        }
        System.out.printf(Locale.ROOT, "The JIT compilers settled after %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Signs every user in and opens their profile, a few at a time (each sign-in hashes with 19 MiB). */
    private static List<User> signIn(int port, List<String> emails) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(SIGN_IN_THREADS)) {
            List<Future<User>> futures = new ArrayList<>();
            for (int i = 0; i < emails.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> User.signIn(port, emails.get(index), "Bench User " + index)));
            }
            List<User> users = new ArrayList<>();
            for (Future<User> future : futures) {
                users.add(future.get());
            }
            return users;
        }
    }

    private static Run run(List<User> users, int rounds, long thinkMillis) throws InterruptedException {
        Run run = new Run();
        Random random = new Random(42);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (User user : users) {
                long startDelay = (long) (random.nextDouble() * thinkMillis);
                threads.submit(() -> user.browse(run, rounds, thinkMillis, startDelay));
            }
        }
        return run;
    }

    private static void report(Run run, int users, int rounds, long thinkMillis, int warmUpRounds, double seconds,
                               long appTicks, long databaseTicks, long driverCpuMillis, String loadBefore,
                               java.util.Map<String, Long> statements) {
        List<Long> sorted = new ArrayList<>(run.latencies);
        Collections.sort(sorted);
        int requests = sorted.size();
        double appCpuMs = appTicks * 1000.0 / TICKS_PER_SECOND;
        double databaseCpuMs = databaseTicks * 1000.0 / TICKS_PER_SECOND;
        System.out.printf(Locale.ROOT, "%n%d users, %d rounds (profile -> Edit Profile -> profile), think time %d ms,"
                + " after %d warm-up rounds; load average before %s, after %s%n", users, rounds, thinkMillis,
                warmUpRounds, loadBefore, Benchmarks.loadAverage());
        System.out.printf(Locale.ROOT, "Round trips: %d in %.1f s (%.1f/s), %d navigations (%.1f/s)%n", requests,
                seconds, requests / seconds, run.navigations.get(), run.navigations.get() / seconds);
        System.out.printf(Locale.ROOT, "Latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
        run.byKind.forEach((kind, latencies) -> {
            List<Long> ofKind = new ArrayList<>(latencies);
            Collections.sort(ofKind);
            System.out.printf(Locale.ROOT, "  %-32s %5d round trips: p50 %6.1f, p95 %6.1f, p99 %6.1f;"
                    + " answers %,d characters on average%n", kind.substring(2), ofKind.size(), percentile(ofKind, 50),
                    percentile(ofKind, 95), percentile(ofKind, 99),
                    run.charsByKind.get(kind).get() / Math.max(1, ofKind.size()));
        });
        System.out.printf(Locale.ROOT, "CPU of the app: %.1f s, %.2f ms per round trip, %.2f ms per navigation%n",
                appCpuMs / 1000, appCpuMs / Math.max(1, requests), appCpuMs / Math.max(1, run.navigations.get()));
        System.out.printf(Locale.ROOT, "CPU of MariaDB: %.1f s, %.2f ms per round trip; of this driver: %.1f s%n",
                databaseCpuMs / 1000, databaseCpuMs / Math.max(1, requests), driverCpuMillis / 1000.0);
        StringBuilder perRequest = new StringBuilder();
        statements.forEach((name, count) -> perRequest.append(String.format(Locale.ROOT, " %s %.2f",
                name.toLowerCase(Locale.ROOT), count / (double) Math.max(1, requests))));
        System.out.println("Database statements per round trip (server counters):" + perRequest);
        System.out.printf("Errors: %d%n", run.errors.size());
        run.errors.stream().limit(5).forEach(e -> System.out.println("  " + e));
        System.out.printf(Locale.ROOT, "SUMMARY load users=%d rounds=%d p50-ms=%.1f p95-ms=%.1f p99-ms=%.1f"
                        + " max-ms=%.1f errors=%d requests=%d rps=%.1f app-cpu-ms-per-request=%.2f"
                        + " db-cpu-ms-per-request=%.2f db-statements-per-request=%.2f%n", users, rounds, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100), run.errors.size(), requests,
                requests / seconds, appCpuMs / Math.max(1, requests), databaseCpuMs / Math.max(1, requests),
                statements.getOrDefault("Questions", 0L) / (double) Math.max(1, requests));
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    /** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in hundredths of a second. */
    private static final long TICKS_PER_SECOND = 100;

    /** User and system CPU time of a process so far, in ticks; 0 when it is unknown. */
    static long cpuTicks(long pid) {
        if (pid < 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (in parentheses, which may hold spaces): state is field 3; utime 14.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU time of a process's threads so far, in ticks, by kind: request threads, garbage collection, the JIT
     * compilers and the rest (from {@code /proc/<pid>/task/<tid>/stat}; threads that ended are not counted).
     */
    static java.util.Map<String, Long> threadCpuTicks(long pid) {
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                String kind = name.startsWith("http-nio") ? "requests"
                        : name.startsWith("GC ") || name.startsWith("G1 ") ? "garbage collection"
                        : name.contains("CompilerThre") ? "JIT compilers" : "other";
                byKind.merge(kind, ticks, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byKind;
    }

    /**
     * MariaDB's statement counters (all clients; the app is the only one during the window): every statement, and
     * those that open or end transactions, to see what each round trip costs the database.
     */
    private static java.util.Map<String, Long> statementCounts(DeploymentEnvironment environment) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (java.sql.Connection connection = environment.connect();
             java.sql.ResultSet rows = connection.createStatement().executeQuery("SHOW GLOBAL STATUS WHERE"
                     + " Variable_name IN ('Questions', 'Com_select', 'Com_insert', 'Com_update', 'Com_commit',"
                     + " 'Com_rollback', 'Com_set_option')")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** What one run collected from all users. */
    private static final class Run {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final AtomicInteger navigations = new AtomicInteger();
        /** The same latencies by what the round trip was for. */
        final java.util.Map<String, ConcurrentLinkedQueue<Long>> byKind = new java.util.concurrent.ConcurrentSkipListMap<>();
        /** Characters of the answers by kind. */
        final java.util.Map<String, java.util.concurrent.atomic.AtomicLong> charsByKind =
                new java.util.concurrent.ConcurrentHashMap<>();
    }

    /** One signed-in browser tab with the profile open. */
    private static final class User {

        /** All users' requests go through one client (one selector thread), each user with its own cookies. */
        private static final java.net.http.HttpClient CLIENT = HttpBrowserSession.sharedClient();

        private final HttpBrowserSession browser;
        private final String email;
        private final String menuLabel;
        private Run run;
        /** What the next round trips are for, to report latencies by kind. */
        private String kind = "";

        private User(HttpBrowserSession browser, String email, String fullName) {
            this.browser = browser;
            this.email = email;
            this.menuLabel = "User menu for " + fullName;
            browser.observeRoundTrips(this::roundTrip);
        }

        static User signIn(int port, String email, String fullName) {
            HttpBrowserSession browser = new HttpBrowserSession(port, CLIENT);
            browser.signIn(email, BenchAccounts.PASSWORD);
            String profile = browser.vaadinView("profile");
            if (!profile.contains(email)) {
                throw new AssertionError("The profile of " + email + " does not show the address: " + profile);
            }
            if (browser.vaadinFollowUps().stream().noneMatch(r -> r.body().contains("Security activity"))) {
                throw new AssertionError("The profile's later sections did not come for " + email);
            }
            return new User(browser, email, fullName);
        }

        void browse(Run run, int rounds, long thinkMillis, long startDelay) {
            this.run = run;
            try {
                Thread.sleep(startDelay);
                for (int round = 0; round < rounds; round++) {
                    editProfile();
                    Thread.sleep(thinkMillis);
                    viewProfile();
                    Thread.sleep(thinkMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | AssertionError e) {
                run.errors.add(email + ": stopped: " + e.getMessage());
            }
        }

        private void editProfile() {
            kind = "1 open the avatar menu";
            browser.vaadinClickElementWith("aria-label", menuLabel);
            kind = "2 choose Edit Profile";
            String page = browser.vaadinClickMenuItem("Edit Profile").body();
            expect(page.contains("\"value\":\"Email Address\""), "Edit Profile shows no email field");
            kind = "3 Edit Profile's follow-ups";
            browser.vaadinFollowUps();
            run.navigations.incrementAndGet();
        }

        private void viewProfile() {
            kind = "1 open the avatar menu";
            browser.vaadinClickElementWith("aria-label", menuLabel);
            kind = "4 choose View Profile";
            String page = browser.vaadinClickMenuItem("View Profile").body();
            expect(page.contains(email), "the profile does not show the address");
            kind = "5 the profile's later sections";
            expect(browser.vaadinFollowUps().stream().anyMatch(r -> r.body().contains("Security activity")),
                    "the profile's later sections did not come");
            run.navigations.incrementAndGet();
        }

        private void expect(boolean condition, String problem) {
            if (!condition) {
                run.errors.add(email + ": " + problem);
            }
        }

        private void roundTrip(HttpResponse<String> answer, long nanos) {
            if (run == null) {
                return; // before the measured runs: sign-in and the first profile
            }
            run.latencies.add(nanos);
            run.byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
            String body = answer.body();
            run.charsByKind.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.AtomicLong())
                    .addAndGet(body.length());
            if (answer.statusCode() != 200) {
                run.errors.add(email + ": HTTP " + answer.statusCode());
            } else if (body.contains("\"appError\"") || body.contains("\"sessionExpired\"")
                    || body.contains("\"resynchronize\"") || !body.contains("\"syncId\"")) {
                run.errors.add(email + ": " + body.substring(0, Math.min(300, body.length())));
            }
        }
    }
}
