package com.practicalcrm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import com.practicalcrm.deployment.ProductionJar;

/**
 * All benchmarks in one command, on one production jar (built once, or the one named by
 * {@code -Dpracticalcrm.deployment.jar}): {@link PageWeight}, {@link HeapPerSession}, {@link SignInTime},
 * {@link AvatarPreviewTime} and {@link LoadTest}, one after the other, each in a JVM of its own with this class
 * path, so that none inherits another's heap, JIT or threads. Each benchmark's last line starting with
 * {@code SUMMARY } holds its figures; this prints them as one table (Markdown) with the targets of issue 12. A
 * benchmark that ends without that line counts as failed, and the others still run. Their whole output goes to
 * {@code target/bench/<name>.log}.
 *
 * <pre>
 * ./mvnw -q test-compile
 * CP=target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * java -cp "$CP" com.practicalcrm.bench.Benchmarks [names...]   # e.g. "load sign-in"; all when none are given
 * </pre>
 *
 * System properties starting with {@code bench.}, {@code chromium.} or {@code chromedriver.} are passed on.
 */
final class Benchmarks {

    private static final Path LOG_DIR = Path.of("target", "bench");
    private static final long TIMEOUT_MINUTES = 30;

    /** A benchmark: its SUMMARY name and main class. */
    private record Bench(String name, Class<?> main) {
    }

    /** One row of the table, read from a benchmark's SUMMARY figures. */
    private record Figure(String bench, String label, Function<Map<String, String>, String> value, String target,
                          Predicate<Map<String, String>> met) {
    }

    private static final List<Bench> BENCHES = List.of(
            new Bench("page-weight", PageWeight.class),
            new Bench("heap-per-session", HeapPerSession.class),
            new Bench("sign-in", SignInTime.class),
            new Bench("avatar-time", AvatarPreviewTime.class),
            new Bench("load", LoadTest.class));

    private static final List<Figure> FIGURES = List.of(
            new Figure("page-weight", "Page weight: sign-in page, first visit",
                    f -> String.format(Locale.ROOT, "%,d bytes, %s requests", number(f, "bytes").longValue(),
                            f.get("requests")),
                    "≤ 400 KB", f -> number(f, "bytes") <= 400_000),
            new Figure("heap-per-session", "Heap per signed-in session, profile open",
                    f -> String.format(Locale.ROOT, "%,d bytes (%s sessions)", number(f, "bytes").longValue(),
                            f.get("sessions")),
                    "≤ 100 KB", f -> number(f, "bytes") <= 100_000),
            new Figure("sign-in", "Sign-in server time (password step) vs bare Argon2id",
                    f -> String.format(Locale.ROOT, "median %s ms vs %s ms (%s ×); CPU %s ms vs %s ms (%s ×)",
                            f.get("server-ms"), f.get("argon2id-ms"), f.get("ratio"), f.get("server-cpu-ms"),
                            f.get("argon2id-cpu-ms"), f.get("cpu-ratio")),
                    "(for comparison)", null),
            new Figure("avatar-time", "Avatar: choosing a 12 MP JPEG to preview, vs sharp",
                    f -> String.format(Locale.ROOT, "%s ms vs %s ms (%s ×)", f.get("app-ms"), f.get("sharp-ms"),
                            f.get("ratio")),
                    "≤ 2 × sharp", f -> number(f, "ratio") <= 2),
            new Figure("load", "Load: p95 server round trip, 100 users",
                    f -> String.format(Locale.ROOT, "%s ms (p50 %s, p99 %s, max %s), %s errors in %s round trips",
                            f.get("p95-ms"), f.get("p50-ms"), f.get("p99-ms"), f.get("max-ms"), f.get("errors"),
                            f.get("requests")),
                    "≤ 50 ms, 0 errors", f -> number(f, "p95-ms") <= 50 && number(f, "errors") == 0),
            new Figure("load", "Load: app CPU per round trip (and MariaDB's)",
                    f -> String.format(Locale.ROOT, "%s ms (+ %s ms), %s statements", f.get("app-cpu-ms-per-request"),
                            f.get("db-cpu-ms-per-request"), f.get("db-statements-per-request")),
                    "(for comparison)", null));

    private Benchmarks() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> wanted = List.of(args);
        Path jar = ProductionJar.obtain();
        Files.createDirectories(LOG_DIR);
        String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String loadBefore = loadAverage();
        Map<String, Map<String, String>> summaries = new LinkedHashMap<>();
        for (Bench bench : BENCHES) {
            if (!wanted.isEmpty() && !wanted.contains(bench.name())) {
                continue;
            }
            summaries.put(bench.name(), run(bench, jar));
        }
        System.out.printf("%nBenchmarks of %s, started %s (load average before %s, after %s; %d cores)%n%n", jar
                .getFileName(), started, loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.println("| figure | value | target | met? |");
        System.out.println("|---|---|---|---|");
        for (Figure figure : FIGURES) {
            if (!summaries.containsKey(figure.bench())) {
                continue;
            }
            Map<String, String> summary = summaries.get(figure.bench());
            String value;
            String met;
            if (summary == null) {
                value = "failed (see " + LOG_DIR.resolve(figure.bench() + ".log") + ")";
                met = "–";
            } else {
                value = describe(figure, summary);
                met = figure.met() == null ? "–" : met(figure, summary);
            }
            System.out.printf("| %s | %s | %s | %s |%n", figure.label(), value, figure.target(), met);
        }
    }

    /** @return the benchmark's SUMMARY figures, or null when it printed none */
    private static Map<String, String> run(Bench bench, Path jar) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dpracticalcrm.deployment.jar=" + jar);
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench.") || name.startsWith("chromium.")
                        || name.startsWith("chromedriver."))
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), bench.main().getName()));
        Path log = LOG_DIR.resolve(bench.name() + ".log");
        System.out.printf("Running %s (output in %s) ...%n", bench.main().getSimpleName(), log);
        long began = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String summary = null;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = output.readLine()) != null) {
                file.println(line);
                if (line.startsWith("SUMMARY ")) {
                    summary = line;
                }
            }
        } catch (UncheckedIOException e) {
            System.out.println("  could not read its output: " + e.getMessage());
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
        System.out.printf("  %s after %d s: %s%n", process.isAlive() ? "stopped" : "exit " + process.exitValue(),
                seconds, summary == null ? "no SUMMARY line" : summary);
        return summary == null ? null : parse(summary, bench.name());
    }

    /** {@code SUMMARY name key=value key=value ...}; null when it names another benchmark. */
    static Map<String, String> parse(String line, String name) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2 || !parts[0].equals("SUMMARY") || !parts[1].equals(name)) {
            return null;
        }
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 2; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0) {
                figures.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
            }
        }
        return figures;
    }

    private static String describe(Figure figure, Map<String, String> summary) {
        try {
            return figure.value().apply(summary);
        } catch (RuntimeException e) {
            return "unreadable SUMMARY: " + summary;
        }
    }

    private static String met(Figure figure, Map<String, String> summary) {
        try {
            return figure.met().test(summary) ? "yes" : "no";
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static Double number(Map<String, String> figures, String key) {
        String value = figures.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return Double.parseDouble(value);
    }

    /** The machine's load averages (1, 5, 15 minutes), or "?". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
