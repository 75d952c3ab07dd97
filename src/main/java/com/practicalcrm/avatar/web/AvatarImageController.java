package com.practicalcrm.avatar.web;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import com.practicalcrm.avatar.AvatarImage;
import com.practicalcrm.avatar.AvatarPaths;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.common.UserId;

/**
 * Serves stored pictures to signed-in users (SecurityConfig). A picture's URL carries its version, so the content
 * behind a URL never changes: browsers may keep it for a year without asking again. The cache is private because
 * the picture is only for signed-in users, and shared caches must not keep it.
 */
@RestController
public class AvatarImageController {

    static final CacheControl CACHE_FOREVER = CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable();

    private final AvatarService avatars;

    public AvatarImageController(AvatarService avatars) {
        this.avatars = avatars;
    }

    @GetMapping(AvatarPaths.PREFIX + "{userId}/{version}/{size}")
    public ResponseEntity<byte[]> image(@PathVariable String userId, @PathVariable String version,
                                        @PathVariable String size, WebRequest request) {
        Optional<Long> id = positiveNumber(userId);
        Optional<Long> pictureVersion = positiveNumber(version);
        Optional<AvatarSize> avatarSize = AvatarPaths.size(size);
        if (id.isEmpty() || pictureVersion.isEmpty() || avatarSize.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String etag = "\"" + pictureVersion.get() + "-" + size + "\"";
        // Checked before reading: a revalidation (rare, given the cache header) costs no blob read.
        if (request.checkNotModified(etag)) {
            return null;
        }
        Optional<AvatarImage> image = avatars.image(new UserId(id.get()), pictureVersion.get(), avatarSize.get());
        return image.map(found -> ResponseEntity.ok()
                        .eTag(etag)
                        .cacheControl(CACHE_FOREVER)
                        .contentType(MediaType.parseMediaType(found.contentType()))
                        .contentLength(found.bytes().length)
                        .body(found.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static Optional<Long> positiveNumber(String text) {
        try {
            long value = Long.parseLong(text);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
