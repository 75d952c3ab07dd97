package com.practicalcrm.avatar;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.IFD;
import com.twelvemonkeys.imageio.metadata.tiff.Rational;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Builds upload fixtures in memory. Most are the "marked" picture: a centred square, green with a yellow top-left
 * and a magenta top-right quadrant, between a red bar (left or top) and a blue bar (right or bottom). A correct
 * avatar of it shows the square upright and no bar. Sizes are multiples of 16 so JPEG blocks do not blur the
 * bars into the square.
 */
final class TestImages {

    static final Color RED = new Color(255, 0, 0);
    static final Color BLUE = new Color(0, 0, 255);
    static final Color GREEN = new Color(0, 160, 0);
    static final Color YELLOW = new Color(255, 255, 0);
    static final Color MAGENTA = new Color(255, 0, 255);

    enum Quadrant {
        TOP_LEFT(0, 0), TOP_RIGHT(1, 0), BOTTOM_LEFT(0, 1), BOTTOM_RIGHT(1, 1);

        final int column;
        final int row;

        Quadrant(int column, int row) {
            this.column = column;
            this.row = row;
        }
    }

    private TestImages() {
    }

    static BufferedImage marked(int width, int height, int imageType) {
        return marked(width, height, imageType, Quadrant.TOP_LEFT, Quadrant.TOP_RIGHT);
    }

