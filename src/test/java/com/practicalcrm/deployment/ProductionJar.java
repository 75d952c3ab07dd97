package com.practicalcrm.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The production jar, built as the README says ({@code ./mvnw -Pproduction -DskipTests package}) from a copy of the
 * sources in {@code target/deployment-build}. A copy, because a production build in the project itself would
 * replace {@code target/classes} (production-mode flags, Vaadin's build info) under the other tests of the same
 * {@code ./mvnw verify}. The copy holds exactly the files a commit would hold: {@code git ls-files} (tracked and
 * new files, without the ignored build output). Set {@code -Dpracticalcrm.deployment.jar=path} to use a jar that
 * was built already (for repeated runs by hand).
 */
public final class ProductionJar {

    static final String JAR_PROPERTY = "practicalcrm.deployment.jar";
    private static final Path BUILD_DIR = Path.of("target", "deployment-build").toAbsolutePath();
    private static Path built;

    private ProductionJar() {
    }

    public static synchronized Path obtain() {
        if (built != null) {
            return built;
        }
        String given = System.getProperty(JAR_PROPERTY, "");
        if (!given.isBlank()) {
            built = Path.of(given).toAbsolutePath();
            if (!Files.isRegularFile(built)) {
                throw new IllegalStateException(JAR_PROPERTY + " names no file: " + built);
            }
            return built;
        }
        built = build();
        return built;
    }

    private static Path build() {
        long started = System.nanoTime();
        Path project = Path.of("").toAbsolutePath();
        try {
            deleteRecursively(BUILD_DIR);
            Files.createDirectories(BUILD_DIR);
            for (String file : sourceFiles(project)) {
                Path from = project.resolve(file);
                if (Files.isRegularFile(from)) {
                    Path to = BUILD_DIR.resolve(file);
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Path log = BUILD_DIR.resolveSibling("deployment-build.log");
            List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-Pproduction", "-DskipTests", "package"));
            String repository = System.getProperty("maven.repo.local");
            if (repository != null && !repository.isBlank()) {
                command.add("-Dmaven.repo.local=" + repository);
            }
            Process maven = new ProcessBuilder(command).directory(BUILD_DIR.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!maven.waitFor(10, TimeUnit.MINUTES)) {
                maven.descendants().forEach(ProcessHandle::destroyForcibly);
                maven.destroyForcibly();
                throw new IllegalStateException("The production build took more than 10 minutes; see " + log);
            }
            if (maven.exitValue() != 0) {
                throw new IllegalStateException("The production build failed (exit " + maven.exitValue() + "); see "
                        + log);
            }
            try (Stream<Path> jars = Files.list(BUILD_DIR.resolve("target"))) {
                Path jar = jars.filter(p -> p.getFileName().toString().matches("practicalcrm-.*\\.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("No jar in " + BUILD_DIR));
                System.out.printf("Production jar built in %d s: %s (%d MB)%n",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), jar, Files.size(jar) >> 20);
                return jar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tracked and new files, as {@code git ls-files} lists them (ignored build output left out). */
    private static List<String> sourceFiles(Path project) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(project.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] listing = git.getInputStream().readAllBytes();
        if (git.waitFor() != 0) {
            throw new IllegalStateException("git ls-files failed in " + project + ": the deployment test copies the"
                    + " sources of a git checkout");
        }
        return Stream.of(new String(listing, StandardCharsets.UTF_8).split("\0"))
                .filter(name -> !name.isEmpty()).toList();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
