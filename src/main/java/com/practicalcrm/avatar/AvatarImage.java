package com.practicalcrm.avatar;

/** One stored size of a picture, ready to serve. */
public record AvatarImage(String contentType, byte[] bytes) {
}
