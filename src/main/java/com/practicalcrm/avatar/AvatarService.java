package com.practicalcrm.avatar;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
     * Pictures processed at the same time. Decoding takes one core for up to a second (progressive JPEG, WebP) and
     * tens of MB of heap; on a 2-core machine two at once keep the app responsive. Others wait briefly, then are
     * told to try again rather than piling up.
     */
    static final int CONCURRENT_PROCESSING = 2;
    private static final long PROCESSING_WAIT_SECONDS = 10;

    private final AvatarImageProcessor processor = new AvatarImageProcessor();
    private final Semaphore processing = new Semaphore(CONCURRENT_PROCESSING, true);
    private final SecureRandom random = new SecureRandom();
    private final AvatarRepository avatars;
    private final SecurityEventService events;
    private final Clock clock;

    public AvatarService(AvatarRepository avatars, SecurityEventService events, Clock clock) {
        this.avatars = avatars;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks and processes an upload; stores nothing.
     *
     * @throws AvatarRejectedException with a message for the user when the file cannot be used
     */
    public ProcessedAvatar process(byte[] upload) {
        try {
            if (!processing.tryAcquire(PROCESSING_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw AvatarRejectedException.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AvatarRejectedException.busy();
        }
        try {
            return processor.process(upload);
        } finally {
            processing.release();
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

    @Transactional(readOnly = true)
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
