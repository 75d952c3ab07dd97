package com.practicalcrm.avatar;

import static com.practicalcrm.avatar.EncodedImages.assertMarkedAvatar;
import static com.practicalcrm.avatar.TestImages.Quadrant.BOTTOM_LEFT;
import static com.practicalcrm.avatar.TestImages.Quadrant.BOTTOM_RIGHT;
import static com.practicalcrm.avatar.TestImages.Quadrant.TOP_LEFT;
import static com.practicalcrm.avatar.TestImages.Quadrant.TOP_RIGHT;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.practicalcrm.avatar.TestImages.Quadrant;

/**
 * Large JPEGs are decoded at one eighth from their DC coefficients: the result must be what the full decoder sees,
 * averaged over 8 × 8 blocks, for every kind of JPEG the fast path accepts; everything else goes to the full decoder.
 */
class EighthScaleJpegDecoderTest {

    /**
     * 2560 × 2048: the smallest squares that take the fast path are 2048 px a side (256 px at one eighth), and this
     * one starts on a block boundary (x = 256), so the full decoder's blocks can be averaged for comparison.
     */
    private static final int WIDTH = 2560;
    private static final int HEIGHT = 2048;
    private static BufferedImage photo;

    @BeforeAll
    static void photo() {
        // Gradients under noise: every block has AC coefficients, as in a real photo.
        photo = WorstUploads.photo(WIDTH, HEIGHT, 12, false);
    }

    @Test
    void baselineJpegBecomesTheBlockAveragesOfItsCentredSquare() {
        assertBlockAverages(TestImages.jpeg(photo, 0.9f));
    }

    @Test
    void progressiveJpegBecomesTheBlockAveragesOfItsCentredSquare() {
        assertBlockAverages(TestImages.progressiveJpeg(photo, 0.9f));
    }

    @Test
    void jpegWithRestartIntervalsBecomesTheBlockAveragesOfItsCentredSquare() {
        byte[] jpeg = jpegWithRestartInterval(photo, 7);
        assertThat(EncodedImages.jpegMarkers(jpeg)).as("fixture has a DRI segment").contains(0xDD);

        assertBlockAverages(jpeg);
    }

    @Test
    void greyscaleJpegBecomesTheBlockAveragesOfItsCentredSquare() {
        BufferedImage grey = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(photo, 0, 0, null);

        assertBlockAverages(TestImages.jpeg(grey, 0.9f));
    }

    @Test
    void portraitJpegGivesItsCentredSquare() {
        BufferedImage portrait = WorstUploads.photo(HEIGHT, WIDTH, 12, false);

        assertBlockAverages(TestImages.jpeg(portrait, 0.9f));
    }

    static Stream<Arguments> storedCorners() {
        return Stream.of(
                Arguments.of(1, TOP_LEFT, TOP_RIGHT),
                Arguments.of(3, BOTTOM_RIGHT, BOTTOM_LEFT),
                Arguments.of(6, BOTTOM_LEFT, TOP_LEFT),
                Arguments.of(8, TOP_RIGHT, BOTTOM_RIGHT));
    }

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("storedCorners")
    void largeJpegWithExifOrientationComesOutUpright(int orientation, Quadrant yellowAt, Quadrant magentaAt) {
        byte[] stored = TestImages.jpeg(TestImages.marked(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, yellowAt,
                magentaAt));
        byte[] upload = TestImages.withExif(stored, orientation, ByteOrder.LITTLE_ENDIAN);
        assertThat(EighthScaleJpegDecoder.centredSquare(upload)).as("takes the fast path").isNotNull();

        assertMarkedAvatar(new AvatarImageProcessor().process(upload));
    }

    @Test
    void smallerJpegsAreDecodedInFull() {
        // 2047 px a side would give a square under 256 px: the full decoder, subsampled, keeps more detail.
        assertThat(EighthScaleJpegDecoder.squareSide(2047, 3000)).isLessThan(AvatarSize.LARGE.pixels());
        assertThat(EighthScaleJpegDecoder.squareSide(2048, 3000)).isEqualTo(AvatarSize.LARGE.pixels());
    }

    @Test
    void cmykJpegIsLeftToTheFullDecoder() {
        byte[] cmyk = TestImages.cmykJpeg(TestImages.marked(2048, 2048, BufferedImage.TYPE_INT_RGB));

        assertThat(EighthScaleJpegDecoder.centredSquare(cmyk)).isNull();
        assertMarkedAvatar(new AvatarImageProcessor().process(cmyk));
    }

