package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The smallest heap in which one upload can be processed, found by starting JVMs of fixed heap size (see
 * {@link AvatarPipelineBenchmark}). {@link #main} is the child: it processes one upload and exits with 0 if that
 * fitted.
 */
final class PeakHeap {

    private static final int LOWEST_MB = 4;
    private static final int HIGHEST_MB = 1024;
    private static final int OUT_OF_MEMORY = 3;
    private static final int REFUSED = 4;

    private PeakHeap() {
    }

    static void measure(Map<String, byte[]> uploads) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("avatar-peak-heap");
        try {
            System.out.printf("%s, %d cores, %s %s, %s; serial collector, heap to 1 MB%n", LocalDate.now(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), System.getProperty("os.name"));
            Path tiny = directory.resolve("tiny.png");
            Files.write(tiny, TestImages.png(TestImages.marked(16, 16, BufferedImage.TYPE_INT_RGB)));
            int baseline = smallestHeapMb(tiny);
            System.out.printf("JVM and classes with a 16-pixel PNG: %d MB%n%n", baseline);
            System.out.printf("%-52s %10s %10s %12s %12s%n", "upload", "bytes", "peak heap", "allocated", "native");
            int index = 0;
            for (Map.Entry<String, byte[]> upload : uploads.entrySet()) {
                Path file = directory.resolve("upload-" + index++);
                Files.write(file, upload.getValue());
                int heapMb = smallestHeapMb(file);
                String[] report = child(file, heapMb + 16).output().trim().split(" ");
                System.out.printf("%-52s %,10d %7d MB %9.1f MB %9.1f MB%n", upload.getKey(),
                        upload.getValue().length, heapMb - baseline, Long.parseLong(report[0]) / 1e6,
                        Long.parseLong(report[1]) / 1e6);
                Files.delete(file);
            }
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private static int smallestHeapMb(Path upload) throws IOException, InterruptedException {
        if (!child(upload, HIGHEST_MB).fitted()) {
            throw new IllegalStateException("Even " + HIGHEST_MB + " MB of heap are not enough for " + upload);
        }
        int fails = LOWEST_MB;
        int fits = HIGHEST_MB;
        while (fits - fails > 1) {
            int middle = (fails + fits) / 2;
            if (child(upload, middle).fitted()) {
                fits = middle;
            } else {
                fails = middle;
            }
        }
        return fits;
    }

    private record Outcome(boolean fitted, String output) {
    }

    private static Outcome child(Path upload, int heapMb) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m",
                "-XX:+UseSerialGC", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), PeakHeap.class.getName(), upload.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit == REFUSED) {
            throw new IllegalStateException("The pipeline refuses " + upload + ": " + output);
        }
        return new Outcome(exit == 0, output);
    }

    /** The child: processes one upload; prints the bytes it allocated and how much its resident memory grew. */
    public static void main(String[] args) throws IOException {
        // The upload's bytes count in the peak: the pipeline holds them while decoding.
        byte[] upload = Files.readAllBytes(Path.of(args[0]));
        AvatarImageProcessor processor = new AvatarImageProcessor();
        try {
            // Loads the classes every upload needs, so that the baseline holds them too.
            processor.process(TestImages.png(TestImages.marked(16, 16, BufferedImage.TYPE_INT_RGB)));
            System.gc();
            Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets the resident high-water mark
            long residentBefore = status("VmRSS:");
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            processor.process(upload);
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.println(allocated + " " + (status("VmHWM:") - residentBefore));
        } catch (OutOfMemoryError e) {
            System.exit(OUT_OF_MEMORY);
        } catch (AvatarRejectedException e) {
            System.out.println(e.getMessage());
            System.exit(REFUSED);
        }
    }

    /** A "kB" line of /proc/self/status, in bytes. */
    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024;
            }
        }
        throw new IllegalStateException("No " + field + " in /proc/self/status");
    }
}