    /** The marked picture with its marks placed where the caller says, e.g. as a camera stores a turned photo. */
    static BufferedImage marked(int width, int height, int imageType, Quadrant yellowAt, Quadrant magentaAt) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        int side = Math.min(width, height);
        int x = (width - side) / 2;
        int y = (height - side) / 2;
        int half = side / 2;
        g.setColor(RED);
        g.fillRect(0, 0, width == side ? width : x, height == side ? height : y);
        g.setColor(BLUE);
        g.fillRect(width == side ? 0 : x + side, height == side ? 0 : y + side, width, height);
        g.setColor(GREEN);
        g.fillRect(x, y, side, side);
        g.setColor(YELLOW);
        g.fillRect(x + yellowAt.column * half, y + yellowAt.row * half, half, half);
        g.setColor(MAGENTA);
        g.fillRect(x + magentaAt.column * half, y + magentaAt.row * half, half, half);
        g.dispose();
        return image;
    }

    /** The marked picture with alpha, its bottom-left quadrant fully transparent. */
    static BufferedImage markedWithTransparentQuadrant(int width, int height) {
        BufferedImage image = marked(width, height, BufferedImage.TYPE_INT_ARGB);
        int side = Math.min(width, height);
        Graphics2D g = image.createGraphics();
        g.setComposite(AlphaComposite.Clear);
        g.fillRect((width - side) / 2, (height - side) / 2 + side / 2, side / 2, side / 2);
        g.dispose();
        return image;
    }

    static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    // ---- JPEG

    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.95f);
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        return writeJpeg(new IIOImage(image, null, null), quality, false);
    }

    static byte[] progressiveJpeg(BufferedImage image) {
        return progressiveJpeg(image, 0.95f);
    }

    static byte[] progressiveJpeg(BufferedImage image, float quality) {
        return writeJpeg(new IIOImage(image, null, null), quality, true);
    }

    /**
     * An Adobe-style CMYK JPEG (APP14 transform 0). Adobe stores CMYK inverted, so with no black ink the
     * stored values of an RGB colour are simply R, G, B and 255.
     */
    static byte[] cmykJpeg(BufferedImage rgb) {
        return fourChannelJpeg(rgb, 0, (r, g, b) -> new int[] {r, g, b, 255});
    }

    /** An Adobe YCCK JPEG (APP14 transform 2): the decoder turns YCC into RGB and inverts it into stored CMY. */
    static byte[] ycckJpeg(BufferedImage rgb) {
        return fourChannelJpeg(rgb, 2, (r, g, b) -> {
            int cr = 255 - r;
            int cg = 255 - g;
            int cb = 255 - b;
            return new int[] {
                clamp(0.299 * cr + 0.587 * cg + 0.114 * cb),
                clamp(128 - 0.168736 * cr - 0.331264 * cg + 0.5 * cb),
                clamp(128 + 0.5 * cr - 0.418688 * cg - 0.081312 * cb),
                255};
        });
    }

    private interface ChannelMapping {
        int[] channels(int r, int g, int b);
    }

    private static byte[] fourChannelJpeg(BufferedImage rgb, int adobeTransform, ChannelMapping mapping) {
        WritableRaster raster = Raster.createInterleavedRaster(
                DataBuffer.TYPE_BYTE, rgb.getWidth(), rgb.getHeight(), 4, null);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int pixel = rgb.getRGB(x, y);
                raster.setPixel(x, y, mapping.channels(pixel >> 16 & 0xFF, pixel >> 8 & 0xFF, pixel & 0xFF));
            }
        }
        // Raster writes get no colour conversion and no JFIF header; the APP14 segment tells readers what it is.
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) adobeTransform};
        return withSegmentAfterSoi(writeJpeg(new IIOImage(raster, null, null), 0.95f, false), 0xEE, adobe);
    }

    private static byte[] writeJpeg(IIOImage image, float quality, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        return write(writer, image, param);
    }

    /**
     * Adds an EXIF APP1 segment with the orientation and, like a phone camera, the place the photo was taken.
     */
    static byte[] withExif(byte[] jpeg, int orientation, ByteOrder byteOrder) {
        IFD gps = new IFD(List.of(
                new TIFFEntry(1, TIFF.TYPE_ASCII, "N"),
                new TIFFEntry(2, new Rational[] {new Rational(48, 1), new Rational(51, 1), new Rational(30, 1)}),
                new TIFFEntry(3, TIFF.TYPE_ASCII, "E"),
                new TIFFEntry(4, new Rational[] {new Rational(2, 1), new Rational(17, 1), new Rational(40, 1)})));
        List<Entry> ifd0 = List.of(
                new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, orientation),
                new TIFFEntry(TIFF.TAG_GPS_IFD, TIFF.TYPE_LONG, gps));
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(tiff)) {
            output.setByteOrder(byteOrder);
            new TIFFWriter().write(ifd0, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = concat("Exif\0\0".getBytes(ISO_8859_1), tiff.toByteArray());
        return withSegmentAfterSoi(jpeg, 0xE1, payload);
    }

    static byte[] withSegmentAfterSoi(byte[] jpeg, int marker, byte[] payload) {
        int length = payload.length + 2;
        byte[] segment = {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length};
        return concat(Arrays.copyOf(jpeg, 2), segment, payload, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** A real JPEG whose frame header claims other dimensions: nothing past the header is right. */
    static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = jpeg(filled(16, 16, GREEN));
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xC0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("No SOF0 segment");
    }

    // ---- PNG

    static byte[] png(BufferedImage image) {
        return write(ImageIO.getImageWritersByFormatName("png").next(), new IIOImage(image, null, null), null);
    }

    /** 16 bits per sample, as written by scanners and photo editors. */
    static BufferedImage sixteenBitCopy(BufferedImage rgb) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(rgb.getWidth(), rgb.getHeight());
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int pixel = rgb.getRGB(x, y);
                raster.setPixel(x, y, new int[] {
                    (pixel >> 16 & 0xFF) * 257, (pixel >> 8 & 0xFF) * 257, (pixel & 0xFF) * 257});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** The marked picture with a five-colour palette, optionally with a sixth, fully transparent entry. */
    static BufferedImage paletteMarked(int width, int height, boolean transparentBottomLeft) {
        Color[] colours = {RED, BLUE, GREEN, YELLOW, MAGENTA, new Color(0, 0, 0, 0)};
        byte[] r = new byte[colours.length];
        byte[] g = new byte[colours.length];
        byte[] b = new byte[colours.length];
        byte[] a = new byte[colours.length];
        for (int i = 0; i < colours.length; i++) {
            r[i] = (byte) colours[i].getRed();
            g[i] = (byte) colours[i].getGreen();
            b[i] = (byte) colours[i].getBlue();
            a[i] = (byte) colours[i].getAlpha();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, colours.length, r, g, b, a));
        BufferedImage source = transparentBottomLeft
                ? markedWithTransparentQuadrant(width, height)
                : marked(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, source.getRGB(x, y));
            }
        }
        return image;
    }

    /** Inserts chunks right after IHDR; each chunk is a type and its data. */
    static byte[] withPngChunks(byte[] png, List<PngChunk> chunks) {
        int afterHeader = 8 + 8 + 13 + 4;
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.write(png, 0, afterHeader);
        chunks.forEach(chunk -> result.writeBytes(chunk.encoded()));
        result.write(png, afterHeader, png.length - afterHeader);
        return result.toByteArray();
    }

    record PngChunk(String type, byte[] data) {

        static PngChunk text(String keyword, String text) {
            return new PngChunk("tEXt", (keyword + "\0" + text).getBytes(ISO_8859_1));
        }

        static PngChunk compressedText(String keyword, String text) {
            Deflater deflater = new Deflater();
            deflater.setInput(text.getBytes(ISO_8859_1));
            deflater.finish();
            byte[] compressed = new byte[text.length() + 64];
            int length = deflater.deflate(compressed);
            deflater.end();
            return new PngChunk("zTXt", concat((keyword + "\0\0").getBytes(ISO_8859_1),
                    Arrays.copyOf(compressed, length)));
        }

        static PngChunk internationalText(String keyword, String text) {
            return new PngChunk("iTXt", (keyword + "\0\0\0\0\0" + text).getBytes(ISO_8859_1));
        }

        byte[] encoded() {
            byte[] typeBytes = type.getBytes(ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            crc.update(data);
            return ByteBuffer.allocate(12 + data.length)
                    .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
        }
    }

    /**
     * A well-formed PNG whose header claims the given size but whose pixel data is a few bytes: decoding it
     * would have to allocate for the claimed size before noticing.
     */
    static byte[] pngClaiming(int width, int height) {
        byte[] header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] idat = new byte[128];
        int length = deflater.deflate(idat);
        deflater.end();
        return concat(Arrays.copyOf(png(filled(1, 1, GREEN)), 8),
                new PngChunk("IHDR", header).encoded(),
                new PngChunk("IDAT", Arrays.copyOf(idat, length)).encoded(),
                new PngChunk("IEND", new byte[0]).encoded());
    }

    /** Pads a PNG with a private ancillary chunk (which decoders skip) to exactly the given size. */
    static byte[] pngPaddedTo(byte[] png, int size) {
        int iend = png.length - 12;
        byte[] padding = new PngChunk("paDd", new byte[size - png.length - 12]).encoded();
        return concat(Arrays.copyOf(png, iend), padding, Arrays.copyOfRange(png, iend, png.length));
    }

    // ---- GIF

    static byte[] gif(BufferedImage image) {
        return write(ImageIO.getImageWritersByFormatName("gif").next(), new IIOImage(image, null, null), null);
    }

    static byte[] animatedGif(BufferedImage... frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    // ---- WebP headers (no encoder on the class path: headers are built by hand, pixel data is left out)

    /** A lossless WebP whose VP8L header claims the given size; the pixel data is a few meaningless bytes. */
    static byte[] webpLosslessClaiming(int width, int height) {
        return riff(webpChunk("VP8L", vp8lHeader(width, height)));
    }

    /** A lossy WebP whose VP8 key frame header claims the given size; the rest of the frame is missing. */
    static byte[] webpLossyClaiming(int width, int height) {
        return riff(webpChunk("VP8 ", vp8Header(width, height)));
    }

    /** A lossy WebP with a (lossless-compressed) alpha channel, both claiming the given size. */
    static byte[] webpTransparentLossyClaiming(int width, int height) {
        byte[] alpha = concat(new byte[] {1}, new byte[32]);
        return riff(webpChunk("VP8X", vp8xHeader(0x10, width, height)), webpChunk("ALPH", alpha),
                webpChunk("VP8 ", vp8Header(width, height)));
    }

    /** An extended WebP whose canvas (VP8X) is small but whose lossless bitstream claims another size. */
    static byte[] webpCanvasWrapping(int canvasWidth, int canvasHeight, int width, int height) {
        return riff(webpChunk("VP8X", vp8xHeader(0, canvasWidth, canvasHeight)),
                webpChunk("VP8L", vp8lHeader(width, height)));
    }

    private static byte[] vp8lHeader(int width, int height) {
        int bits = (width - 1) | (height - 1) << 14;
        return concat(new byte[] {0x2F}, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bits).array(),
                new byte[32]);
    }

    private static byte[] vp8Header(int width, int height) {
        int firstPartitionSize = 16;
        int frameTag = 1 << 4 | firstPartitionSize << 5; // key frame, version 0, shown
        ByteBuffer header = ByteBuffer.allocate(10 + 32).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) frameTag).put((byte) (frameTag >> 8)).put((byte) (frameTag >> 16))
                .put((byte) 0x9D).put((byte) 0x01).put((byte) 0x2A)
                .putShort((short) width).putShort((short) height);
        return header.array();
    }

    private static byte[] vp8xHeader(int flags, int width, int height) {
        return new byte[] {(byte) flags, 0, 0, 0,
            (byte) (width - 1), (byte) ((width - 1) >> 8), (byte) ((width - 1) >> 16),
            (byte) (height - 1), (byte) ((height - 1) >> 8), (byte) ((height - 1) >> 16)};
    }

    private static byte[] webpChunk(String type, byte[] payload) {
        byte[] header = concat(type.getBytes(ISO_8859_1),
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(payload.length).array());
        return concat(header, payload, new byte[payload.length & 1]);
    }

    private static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        return concat("RIFF".getBytes(ISO_8859_1),
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length + 4).array(),
                "WEBP".getBytes(ISO_8859_1), body);
    }

    // ---- other formats and files

    static byte[] encoded(BufferedImage image, String imageIoFormat) {
        return write(ImageIO.getImageWritersByFormatName(imageIoFormat).next(), new IIOImage(image, null, null), null);
    }

    /** A committed fixture from src/test/resources/avatar. */
    static byte[] resource(String name) {
        try (InputStream input = TestImages.class.getResourceAsStream("/avatar/" + name)) {
            if (input == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length * 6 / 10);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            result.writeBytes(part);
        }
        return result.toByteArray();
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
