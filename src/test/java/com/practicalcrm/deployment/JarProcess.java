package com.practicalcrm.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production jar as its own JVM process, configured only by environment variables (the test JVM's environment
 * is not passed on, apart from what any process needs), its output kept in {@code target/deployment/}.
 */
public final class JarProcess implements AutoCloseable {

    private static final Path LOG_DIR = Path.of("target", "deployment").toAbsolutePath();
    private static final List<String> JVM_OPTIONS = List.of(
            // Modest heap, as two instances and the tests share two cores; C1 only starts faster and changes
            // nothing that is tested here (no timing is checked).
            "-Xmx512m", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final Process process;
    private final int port;
    private final Path out;
    private final Path err;

    private JarProcess(String name, Process process, int port, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.out = out;
        this.err = err;
    }

    /** Starts the jar on {@code port} (set as {@code PORT}) with exactly these settings. */
    public static JarProcess start(Path jar, String name, int port, Map<String, String> settings) {
        return start(jar, name, port, settings, JVM_OPTIONS);
    }

    /** As {@link #start(Path, String, int, Map)}, with these JVM options (benchmarks want the full JIT). */
    public static JarProcess start(Path jar, String name, int port, Map<String, String> settings,
                                   List<String> jvmOptions) {
        try {
            Files.createDirectories(LOG_DIR);
            Path out = LOG_DIR.resolve(name + ".out.log");
            Path err = LOG_DIR.resolve(name + ".err.log");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(LOG_DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            for (String keep : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
                String value = System.getenv(keep);
                if (value != null) {
                    environment.put(keep, value);
                }
            }
            environment.put("PORT", Integer.toString(port));
            environment.putAll(settings);
            return new JarProcess(name, builder.start(), port, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The JVM's process id, e.g. for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /** Waits until the readiness probe answers 200, failing early when the process ends. */
    public JarProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with exit code " + process.exitValue() + " before it was"
                        + " ready:\n" + tail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                                URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new AssertionError(name + " was not ready within " + timeout.toSeconds() + " s:\n" + tail());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs after " + timeout.toSeconds() + " s:\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<String> stderrLines() {
        return read(err).lines().toList();
    }

    public String stdout() {
        return read(out);
    }

    private String tail() {
        String all = read(out) + read(err);
        return all.substring(Math.max(0, all.length() - 4000));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the process (and anything it started): a graceful stop first, then by force. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
