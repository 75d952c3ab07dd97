package com.practicalcrm.avatar;

import static com.practicalcrm.avatar.EncodedImages.assertShowsMarkedSquare;
import static com.practicalcrm.avatar.EncodedImages.decode;
import static com.practicalcrm.avatar.EncodedImages.jpegMarkers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * libjpeg-turbo encoding the JPEG squares through the FFM API: the choices ImageIO's writer makes (quantisation
 * tables of the same quality, 4:2:0, baseline, JFIF only), pixels within a step of ImageIO's, and ImageIO as the
 * fallback.
 */
class JpegEncoderTest {

    private static final int RGB = BufferedImage.TYPE_INT_RGB;

    private final JpegEncoder turbo = JpegEncoder.onThisMachine().orElseThrow(() -> new AssertionError(
            "libjpeg-turbo's TurboJPEG library is missing: apt-get install libturbojpeg0 (see the README)"));

    @Test
    void theLibraryThatDecodesAlsoEncodes() {
        assertThat(JpegDecoders.libjpegTurbo()).isInstanceOf(JpegEncoder.class);
    }

    @Test
    void encodesWithImageIosChoices() {
        BufferedImage photo = photoLike(256, 256);

        byte[] byTurbo = OutputFormat.JPEG.encode(photo, Optional.of(turbo));
        byte[] byImageIo = OutputFormat.JPEG.encode(photo);

        assertThat(byTurbo).isNotEqualTo(byImageIo);
        // Quality 85 in libjpeg, 0.85 in ImageIO: the same standard tables scaled by 0.3, ImageIO's JPEGQTable
        // rounding a few entries down where libjpeg's integer arithmetic rounds them up (10 for 11 of 64).
        List<int[]> turboTables = quantisationTables(byTurbo);
        List<int[]> imageIoTables = quantisationTables(byImageIo);
        assertThat(turboTables).as("quantisation tables").hasSize(2).hasSameSizeAs(imageIoTables);
        for (int table = 0; table < 2; table++) {
            for (int i = 0; i < 65; i++) {
                assertThat(turboTables.get(table)[i]).as("table %d, entry %d", table, i)
                        .isCloseTo(imageIoTables.get(table)[i], org.assertj.core.data.Offset.offset(1));
            }
        }
        assertThat(huffmanTables(byTurbo)).as("standard Huffman tables").hasSize(4)
                .isEqualTo(huffmanTables(byImageIo));
        assertThat(segments(byTurbo, 0xC0)).as("baseline frame: size, components and their sampling, 4:2:0")
                .isEqualTo(segments(byImageIo, 0xC0))
                .containsExactly(Arrays.toString(new int[] {8, 1, 0, 1, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1}));
        assertThat(jpegMarkers(byTurbo)).as("no metadata but JFIF")
                .noneMatch(marker -> marker >= 0xE1 && marker <= 0xEF || marker == 0xFE)
                .containsOnlyOnce(0xE0);
        BufferedImage fromTurbo = decode(byTurbo);
        BufferedImage fromImageIo = decode(byImageIo);
        assertSameQuality(photo, fromTurbo, fromImageIo);
    }

