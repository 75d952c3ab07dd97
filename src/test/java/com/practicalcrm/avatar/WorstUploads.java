package com.practicalcrm.avatar;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The worst upload the pipeline accepts in each format, for {@link AvatarPipelineBenchmark}: the largest pixel
 * count the format's limit allows, in a file of at most 2 MiB. Generated on each run, never committed.
 */
final class WorstUploads {

    private static final int MAX = AvatarImageProcessor.MAX_UPLOAD_BYTES;

    private WorstUploads() {
    }

    static Map<String, byte[]> generate() throws IOException, InterruptedException {
        // The largest picture of the general limit: 8192 × 4882 = 39,993,344 pixels.
        int width = CentredSquareDecoder.MAX_SIDE;
        int height = (int) (CentredSquareDecoder.MAX_PIXELS / width);
        // The largest 2:1 picture of the whole-WebP limit: 4000 × 2000 = 8 megapixels.
        int wholeWebPWidth = 4000;
        int wholeWebPHeight = (int) (CentredSquareDecoder.MAX_WHOLE_WEBP_PIXELS / wholeWebPWidth);
        Map<String, byte[]> uploads = new LinkedHashMap<>();

        BufferedImage photo12 = photo(4000, 3000, 6, false);
        uploads.put("4000 × 3000 baseline JPEG (12 MP phone photo)", largestJpeg(photo12, false));
        uploads.put("4000 × 3000 progressive JPEG", largestJpeg(photo12, true));
        photo12 = null;

        String size = width + " × " + height;
        BufferedImage photo40 = photo(width, height, 6, false);
        uploads.put(size + " baseline JPEG", largestJpeg(photo40, false));
        uploads.put(size + " progressive JPEG", largestJpeg(photo40, true));
        // 2 MiB of lossless data over 40 MP leave well under half a bit a pixel: even smooth gradients take 5 MB
        // as PNG, so these are flat areas of 5 colours. What these decoders allocate does not depend on the content.
        uploads.put(size + " PNG, 5 colours", fitting(TestImages.png(
                TestImages.marked(width, height, BufferedImage.TYPE_INT_RGB))));
        uploads.put(size + " GIF, 5 colours", fitting(TestImages.gif(TestImages.paletteMarked(width, height, false))));
        if (cwebpAvailable()) {
            uploads.put(size + " WebP lossy", cwebpLossyFitting(photo40));
            photo40 = null;
            String wholeSize = wholeWebPWidth + " × " + wholeWebPHeight;
            uploads.put(wholeSize + " WebP lossy with transparency",
                    cwebpLossyFitting(photo(wholeWebPWidth, wholeWebPHeight, 6, true)));
            uploads.put(wholeSize + " WebP lossless, smooth gradients",
                    fitting(cwebp(photo(wholeWebPWidth, wholeWebPHeight, 0, false), List.of("-lossless", "-m", "1"))));
        } else {
            System.out.println("cwebp not found (Debian package webp): the WebP uploads are left out");
        }
        return uploads;
    }

    /**
     * Gradients in each channel under per-pixel noise of up to ± {@code noise}, like a photo of a sharp, detailed
     * scene; with {@code alpha}, transparency grows from top to bottom.
     */
    static BufferedImage photo(int width, int height, int noise, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            int a = alpha ? 255 - 255 * y / height : 255;
            for (int x = 0; x < width; x++) {
                int r = clamp((int) (255L * x / width) + noise(random, noise));
                int g = clamp((int) (255L * y / height) + noise(random, noise));
                int b = clamp((int) (255L * (x + y) / (width + height)) + noise(random, noise));
                pixels[y * width + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return image;
    }

    /** The best JPEG quality, in steps of 0.05, whose file stays within the upload limit. */
    private static byte[] largestJpeg(BufferedImage image, boolean progressive) {
        for (int percent = 95; percent >= 5; percent -= 5) {
            float quality = percent / 100f;
            byte[] jpeg = progressive ? TestImages.progressiveJpeg(image, quality) : TestImages.jpeg(image, quality);
            if (jpeg.length <= MAX) {
                System.out.printf("%d × %d %s JPEG at quality %.2f: %,d bytes%n", image.getWidth(),
                        image.getHeight(), progressive ? "progressive" : "baseline", quality, jpeg.length);
                return jpeg;
            }
        }
        throw new IllegalStateException("Could not encode the photo as JPEG within the upload limit");
    }

    private static byte[] cwebpLossyFitting(BufferedImage image) throws IOException, InterruptedException {
        for (int quality : new int[] {90, 75, 50, 25, 10, 0}) {
            byte[] webp = cwebp(image, List.of("-q", Integer.toString(quality), "-m", "2"));
            if (webp.length <= MAX) {
                System.out.printf("%d × %d WebP lossy%s at quality %d: %,d bytes%n", image.getWidth(),
                        image.getHeight(), image.getColorModel().hasAlpha() ? " with alpha" : "", quality,
                        webp.length);
                return webp;
            }
        }
        throw new IllegalStateException("Could not encode the photo as WebP within the upload limit");
    }

    private static byte[] fitting(byte[] file) {
        if (file.length > MAX) {
            throw new IllegalStateException("Generated upload of " + file.length + " bytes is over the limit");
        }
        return file;
    }

    private static boolean cwebpAvailable() {
        try {
            return new ProcessBuilder("cwebp", "-version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static byte[] cwebp(BufferedImage image, List<String> options) throws IOException, InterruptedException {
        Path png = Files.createTempFile("avatar-benchmark", ".png");
        Path webp = Files.createTempFile("avatar-benchmark", ".webp");
        try {
            Files.write(png, TestImages.png(image));
            List<String> command = Stream.concat(Stream.concat(Stream.of("cwebp", "-quiet", "-mt"),
                    options.stream()), Stream.of(png.toString(), "-o", webp.toString())).toList();
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IOException("cwebp failed: " + command);
            }
            return Files.readAllBytes(webp);
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(webp);
        }
    }

    private static int noise(Random random, int amplitude) {
        return amplitude == 0 ? 0 : random.nextInt(2 * amplitude + 1) - amplitude;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
