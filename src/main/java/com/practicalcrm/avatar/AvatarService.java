package com.practicalcrm.avatar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.avatar.repository.AvatarRepository;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;

/**
 * Profile pictures: turning an upload into a stored avatar, replacing and removing it, and finding it for display.
 * Processing and storing are separate steps, so a form can show the processed picture before the user saves.
 */
@Service
public class AvatarService {

    /**
     * Uploads received and processed at the same time. Decoding takes one core for up to a second (progressive
     * JPEG, WebP) and up to about 50 MB of heap (see the README); on a 2-core machine two at once keep the app
     * responsive. Others wait briefly, without reading their body, then are told to try again rather than piling up.
     */
    static final int CONCURRENT_PROCESSING = 2;
    static final Duration WAIT_FOR_SLOT = Duration.ofSeconds(10);
    /** 2 MiB at 384 kbit/s take 44 s; slower bodies would hold one of the two slots for too long. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(60);

    private final AvatarImageProcessor processor = new AvatarImageProcessor();
    private final ProcessingSlots slots;
    private final SecureRandom random = new SecureRandom();
    private final AvatarRepository avatars;
    private final SecurityEventService events;
    private final Clock clock;

    public AvatarService(AvatarRepository avatars, SecurityEventService events, Clock clock) {
        this.avatars = avatars;
        this.events = events;
        this.clock = clock;
        this.slots = new ProcessingSlots(CONCURRENT_PROCESSING, WAIT_FOR_SLOT, BODY_DEADLINE, clock);
    }

    /**
     * Checks and processes an upload as it arrives; stores nothing. The body is read only once a processing slot
     * is free, and each user gets one upload at a time.
     *
     * @param body the raw upload; at most 2 MiB + 1 byte of it is read
     * @throws AvatarRejectedException with a message for the user when the file cannot be used, the user is
     *                                 already uploading or too many pictures are being processed
     * @throws IOException             when the body cannot be read (e.g. the upload was cancelled)
     */
    public ProcessedAvatar process(UserId uploader, InputStream body) throws IOException {
        return process(uploader, body, -1);
    }

    /**
     * {@link #process(UserId, InputStream)} for a body whose length the client declared ({@code Content-Length},
     * -1 if unknown): it is read into one array of that length (never more than the limit + 1 byte), not grown
     * and copied; where it ends is still found by reading it.
     */
    public ProcessedAvatar process(UserId uploader, InputStream body, long declaredLength) throws IOException {
        return slots.process(uploader, body, declaredLength, processor::process);
    }

    /** {@link #process(UserId, InputStream)} for a file already in memory, e.g. in tests. */
    public ProcessedAvatar process(UserId uploader, byte[] upload) {
        try {
            return process(uploader, new ByteArrayInputStream(upload == null ? new byte[0] : upload));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from memory cannot fail", e);
        }
    }

    /** Makes {@code picture} the user's avatar, replacing any older one in a single statement. */
    @Transactional
    public StoredAvatar replace(UserId userId, ProcessedAvatar picture, ClientInfo client) {
        long version = newVersion();
        avatars.save(userId, version, picture, clock.instant());
        events.record(userId, SecurityEventType.AVATAR_CHANGED, client);
        return new StoredAvatar(userId, version);
    }

    /** Back to initials. Does nothing if the user has no picture. */
    @Transactional
    public void remove(UserId userId, ClientInfo client) {
        if (avatars.delete(userId)) {
            events.record(userId, SecurityEventType.AVATAR_REMOVED, client);
        }
    }

    /** One SELECT, so no transaction around it (docs/design-decisions/DD-single-select-reads.md). */
    public Optional<StoredAvatar> find(UserId userId) {
        return avatars.findVersion(userId).map(version -> new StoredAvatar(userId, version));
    }

    /** The image of one size, if {@code version} is still the user's current picture. */
    @Transactional(readOnly = true)
    public Optional<AvatarImage> image(UserId userId, long version, AvatarSize size) {
        return avatars.findImage(userId, version, size);
    }

    /** A fresh positive number: the picture's URL must never repeat, not even after removing and uploading again. */
    private long newVersion() {
        long version;
        do {
            version = random.nextLong() & Long.MAX_VALUE;
        } while (version == 0);
        return version;
    }
}
