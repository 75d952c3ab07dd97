package com.practicalcrm.avatar;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Reads pipeline output back: pixels, JPEG markers and PNG chunks, and the checks the tests share. */
final class EncodedImages {

    // Re-encoding as JPEG moves flat colours by a few steps; the fixtures' colours are far further apart.
    private static final int TOLERANCE = 60;

    private EncodedImages() {
    }

    static BufferedImage decode(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
            assertThat(image).as("decodable output").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every marker from SOI up to the first start-of-scan. */
    static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>(List.of(jpeg[1] & 0xFF));
        int position = 2;
        while (position + 4 <= jpeg.length) {
            int marker = jpeg[position + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            position += 2 + ((jpeg[position + 2] & 0xFF) << 8 | jpeg[position + 3] & 0xFF);
        }
        return markers;
    }

    static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            types.add(new String(type, ISO_8859_1));
            buffer.position(buffer.position() + length + 4);
        }
        return types;
    }

    static void assertColourNear(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y), true);
        assertThat(Math.abs(actual.getRed() - expected.getRed())
                        + Math.abs(actual.getGreen() - expected.getGreen())
                        + Math.abs(actual.getBlue() - expected.getBlue()))
                .as("colour at (%d, %d): expected %s, got %s", x, y, expected, actual)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    static void assertAlphaAt(BufferedImage image, int x, int y, int expectedAlpha) {
        assertThat(image.getRGB(x, y) >>> 24).as("alpha at (%d, %d)", x, y).isEqualTo(expectedAlpha);
    }

    /**
     * The avatar shows the marked square upright (yellow top left, magenta top right, green below) and, up to
     * its edges, nothing of the red and blue bars: so it was cropped in the centre.
     */
    static void assertShowsMarkedSquare(BufferedImage avatar) {
        int side = avatar.getWidth();
        assertThat(avatar.getHeight()).as("square").isEqualTo(side);
        assertColourNear(avatar, side / 4, side / 4, TestImages.YELLOW);
        assertColourNear(avatar, 3 * side / 4, side / 4, TestImages.MAGENTA);
        assertColourNear(avatar, side / 4, 3 * side / 4, TestImages.GREEN);
        assertColourNear(avatar, 3 * side / 4, 3 * side / 4, TestImages.GREEN);
        assertColourNear(avatar, side / 4, 1, TestImages.YELLOW);
        assertColourNear(avatar, 3 * side / 4, 1, TestImages.MAGENTA);
        assertColourNear(avatar, 1, 3 * side / 4, TestImages.GREEN);
        assertColourNear(avatar, side - 2, 3 * side / 4, TestImages.GREEN);
        assertColourNear(avatar, side / 2, side - 2, TestImages.GREEN);
    }

    /** Both sizes exist at their full size and show the marked square. */
    static void assertMarkedAvatar(ProcessedAvatar avatar) {
        for (AvatarSize size : AvatarSize.values()) {
            ProcessedAvatar.Image image = avatar.image(size);
            assertThat(image.side()).isEqualTo(size.pixels());
            BufferedImage decoded = decode(image.bytes());
            assertThat(decoded.getWidth()).as("%s width", size).isEqualTo(size.pixels());
            assertShowsMarkedSquare(decoded);
        }
    }
}
