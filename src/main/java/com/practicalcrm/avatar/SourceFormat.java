package com.practicalcrm.avatar;

/** The upload formats we decode, with the format name ImageIO knows their readers by. */
enum SourceFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    WEBP("webp");

    private final String imageIoName;

    SourceFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    String imageIoName() {
        return imageIoName;
    }
}
