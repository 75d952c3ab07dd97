package com.practicalcrm.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.practicalcrm.deployment.Chromium;
import com.practicalcrm.deployment.DeploymentEnvironment;
import com.practicalcrm.deployment.JarProcess;
import com.practicalcrm.deployment.ProductionJar;

/**
 * Avatar time, side by side with libvips: on the same 12-megapixel, 1.9 MB JPEG (generated: gradients under noise,
 * like a detailed photo), how long Edit Profile takes from choosing the file to showing the preview, in Chromium
 * against the production jar, and how long sharp (libvips for Node, from npm) takes for the same work: read the
 * file, decode, apply the EXIF orientation, crop the centred square, scale to 256 px and encode it, then 64 px
 * from that. Not a test, since timings depend on the machine; run it by hand (it installs sharp with npm into
 * {@code target/bench/sharp} the first time):
 *
 * <pre>
 * ./mvnw -q test-compile
 * CP=target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * java -cp "$CP" com.practicalcrm.bench.AvatarPreviewTime [runs]      # builds the production jar first
 * java -Dpracticalcrm.deployment.jar=target/practicalcrm-0.1.0-SNAPSHOT.jar -cp "$CP" com.practicalcrm.bench.AvatarPreviewTime
 * </pre>
 *
 * In the browser the clock starts at the file input's {@code change} event and stops when the preview's image is
 * decoded ({@code img.decode()}), so the upload, the server's work, any round trip before the preview shows and
 * the image all count (the upload's answer is the preview itself; the UI answer after it is not waited for).
 * Both sides run 30 warm-up runs first ({@code -Dbench.avatarWarmUpRuns}) and report the median; before them the app
 * serves other users' navigation for a few minutes ({@link #SERVER_WARM_UP_ROUNDS}), so that the request path is
 * compiled as on a server that has been up for a while. The jar gets the JIT it has in
 * production (the deployment test's C1-only option is left out). Target: the browser at most twice sharp's time.
 * It also prints where the time goes: the browser's resource timing of the upload request and of the UI round trip
 * after it, and the app's own timing of each upload (its avatar package logs it at debug level, switched on here).
 * Before the upload's answer carried the preview, its clock ran until the UI answer had brought it.
 * The last line is {@code SUMMARY avatar-time app-ms=… sharp-ms=… ratio=… runs=…}.
 */
final class AvatarPreviewTime {

    private static final int WARM_UP_RUNS = Integer.getInteger("bench.avatarWarmUpRuns", 30);

    /**
     * Before the browser's runs, the app serves {@value #SERVER_WARM_UP_USERS} users' navigation for this many rounds (about two
     * minutes; {@link LoadTest#warmUp}; {@code -Dbench.serverWarmUpRounds}, 0 for none): the request path every upload shares
     * with other requests (Tomcat, Spring Security's filters, the session checks, Vaadin's request handling) is then
     * compiled as on a server that has been up for a while, not interpreted as in a JVM that just started.
     */
    private static final int SERVER_WARM_UP_ROUNDS = Integer.getInteger("bench.serverWarmUpRounds", 60);
    private static final int SERVER_WARM_UP_USERS = 40;
    private static final String SHARP_VERSION = "0.34.5";
    private static final Path WORK = Path.of("target", "bench").toAbsolutePath();
    private static final Path LOG = Path.of("target", "deployment", "avatar-preview-time.out.log").toAbsolutePath();

    /**
     * Where the time of one run went, from the browser's resource timing (ms after the file was chosen): the upload
     * request's start and end, then the UI round trip that follows it (Vaadin's answer with the preview).
     */
    private static final String TIMELINE = """
            const b = window.avatarBench;
            const entries = performance.getEntriesByType('resource').filter(e => e.startTime >= b.start - 1);
            const upload = entries.find(e => e.name.includes('/VAADIN/dynamic/'));
            const after = entries.filter(e => e.name.includes('v-r=uidl') && upload
                && e.startTime >= upload.responseEnd - 1);
            const ui = after.length ? after[after.length - 1] : null;
            return [upload ? upload.startTime - b.start : -1, upload ? upload.responseEnd - b.start : -1,
                ui ? ui.startTime - b.start : -1, ui ? ui.responseEnd - b.start : -1, b.end - b.start,
                entries.filter(e => e.name.includes('v-r=uidl')).length];
            """;

