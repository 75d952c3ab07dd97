package com.practicalcrm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.deployment.DeploymentEnvironment;
import com.practicalcrm.deployment.JarProcess;
import com.practicalcrm.deployment.ProductionJar;

/**
 * Sign-in server time against a bare Argon2id check: the password step ({@code POST /login} of an account without
 * 2FA, until its redirect arrives) on the production jar as the client sees it, side by side with
 * {@link Argon2PasswordEncoder#matches} with the app's parameters (19 MiB, 2 iterations, parallelism 1) in a JVM
 * started with the same flags as the jar's. The two take turns, one of each at a time, so both see the same load;
 * both are warmed up first. What the sign-in adds to the hash is the rest of the request: throttle counters,
 * security event, session registration, known-device check, CSRF and session id renewal.
 * <p>
 * The browser keeps its device cookie between sign-ins (it only forgets its session, as when it is closed), so each
 * sign-in is that of a returning browser, not a new-device alert with its mail. The CSRF token is fetched before
 * the timed request.
 *
 * <pre>
 * java -cp "$CP" com.practicalcrm.bench.SignInTime [runs [warm-up runs]]
 * </pre>
 *
 * Both are also compared by CPU time (the app's JVM during the request, all threads; the check's thread), which
 * depends far less on what else runs on the machine than the medians do. Last line: {@code SUMMARY sign-in
 * server-ms=... argon2id-ms=... ratio=... server-cpu-ms=... argon2id-cpu-ms=... cpu-ratio=... runs=...}.
 */
final class SignInTime {

    /** The flags of the benchmarks' jar ({@link LoadTest}, {@link HeapPerSession}): full JIT, 512 MB of heap. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m");
    private static final String HASH_ROLE = "argon2id";

    private SignInTime() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals(HASH_ROLE)) {
            hashOnRequest();
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path jar = ProductionJar.obtain();
        int port = JarProcess.freePort();
        Process hasher = startHasher();
        try (DeploymentEnvironment environment = DeploymentEnvironment.start();
             JarProcess app = JarProcess.start(jar, "sign-in-time", port, environment.settings(port), JVM_OPTIONS)) {
            app.awaitReady(Duration.ofMinutes(3));
            String email = BenchAccounts.create(environment, "sign-in", 1).get(0);
            PrintWriter toHasher = new PrintWriter(hasher.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader fromHasher = new BufferedReader(new InputStreamReader(hasher.getInputStream(),
                    StandardCharsets.UTF_8));
            HttpBrowserSession browser = new HttpBrowserSession(port);
            List<Long> signIns = new ArrayList<>();
            List<Long> hashes = new ArrayList<>();
            long appCpuTicks = 0;
            long hashCpuNanos = 0;
            long hasherCpuTicks = 0;
            for (int i = 0; i < warmUp + runs; i++) {
                long[] signIn = signIn(browser, email, app.pid());
                long hasherTicks = LoadTest.cpuTicks(hasher.pid());
                toHasher.println("match");
                String line = fromHasher.readLine();
                hasherTicks = LoadTest.cpuTicks(hasher.pid()) - hasherTicks;
                if (line == null) {
                    throw new IllegalStateException("The Argon2id JVM ended");
                }
                if (i >= warmUp) {
                    String[] hash = line.trim().split(" ");
                    signIns.add(signIn[0]);
                    appCpuTicks += signIn[1];
                    hashes.add(Long.parseLong(hash[0]));
                    hashCpuNanos += Long.parseLong(hash[1]);
                    hasherCpuTicks += hasherTicks;
                }
            }
            double serverCpu = appCpuTicks * 10.0 / runs; // Linux counts CPU time in hundredths of a second
            double argon2ThreadCpu = hashCpuNanos / 1e6 / runs;
            double argon2Cpu = hasherCpuTicks * 10.0 / runs; // its JVM, all threads (garbage collection too)
            double server = median(signIns);
            double argon2 = median(hashes);
            System.out.printf(Locale.ROOT, "Sign-in, password step (POST /login, no 2FA), as the client sees it: median"
                    + " %.1f ms, min %.1f, max %.1f (%d runs after %d warm-up)%n", server, min(signIns),
                    max(signIns), runs, warmUp);
            System.out.printf(Locale.ROOT, "Argon2id matches (19 MiB, 2 iterations, parallelism 1), JVM flags %s:"
                    + " median %.1f ms, min %.1f, max %.1f%n", JVM_OPTIONS, argon2, min(hashes), max(hashes));
            System.out.printf(Locale.ROOT, "Ratio %.2f; the sign-in adds %.1f ms to the hash%n", server / argon2,
                    server - argon2);
            System.out.printf(Locale.ROOT, "CPU time, which depends far less on other load: the app's JVM %.1f ms per"
                    + " sign-in, the Argon2id JVM %.1f ms per check (all threads of each, garbage collection"
                    + " included; %.1f ms in the checking thread itself); ratio %.2f%n", serverCpu, argon2Cpu,
                    argon2ThreadCpu, serverCpu / argon2Cpu);
            System.out.printf(Locale.ROOT, "SUMMARY sign-in server-ms=%.1f argon2id-ms=%.1f ratio=%.2f"
                    + " server-cpu-ms=%.1f argon2id-cpu-ms=%.1f cpu-ratio=%.2f runs=%d%n", server, argon2,
                    server / argon2, serverCpu, argon2Cpu, serverCpu / argon2Cpu, runs);
        } finally {
            hasher.destroy();
        }
    }

    /**
     * One timed password step; the session is then forgotten (the device cookie stays).
     *
     * @return its time in ns and the app's CPU time meanwhile in ticks
     */
    private static long[] signIn(HttpBrowserSession browser, String email, long appPid) {
        browser.forgetSession();
        String csrf = browser.signInPageCsrfToken();
        long ticks = LoadTest.cpuTicks(appPid);
        long started = System.nanoTime();
        HttpResponse<String> response = browser.postSignIn(email, BenchAccounts.PASSWORD, csrf);
        long nanos = System.nanoTime() - started;
        ticks = LoadTest.cpuTicks(appPid) - ticks;
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error") || location.contains("/login")) {
            throw new AssertionError("Sign-in failed: " + response.statusCode() + " " + location);
        }
        return new long[] {nanos, ticks};
    }

    private static Process startHasher() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SignInTime.class.getName(), HASH_ROLE));
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The child JVM: for each line read, checks the password against its hash once and prints the time it took
     * and its thread's CPU time, in nanoseconds.
     */
    private static void hashOnRequest() throws IOException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        String hash = encoder.encode(BenchAccounts.PASSWORD);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            long cpu = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            if (!encoder.matches(BenchAccounts.PASSWORD, hash)) {
                throw new IllegalStateException("The password does not match its hash");
            }
            System.out.println((System.nanoTime() - started) + " " + (threads.getCurrentThreadCpuTime() - cpu));
            System.out.flush();
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1e6;
    }

    private static double min(List<Long> nanos) {
        return Collections.min(nanos) / 1e6;
    }

    private static double max(List<Long> nanos) {
        return Collections.max(nanos) / 1e6;
    }
}
