package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Times the pipeline on worst-case uploads: a 12-megapixel (4000 × 3000) photo-like JPEG just under 2 MiB,
 * baseline and progressive, with noise over gradients so the encoder cannot compress it away. Not a test, since
 * timings depend on the machine; run it by hand, optionally with upload files of your own instead:
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * CP=target/test-classes:target/classes:$(./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * java -cp "$CP" com.practicalcrm.avatar.AvatarPipelineBenchmark [runs [upload files...]]
 * </pre>
 *
 * Target: every size of one upload in at most 1 s on two cores, with less than 200 MB of extra heap.
 */
final class AvatarPipelineBenchmark {

    private static final int WARM_UP_RUNS = 10;
    private static final int HEAP_RUNS = 5;

    private AvatarPipelineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        if (args.length > 1) {
            for (String file : Arrays.copyOfRange(args, 1, args.length)) {
                uploads.put(file, Files.readAllBytes(Path.of(file)));
            }
        } else {
            BufferedImage photo = noisyPhoto(4000, 3000);
            uploads.put("4000 × 3000 baseline JPEG", largestJpegUnderLimit(photo, false));
            uploads.put("4000 × 3000 progressive JPEG", largestJpegUnderLimit(photo, true));
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
            BufferedImage current = AvatarImageProcessor.uprightSquare(upload);
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

    /** Gradients in each channel under per-pixel noise, like a photo of a sharp, detailed scene. */
    private static BufferedImage noisyPhoto(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(13) - 6;
                int r = clamp(255 * x / width + noise);
                int g = clamp(255 * y / height + noise);
                int b = clamp(255 * (x + y) / (width + height) + random.nextInt(13) - 6);
                pixels[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return image;
    }

    /** The best JPEG quality, in steps of 0.05, whose file stays within the upload limit. */
    private static byte[] largestJpegUnderLimit(BufferedImage image, boolean progressive) {
        for (int percent = 95; percent >= 50; percent -= 5) {
            float quality = percent / 100f;
            byte[] jpeg = progressive ? TestImages.progressiveJpeg(image, quality) : TestImages.jpeg(image, quality);
            if (jpeg.length <= AvatarImageProcessor.MAX_UPLOAD_BYTES) {
                System.out.printf("%s JPEG at quality %.2f: %,d bytes%n",
                        progressive ? "Progressive" : "Baseline", quality, jpeg.length);
                return jpeg;
            }
        }
        throw new IllegalStateException("Could not encode the photo within the upload limit");
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

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