    /** The app's own timing of each upload (debug log of the avatar package). */
    private static final Pattern SLOT_LINE = Pattern.compile(
            "slot after ([0-9.]+) ms, body of [0-9]+ bytes read in ([0-9.]+) ms, processed in ([0-9.]+) ms "
                    + "\\(([0-9.]+) ms of CPU\\)");
    private static final Pattern PICTURE_LINE = Pattern.compile(
            "decoded and turned upright in ([0-9.]+) ms \\(square of [0-9]+ px\\), scaled and encoded in ([0-9.]+) ms");

    private static final String HOOK = """
            const upload = document.querySelector('vaadin-upload');
            const input = (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'))
                || upload.querySelector('input[type=file]');
            const avatar = document.querySelector('vaadin-avatar.profile-avatar');
            const bench = window.avatarBench = {start: 0, end: 0, error: null};
            input.addEventListener('change', () => { bench.start = performance.now(); }, {capture: true});
            let proto = Object.getPrototypeOf(avatar), property;
            while (proto && !(property = Object.getOwnPropertyDescriptor(proto, 'img'))) {
              proto = Object.getPrototypeOf(proto);
            }
            Object.defineProperty(avatar, 'img', {
              configurable: true,
              get() { return property.get.call(this); },
              set(value) {
                property.set.call(this, value);
                if (!value || !bench.start || bench.end) return;
                Promise.resolve(avatar.updateComplete).then(() => {
                  const img = avatar.shadowRoot.querySelector('img');
                  return img.decode();
                }).then(() => { bench.end = performance.now(); }, e => { bench.error = String(e); });
              }
            });
            return input;
            """;

    private AvatarPreviewTime() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Files.createDirectories(WORK);
        Path photo = WORK.resolve("photo-12mp.jpg");
        Files.write(photo, photo(4000, 3000));
        System.out.printf("Photo: 4000 × 3000 JPEG, %,d bytes (%s)%n", Files.size(photo), photo);