    @Test
    void encodesEverySizeAndKindOfPicture() {
        BufferedImage bgr = new BufferedImage(100, 100, BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(TestImages.marked(100, 100, RGB), 0, 0, null);
        BufferedImage part = TestImages.marked(300, 200, RGB).getSubimage(50, 0, 200, 200);

        for (BufferedImage picture : List.of(TestImages.marked(256, 256, RGB), TestImages.marked(63, 63, RGB),
                TestImages.marked(3, 1, RGB), bgr, part, TestImages.markedWithTransparentQuadrant(64, 64))) {
            BufferedImage decoded = decode(turbo.encode(picture, 85).orElseThrow());

            assertThat(decoded.getWidth()).isEqualTo(picture.getWidth());
            assertThat(decoded.getHeight()).isEqualTo(picture.getHeight());
            if (picture.getWidth() >= 32 && picture.getColorModel().getTransparency() == BufferedImage.OPAQUE) {
                assertShowsMarkedSquare(decoded);
                assertSameQuality(opaqueCopy(picture), decoded, decode(OutputFormat.JPEG.encode(opaqueCopy(picture))));
            }
        }
    }

    @Test
    void qualityOutsideLibjpegsScaleIsRefused() {
        BufferedImage picture = TestImages.marked(64, 64, RGB);

        assertThatThrownBy(() -> turbo.encode(picture, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JPEG quality must be 1-100, got 0");
        assertThatThrownBy(() -> turbo.encode(picture, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThat(OutputFormat.JPEG_QUALITY_PERCENT).isEqualTo(85);
    }

    @Test
    void processorEncodesWithTheLibraryWhenItHasItAndWithImageIoOtherwise() {
        byte[] upload = TestImages.jpeg(TestImages.marked(480, 320, RGB));
        BufferedImage large = AvatarImageProcessor.scaledDown(
                new AvatarImageProcessor().uprightSquare(upload), AvatarSize.LARGE);

        byte[] withLibrary = new AvatarImageProcessor().process(upload).image(AvatarSize.LARGE).bytes();
        byte[] withoutEncoder = new AvatarImageProcessor(Optional.of(JpegDecoders.libjpegTurbo()), Optional.empty())
                .process(upload).image(AvatarSize.LARGE).bytes();

        assertThat(withLibrary).isEqualTo(turbo.encode(large, 85).orElseThrow());
        assertThat(withoutEncoder).isEqualTo(OutputFormat.JPEG.encode(large));
        assertThat(OutputFormat.PNG.encode(TestImages.markedWithTransparentQuadrant(64, 64), Optional.of(turbo)))
                .as("PNGs stay ImageIO's").startsWith(0x89, 'P', 'N', 'G');
    }

    /** A picture with fine detail and smooth areas, so rounding differences of the encoders would show. */
    private static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(24);
                int r = Math.min(255, x + noise);
                int g = Math.min(255, y + noise / 2);
                int b = Math.min(255, (x + y) / 2 + (x / 16 + y / 16) % 2 * 40);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static BufferedImage opaqueCopy(BufferedImage picture) {
        BufferedImage copy = new BufferedImage(picture.getWidth(), picture.getHeight(), RGB);
        copy.createGraphics().drawImage(picture, 0, 0, null);
        return copy;
    }

    /** As far from the original as ImageIO's JPEG, on average, and on average less than a step from it. */
    private static void assertSameQuality(BufferedImage original, BufferedImage byTurbo, BufferedImage byImageIo) {
        double turboError = meanDifference(byTurbo, original);
        double imageIoError = meanDifference(byImageIo, original);
        assertThat(turboError).as("mean difference from the original, ImageIO's %.3f", imageIoError)
                .isLessThanOrEqualTo(imageIoError * 1.05 + 0.05);
        assertThat(meanDifference(byTurbo, byImageIo)).as("mean difference from ImageIO's").isLessThan(1);
    }

    /** Mean absolute difference of the red, green and blue values. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return (double) sum / (3L * a.getWidth() * a.getHeight());
    }

    /** The payloads of every segment with {@code marker} before the first scan, as unsigned bytes. */
    private static List<String> segments(byte[] jpeg, int marker) {
        return payloads(jpeg, marker).stream().map(payload -> Arrays.toString(unsigned(payload))).toList();
    }

    private static List<byte[]> payloads(byte[] jpeg, int marker) {
        List<byte[]> found = new ArrayList<>();
        int position = 2;
        while (position + 4 <= jpeg.length && (jpeg[position + 1] & 0xFF) != 0xDA) {
            int length = (jpeg[position + 2] & 0xFF) << 8 | jpeg[position + 3] & 0xFF;
            if ((jpeg[position + 1] & 0xFF) == marker) {
                found.add(Arrays.copyOfRange(jpeg, position + 4, position + 2 + length));
            }
            position += 2 + length;
        }
        return found;
    }

    /** Each quantisation table: its precision and number, then its 64 entries (8-bit tables only). */
    private static List<int[]> quantisationTables(byte[] jpeg) {
        List<int[]> tables = new ArrayList<>();
        for (byte[] payload : payloads(jpeg, 0xDB)) {
            for (int position = 0; position < payload.length; position += 65) {
                tables.add(unsigned(Arrays.copyOfRange(payload, position, position + 65)));
            }
        }
        tables.sort(java.util.Comparator.comparingInt(table -> table[0]));
        return tables;
    }

    /**
     * The Huffman tables, each with its class and number, sorted: one encoder may write them in one segment, the
     * other in several.
     */
    private static List<String> huffmanTables(byte[] jpeg) {
        List<String> tables = new ArrayList<>();
        for (byte[] payload : payloads(jpeg, 0xC4)) {
            int position = 0;
            while (position < payload.length) {
                int length = 1 + 16;
                for (int i = 1; i <= 16; i++) {
                    length += payload[position + i] & 0xFF;
                }
                tables.add(Arrays.toString(unsigned(Arrays.copyOfRange(payload, position, position + length))));
                position += length;
            }
        }
        tables.sort(null);
        return tables;
    }

    private static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }
}
