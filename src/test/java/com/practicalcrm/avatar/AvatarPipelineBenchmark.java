package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Times the pipeline and measures its heap on the worst uploads it accepts: for each format the largest pixel count
 * its limit allows, compressed to fit 2 MiB (JPEG baseline and progressive, PNG, GIF, WebP lossy, lossy with
 * transparency, and lossless). Photo-like pictures have noise over gradients so the encoders cannot compress them
 * away; where that would not fit 2 MiB at the limit, the noise is turned down. The files are generated here; the
 * WebP ones with {@code cwebp} (Debian package {@code webp}), and skipped without it. Not a test, since timings and
 * heap depend on the machine and JVM; run it by hand, optionally with upload files of your own instead:
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * CP=target/test-classes:target/classes:$(./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * java -cp "$CP" com.practicalcrm.avatar.AvatarPipelineBenchmark [runs [upload files...]]
 * java -cp "$CP" com.practicalcrm.avatar.AvatarPipelineBenchmark heap [upload files...]
 * </pre>
 *
 * The first form times each upload and estimates its heap in this JVM (bytes allocated, and used heap sampled every
 * 0.2 ms, which counts garbage too). The second form measures the peak heap exactly: for each upload it starts
 * JVMs with a fixed heap ({@code -Xms = -Xmx}, serial collector, which compacts fully before it gives up) and
 * finds by bisection the smallest heap, to 1 MB, in which {@code process} of that one upload succeeds; the same
 * for a 16-pixel PNG gives what the JVM and the loaded classes need, and the difference is the upload's peak heap,
 * its 2 MiB of bytes included. Each child also reports the growth of its resident memory during the upload (the
 * heap is pre-touched, so this is native memory, e.g. libjpeg's buffers).
 *
 * Targets: every size of one upload in at most 1 s on two cores, and less than 64 MB of heap for any upload.
 */
final class AvatarPipelineBenchmark {

    private static final int WARM_UP_RUNS = 10;
    private static final int HEAP_RUNS = 5;

    private AvatarPipelineBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean heap = args.length > 0 && args[0].equals("heap");
        int firstFile = heap ? 1 : 2;
        int runs = !heap && args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        if (args.length > firstFile) {
            for (String file : Arrays.copyOfRange(args, firstFile, args.length)) {
                uploads.put(file, Files.readAllBytes(Path.of(file)));
            }
        } else {
            uploads.putAll(WorstUploads.generate());
        }
        if (heap) {
            PeakHeap.measure(uploads);
            return;
        }
        System.out.printf("%d runs after %d warm-up runs; max heap %d MB%n",
                runs, WARM_UP_RUNS, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        uploads.forEach((name, upload) -> measure(name, upload, runs));
    }

    private static void measure(String name, byte[] upload, int runs) {
        System.out.printf("%n%s, %,d bytes (limit %,d)%n", name, upload.length, AvatarImageProcessor.MAX_UPLOAD_BYTES);
        AvatarImageProcessor processor = new AvatarImageProcessor();
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            processor.process(upload);
        }
        long[] whole = new long[runs];
        long[] decoding = new long[runs];
        long[][] perSize = new long[AvatarSize.values().length][runs];
        int decodedSide = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            processor.process(upload);
            whole[run] = System.nanoTime() - start;

            // The same steps one at a time: decoding once, then scaling and encoding for each size.
            start = System.nanoTime();
            BufferedImage current = processor.uprightSquare(upload);
            decoding[run] = System.nanoTime() - start;
            decodedSide = current.getWidth();
            OutputFormat output = OutputFormat.suitedTo(current);
            for (AvatarSize size : AvatarSize.values()) {
                start = System.nanoTime();
                current = AvatarImageProcessor.scaledDown(current, size);
                output.encode(current);
                perSize[size.ordinal()][run] = System.nanoTime() - start;
            }
        }
        report("whole upload, all sizes", whole);
        report("  decode + orient (square " + decodedSide + " px)", decoding);
        for (AvatarSize size : AvatarSize.values()) {
            report("  scale + encode " + size + " " + size.pixels() + " px", perSize[size.ordinal()]);
        }
        System.out.printf("  allocated per upload %.1f MB; peak extra heap %.1f MB (max of %d)%n",
                allocatedPerUpload(processor, upload) / 1e6, peakExtraHeap(processor, upload) / 1e6, HEAP_RUNS);
    }

    private static long allocatedPerUpload(AvatarImageProcessor processor, byte[] upload) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        processor.process(upload);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /**
     * Heap in use at its highest during one upload, above what was in use after a full collection before it,
     * sampled every 0.2 ms. Garbage counts too, so this is an upper bound of what the upload really needs.
     */
    private static long peakExtraHeap(AvatarImageProcessor processor, byte[] upload) {
        long worst = 0;
        for (int i = 0; i < HEAP_RUNS; i++) {
            System.gc();
            long baseline = usedHeap();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean uploading = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (uploading.get()) {
                    peak.accumulateAndGet(usedHeap(), Math::max);
                    LockSupport.parkNanos(200_000);
                }
            });
            processor.process(upload);
            peak.accumulateAndGet(usedHeap(), Math::max);
            uploading.set(false);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            worst = Math.max(worst, peak.get() - baseline);
        }
        return worst;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void report(String label, long[] nanos) {
        System.out.printf("%-40s mean %7.1f ms   max %7.1f ms%n", label,
                Arrays.stream(nanos).average().orElseThrow() / 1e6, Arrays.stream(nanos).max().orElseThrow() / 1e6);
    }
}