        Path jar = ProductionJar.obtain();
        int port = JarProcess.freePort();
        String summary;
        try (DeploymentEnvironment environment = DeploymentEnvironment.start()) {
            Map<String, String> settings = new LinkedHashMap<>(environment.settings(port));
            settings.put("LOGGING_LEVEL_COM_PRACTICALCRM_AVATAR", "DEBUG"); // the app's timing of each upload
            try (JarProcess app = JarProcess.start(jar, "avatar-preview-time", port, settings, List.of("-Xmx512m"));
                 Sharp sharp = Sharp.start(photo)) {
                app.awaitReady(Duration.ofMinutes(3));
                String email = BenchAccounts.create(environment, "avatar", 1).getFirst();
                if (SERVER_WARM_UP_ROUNDS > 0) {
                    LoadTest.warmUp(environment, port, app.pid(), SERVER_WARM_UP_USERS, SERVER_WARM_UP_ROUNDS);
                }
                summary = measure(app.baseUrl(), email, photo, runs, sharp, LOG);
            }
        }
        // After the app and the database have stopped, so that it comes after their log lines.
        System.out.println(summary);
    }

    /**
     * One sharp run, then one browser run, and so on: both see the same load on the machine (other processes
     * share its two cores), so their ratio holds even when the absolute times do not.
     */
    /** @return the SUMMARY line */
    private static String measure(String base, String email, Path photo, int runs, Sharp sharp, Path log)
            throws IOException {
        WebDriver browser = Chromium.start(false);
        try {
            JavascriptExecutor js = (JavascriptExecutor) browser;
            browser.get(base + "/login");
            Chromium.waitForVaadin(browser);
            waitFor(browser, "input[name=username]").sendKeys(email);
            waitFor(browser, "input[name=password]").sendKeys(BenchAccounts.PASSWORD + "\n");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
            double[] times = new double[runs];
            double[] sharpTimes = new double[runs];
            double[][] timelines = new double[runs][];
            double[][] server = new double[runs][];
            for (int run = -WARM_UP_RUNS; run < runs; run++) {
                double sharpMillis = sharp.once();
                browser.get(base + "/profile/edit");
                Chromium.waitForVaadin(browser);
                WebElement input = (WebElement) js.executeScript(HOOK);
                long logBefore = Files.size(log);
                input.sendKeys(photo.toString());
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> js.executeScript(
                        "const b = window.avatarBench; if (b.error) throw new Error(b.error); return b.end > 0;"));
                double millis = ((Number) js.executeScript(
                        "return window.avatarBench.end - window.avatarBench.start;")).doubleValue();
                // The UI answer that follows (the note under the picture) is not timed, but shown in the breakdown.
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> js.executeScript(
                        "const n = document.querySelector('.picture-note'); return n && n.textContent.length > 0;"));
                if (run >= 0) {
                    times[run] = millis;
                    sharpTimes[run] = sharpMillis;
                    timelines[run] = ((List<?>) js.executeScript(TIMELINE)).stream()
                            .mapToDouble(n -> ((Number) n).doubleValue()).toArray();
                    server[run] = serverTiming(log, logBefore);
                }
            }
            double sharpMedian = report("sharp", sharpTimes);
            double browserMedian = report("Chromium", times);
            breakdown(timelines, server);
            System.out.printf("%nsharp %s (libvips), read + decode + square + 256 px + 64 px: median %6.1f ms%n",
                    SHARP_VERSION, sharpMedian);
            System.out.printf("Edit Profile in Chromium, choosing the file to the preview shown: median %6.1f ms "
                    + "(%.1f × sharp; target at most 2 ×)%n", browserMedian, browserMedian / sharpMedian);
            double[] sharpCpu = sharp.cpuMillis.stream().skip(WARM_UP_RUNS).mapToDouble(Double::doubleValue)
                    .sorted().toArray();
            System.out.printf("sharp's CPU time per run (all its threads): median %6.1f ms; compare the app's CPU time "
                    + "of decode, scale and encode above: unlike elapsed times, neither depends on other load%n",
                    sharpCpu[sharpCpu.length / 2]);
            return String.format(Locale.ROOT, "SUMMARY avatar-time app-ms=%.0f sharp-ms=%.0f ratio=%.1f runs=%d",
                    browserMedian, sharpMedian, browserMedian / sharpMedian, runs);
        } finally {
            browser.quit();
        }
    }

    /**
     * The app's debug lines of one upload, written after {@code from}: slot wait, body read, decode, scale and
     * encode (ms; -1 when the line is missing).
     */
    private static double[] serverTiming(Path log, long from) throws IOException {
        double[] timing = {-1, -1, -1, -1, -1, -1};
        for (int attempt = 0; attempt < 100 && timing[0] < 0; attempt++) {
            String written;
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(from);
                written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher slot = SLOT_LINE.matcher(written);
            Matcher picture = PICTURE_LINE.matcher(written);
            if (slot.find() && picture.find()) {
                timing = new double[] {Double.parseDouble(slot.group(1)), Double.parseDouble(slot.group(2)),
                        Double.parseDouble(picture.group(1)), Double.parseDouble(picture.group(2)),
                        Double.parseDouble(slot.group(3)), Double.parseDouble(slot.group(4))};
            } else {
                sleepBriefly(); // the log may not be flushed yet
            }
        }
        if (timing[0] < 0) {
            System.out.printf("(no timing lines of the app in %s after byte %d)%n", log, from);
        }
        return timing;
    }

    /** Medians of each part of a run, browser and server side, in the order they happen. */
    private static void breakdown(double[][] timelines, double[][] server) {
        System.out.println("\nWhere the time goes (medians over the runs, ms):");
        System.out.printf("  file chosen -> upload request starts            %6.1f%n",
                median(timelines, t -> t[0]));
        System.out.printf("  upload request (sending 1.9 MB + server + answer) %6.1f%n",
                median(timelines, t -> t[1] - t[0]));
        System.out.printf("    server: waiting for a processing slot         %6.1f%n", median(server, t -> t[0]));
        System.out.printf("    server: reading the body as it arrives        %6.1f%n", median(server, t -> t[1]));
        System.out.printf("    server: decode + EXIF orientation + square    %6.1f%n", median(server, t -> t[2]));
        System.out.printf("    server: scale + encode 256 px (64 px: after)  %6.1f%n", median(server, t -> t[3]));
        System.out.printf("    server: CPU time of decode, scale and encode  %6.1f%n", median(server, t -> t[5]));
        System.out.printf("  upload answered -> preview decoded and shown   %6.1f  (the upload's answer is the preview)%n",
                median(timelines, t -> t[4] - t[1]));
        System.out.printf("  then, not waited for: upload answered -> UI request starts %6.1f, UI round trip %6.1f%n",
                median(timelines, t -> t[2] - t[1]), median(timelines, t -> t[3] - t[2]));
        System.out.printf("  UI requests per run (including the one at upload start) %.0f%n",
                median(timelines, t -> t[5]));
    }

    private static double median(double[][] rows, ToDoubleFunction<double[]> part) {
        double[] values = Arrays.stream(rows).mapToDouble(part).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WebElement waitFor(WebDriver browser, String selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> (WebElement) ((JavascriptExecutor) d)
                .executeScript("return document.querySelector(arguments[0]);", selector));
    }

    /** A Node process with sharp, timing one run each time it reads a line. */
    private static final class Sharp implements AutoCloseable {

        private final Process process;
        private final java.io.BufferedReader answers;
        private final java.io.Writer requests;
        /** CPU time of each run (all of sharp's threads), the load-independent side of the comparison. */
        final List<Double> cpuMillis = new ArrayList<>();

        private Sharp(Process process) {
            this.process = process;
            this.answers = process.inputReader(StandardCharsets.UTF_8);
            this.requests = process.outputWriter(StandardCharsets.UTF_8);
        }

        static Sharp start(Path photo) throws IOException, InterruptedException {
            Path dir = WORK.resolve("sharp");
            Files.createDirectories(dir);
            if (!Files.isDirectory(dir.resolve("node_modules").resolve("sharp"))) {
                run(dir, "npm", "install", "--no-audit", "--no-fund", "--no-save", "sharp@" + SHARP_VERSION);
            }
            Path script = dir.resolve("avatar-crops.cjs");
            Files.writeString(script, """
                    const sharp = require('sharp');
                    const fs = require('fs');
                    const file = process.argv[2];
                    async function once() {
                      const started = process.hrtime.bigint();
                      const cpu = process.cpuUsage();
                      const upload = await fs.promises.readFile(file);
                      // rotate() without arguments applies the EXIF orientation; cover crops the centred square.
                      const large = await sharp(upload).rotate().resize(256, 256, {fit: 'cover'})
                          .jpeg({quality: 85}).toBuffer();
                      await sharp(large).resize(64, 64).jpeg({quality: 85}).toBuffer();
                      const used = process.cpuUsage(cpu);
                      return Number(process.hrtime.bigint() - started) / 1e6 + ' ' + (used.user + used.system) / 1e3;
                    }
                    require('readline').createInterface({input: process.stdin})
                        .on('line', async () => console.log(await once()));
                    """);
            Process process = new ProcessBuilder("node", script.toString(), photo.toString()).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Sharp(process);
        }

        double once() throws IOException {
            requests.write("run\n");
            requests.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("sharp's Node process ended");
            }
            String[] wallAndCpu = line.trim().split(" ");
            cpuMillis.add(Double.parseDouble(wallAndCpu[1]));
            return Double.parseDouble(wallAndCpu[0]);
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private static double report(String label, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf("%-9s runs (ms): %s%n", label, Arrays.toString(Arrays.stream(times)
                .map(t -> Math.round(t * 10) / 10.0).toArray()));
        return median;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /**
     * A photo-like JPEG of about 1.9 MB: gradients under per-pixel noise, at the best quality (in steps of 0.01)
     * whose file stays under 1.95 MB.
     */
    static byte[] photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(12);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(255 * x / width + random.nextInt(19) - 9);
                int g = clamp(255 * y / height + random.nextInt(19) - 9);
                int b = clamp(255 * (x + y) / (width + height) + random.nextInt(19) - 9);
                pixels[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        List<byte[]> tried = new ArrayList<>();
        for (int percent = 98; percent >= 30; percent--) {
            byte[] jpeg = jpeg(image, percent / 100f);
            tried.add(jpeg);
            if (jpeg.length <= 1_950_000) {
                return jpeg;
            }
        }
        return tried.getLast();
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
