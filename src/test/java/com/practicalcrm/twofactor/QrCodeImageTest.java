package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.practicalcrm.common.EmailAddress;

class QrCodeImageTest {

    private static final String URI = OtpAuthUri.forAccount(EmailAddress.of("ann.o'neill+crm@example.com"),
            TotpSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"));

    @Test
    void pngDecodesBackToTheSameUriWithErrorCorrectionM() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodeImage.png(URI)));

        Result result = new QRCodeReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));

        assertThat(result.getText()).isEqualTo(URI);
        assertThat(result.getResultMetadata()).containsEntry(ResultMetadataType.ERROR_CORRECTION_LEVEL, "M");
    }

    @Test
    void pngIsASquareOfWholeModulesSizedForTwiceTwoHundredFortyCssPixels() throws IOException {
        BufferedImage image = read(QrCodeImage.png(URI));

        assertThat(image.getWidth()).isEqualTo(image.getHeight());
        assertThat(image.getWidth() % QrCodeImage.MODULE_PIXELS).isZero();
        assertThat(image.getWidth()).isBetween(400, 560);
    }

    @Test
    void pngHasAWhiteQuietZoneOfFourModulesAroundTheCode() throws IOException {
        BufferedImage image = read(QrCodeImage.png(URI));
        int quietZone = QrCodeImage.QUIET_ZONE_MODULES * QrCodeImage.MODULE_PIXELS;
        int side = image.getWidth();

        for (int i = 0; i < side; i++) {
            for (int depth = 0; depth < quietZone; depth++) {
                assertThat(isWhite(image, i, depth)).as("top row %d, x %d", depth, i).isTrue();
                assertThat(isWhite(image, i, side - 1 - depth)).as("bottom row %d, x %d", depth, i).isTrue();
                assertThat(isWhite(image, depth, i)).as("left column %d, y %d", depth, i).isTrue();
                assertThat(isWhite(image, side - 1 - depth, i)).as("right column %d, y %d", depth, i).isTrue();
            }
        }
        // The finder pattern's dark corner starts right where the quiet zone ends.
        assertThat(isWhite(image, quietZone, quietZone)).isFalse();
    }

    @Test
    void pngWhenContentIsTooLongForAnyQrCodeThenRefusedWithoutQuotingIt() {
        String tooLong = "otpauth://" + "x".repeat(3000);

        assertThatIllegalArgumentException().isThrownBy(() -> QrCodeImage.png(tooLong))
                .withMessage("The content does not fit in a QR code");
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static boolean isWhite(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xffffff) == 0xffffff;
    }
}
