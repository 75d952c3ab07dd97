package com.practicalcrm.avatar;

/**
 * An upload that cannot become an avatar. The message is written for the person who uploaded the file and is
 * safe to show as is; technical details stay in the cause, for the log.
 */
public final class AvatarRejectedException extends RuntimeException {

    public enum Reason {
        EMPTY,
        FILE_TOO_LARGE,
        NOT_AN_IMAGE,
        UNSUPPORTED_FORMAT,
        TOO_MANY_PIXELS,
        DAMAGED,
        BUSY,
        ALREADY_UPLOADING,
        UPLOAD_TOO_SLOW
    }

    private static final String ACCEPTED_FORMATS = "Upload a JPG, PNG, GIF or WebP image.";

    private final Reason reason;

    private AvatarRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static AvatarRejectedException empty() {
        return new AvatarRejectedException(Reason.EMPTY, "The file is empty. Choose a picture.", null);
    }

    static AvatarRejectedException fileTooLarge() {
        return new AvatarRejectedException(Reason.FILE_TOO_LARGE,
                "The file is larger than %d MB. Choose a smaller picture."
                        .formatted(AvatarImageProcessor.MAX_UPLOAD_BYTES / (1024 * 1024)), null);
    }

    static AvatarRejectedException notAnImage() {
        return new AvatarRejectedException(Reason.NOT_AN_IMAGE,
                "This file is not a picture we can use. " + ACCEPTED_FORMATS, null);
    }

    /** @param formatName the recognised format as people know it, e.g. "SVG" or "HEIC" */
    static AvatarRejectedException unsupportedFormat(String formatName) {
        return new AvatarRejectedException(Reason.UNSUPPORTED_FORMAT,
                formatName + " images are not supported. " + ACCEPTED_FORMATS, null);
    }

    static AvatarRejectedException tooManyPixels(int width, int height) {
        return new AvatarRejectedException(Reason.TOO_MANY_PIXELS,
                ("The picture is too large (%d × %d pixels). "
                        + "Use one of at most %d pixels on each side and %d megapixels.")
                        .formatted(width, height, CentredSquareDecoder.MAX_SIDE,
                                CentredSquareDecoder.MAX_PIXELS / 1_000_000), null);
    }

    /** Lossless or transparent WebP pictures are decoded whole, so they have a lower limit than other pictures. */
    static AvatarRejectedException tooManyPixelsForWholeWebP(int width, int height) {
        return new AvatarRejectedException(Reason.TOO_MANY_PIXELS,
                ("The picture is too large (%d × %d pixels). A lossless or transparent WebP image can have at most "
                        + "%d megapixels: save it smaller, or as JPG or PNG.")
                        .formatted(width, height, CentredSquareDecoder.MAX_WHOLE_WEBP_PIXELS / 1_000_000), null);
    }

    /** Too many pictures are being processed at once; decoding is memory- and CPU-heavy, so we do not queue. */
    static AvatarRejectedException busy() {
        return new AvatarRejectedException(Reason.BUSY,
                "Many pictures are being processed right now. Try again in a moment.", null);
    }

    /** The same user sends a second picture while the first is still being received or processed. */
    static AvatarRejectedException alreadyUploading() {
        return new AvatarRejectedException(Reason.ALREADY_UPLOADING,
                "Your previous picture is still being uploaded. Wait until it is done, then try again.", null);
    }

    /** The body arrived so slowly that it would have held a processing slot for too long. */
    static AvatarRejectedException uploadTooSlow() {
        return new AvatarRejectedException(Reason.UPLOAD_TOO_SLOW,
                "The upload took too long. Try again, or choose a smaller picture.", null);
    }

    static AvatarRejectedException damaged(Throwable cause) {
        return new AvatarRejectedException(Reason.DAMAGED,
                "The file seems damaged or incomplete. Try another picture.", cause);
    }
}
