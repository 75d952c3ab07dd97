package com.practicalcrm.avatar;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The two ways a JPEG is decoded, so tests can run with each. */
final class JpegDecoders {

    private JpegDecoders() {
    }

    /** libjpeg-turbo, which the test machines must have (README: {@code apt-get install libturbojpeg0}). */
    static ScaledJpegDecoder libjpegTurbo() {
        return ScaledJpegDecoder.onThisMachine().orElseThrow(() -> new AssertionError(
                "libjpeg-turbo's TurboJPEG library is missing: apt-get install libturbojpeg0 (see the README)"));
    }

    /** Processors for both: libjpeg-turbo's DCT scaling, and ImageIO alone (a machine without the library). */
    static Stream<Arguments> processors() {
        return Stream.of(
                Arguments.of("libjpeg-turbo", new AvatarImageProcessor(Optional.of(libjpegTurbo()))),
                Arguments.of("ImageIO", new AvatarImageProcessor(Optional.empty())));
    }
}