    @Test
    void jpegWithAnIccProfileIsLeftToTheFullDecoder() {
        byte[] withProfile = TestImages.withSegmentAfterSoi(TestImages.jpeg(photo, 0.9f), 0xE2,
                "ICC_PROFILE\0\1\1not a real profile".getBytes(ISO_8859_1));

        assertThat(EighthScaleJpegDecoder.centredSquare(withProfile)).isNull();
    }

    @Test
    void arithmeticCodedJpegIsLeftToTheFullDecoder() {
        byte[] jpeg = TestImages.jpeg(photo, 0.9f);
        int sof = indexOfMarker(jpeg, 0xC0);
        jpeg[sof + 1] = (byte) 0xC9;

        assertThat(EighthScaleJpegDecoder.centredSquare(jpeg)).isNull();
    }

    @Test
    void truncatedOrGarbledJpegIsLeftToTheFullDecoder() {
        byte[] jpeg = TestImages.jpeg(photo, 0.9f);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        byte[] endless = Arrays.copyOf(jpeg, jpeg.length - 2); // no EOI

        assertThat(EighthScaleJpegDecoder.centredSquare(truncated)).isNull();
        assertThat(EighthScaleJpegDecoder.centredSquare(endless)).isNull();
        byte[] garbled = jpeg.clone();
        int scan = indexOfMarker(garbled, 0xDA);
        Arrays.fill(garbled, scan + 20, garbled.length - 2, (byte) 0x55);
        // Whatever garbage decodes to, it never throws nor runs past the data: a picture or null.
        BufferedImage result = EighthScaleJpegDecoder.centredSquare(garbled);
        assertThat(result == null || result.getWidth() == HEIGHT / 8).isTrue();
    }

    /**
     * The fast result against the full decoder's picture averaged over the same 8 × 8 blocks: close everywhere
     * (the full decoder interpolates chroma and rounds each sample, hence a tolerance).
     */
    private static void assertBlockAverages(byte[] jpeg) {
        BufferedImage full = EncodedImages.decode(jpeg);
        BufferedImage eighth = EighthScaleJpegDecoder.centredSquare(jpeg);
        assertThat(eighth).as("takes the fast path").isNotNull();
        int side = Math.min(full.getWidth(), full.getHeight()) / 8;
        assertThat(eighth.getWidth()).isEqualTo(side);
        assertThat(eighth.getHeight()).isEqualTo(side);
        int left = (full.getWidth() - side * 8) / 2;
        int top = (full.getHeight() - side * 8) / 2;
        long totalDifference = 0;
        int worst = 0;
        for (int by = 0; by < side; by++) {
            for (int bx = 0; bx < side; bx++) {
                int[] sum = new int[3];
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int px = left + bx * 8 + x;
                        int py = top + by * 8 + y;
                        // A greyscale JPEG's samples are shown as sRGB greys by browsers; ImageIO calls them linear
                        // and would brighten them in getRGB, so compare the samples themselves.
                        int rgb = full.getRaster().getNumBands() == 1
                                ? full.getRaster().getSample(px, py, 0) * 0x010101 : full.getRGB(px, py);
                        sum[0] += rgb >> 16 & 0xFF;
                        sum[1] += rgb >> 8 & 0xFF;
                        sum[2] += rgb & 0xFF;
                    }
                }
                int fast = eighth.getRGB(bx, by);
                int[] channels = {fast >> 16 & 0xFF, fast >> 8 & 0xFF, fast & 0xFF};
                for (int c = 0; c < 3; c++) {
                    int difference = Math.abs(channels[c] - Math.round(sum[c] / 64f));
                    totalDifference += difference;
                    worst = Math.max(worst, difference);
                }
            }
        }
        double mean = totalDifference / (3.0 * side * side);
        assertThat(mean).as("mean difference per sample").isLessThan(2.0);
        assertThat(worst).as("largest difference of one sample").isLessThan(24);
    }

    private static byte[] jpegWithRestartInterval(BufferedImage image, int interval) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(interval));
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            markers.insertBefore(dri, markers.getFirstChild());
            metadata.setFromTree(format, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) marker) {
                return i;
            }
        }
        throw new IllegalStateException("No marker " + Integer.toHexString(marker));
    }
}
