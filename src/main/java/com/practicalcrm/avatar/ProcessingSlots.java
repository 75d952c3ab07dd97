package com.practicalcrm.avatar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.practicalcrm.common.UserId;

/**
 * Who may turn an upload into an avatar right now, in this app instance: at most {@code permits} uploads at once,
 * and one per user. A slot is taken <em>before</em> the upload body is read, so the memory of all uploads in
 * flight is bounded by {@code permits} × (2 MiB body + decoding), however many are sent at the same time; an
 * upload without a slot has not read a byte of its body. Both the slot and the user's claim are released whatever
 * happens: accepted, refused, failed, or the client gone mid-upload.
 */
final class ProcessingSlots {

    private static final int READ_CHUNK = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ProcessingSlots.class);
    /** CPU time of the processing thread: a figure that, unlike elapsed time, does not depend on other load. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final Semaphore slots;
    private final Set<UserId> uploading = ConcurrentHashMap.newKeySet();
    private final Duration waitForSlot;
    private final Duration bodyDeadline;
    private final Clock clock;

    /**
     * @param waitForSlot  how long an upload waits for a free slot before it is refused as busy
     * @param bodyDeadline how long reading one body may take while it holds a slot; checked between reads, each
     *                     of which the servlet container bounds with its own read timeout
     */
    ProcessingSlots(int permits, Duration waitForSlot, Duration bodyDeadline, Clock clock) {
        this.slots = new Semaphore(permits, true);
        this.waitForSlot = waitForSlot;
        this.bodyDeadline = bodyDeadline;
        this.clock = clock;
    }

    /**
     * Claims the user, then a slot, then reads at most {@link AvatarImageProcessor#MAX_UPLOAD_BYTES} + 1 bytes of
     * the body (one over is enough to refuse the file as too large) and hands them to {@code work}.
     *
     * @throws AvatarRejectedException when the user is already uploading, no slot frees up in time, the body takes
     *                                 too long, or {@code work} refuses the file
     * @throws IOException             when reading the body fails, e.g. the client cancelled the upload
     */
    <T> T process(UserId uploader, InputStream body, Function<byte[], T> work) throws IOException {
        if (!uploading.add(uploader)) {
            throw AvatarRejectedException.alreadyUploading();
        }
        try {
            long started = System.nanoTime();
            acquireSlot();
            try {
                long slotTaken = System.nanoTime();
                byte[] upload = readBody(body);
                long read = System.nanoTime();
                long cpuBefore = CPU.getCurrentThreadCpuTime();
                T result = work.apply(upload);
                log.debug("Avatar upload: slot after {} ms, body of {} bytes read in {} ms, processed in {} ms "
                                + "({} ms of CPU)", millis(slotTaken - started), upload.length,
                        millis(read - slotTaken), millis(System.nanoTime() - read),
                        millis(CPU.getCurrentThreadCpuTime() - cpuBefore));
                return result;
            } finally {
                slots.release();
            }
        } finally {
            uploading.remove(uploader);
        }
    }

    /** Elapsed nanoseconds as milliseconds with one decimal, for the debug log (timing only, no rule). */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** Uploads waiting for a slot right now (for tests: they must not have read their body). */
    int waiting() {
        return slots.getQueueLength();
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(waitForSlot.toNanos(), TimeUnit.NANOSECONDS)) {
                throw AvatarRejectedException.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AvatarRejectedException.busy();
        }
    }

    private byte[] readBody(InputStream body) throws IOException {
        Instant deadline = clock.instant().plus(bodyDeadline);
        int limit = AvatarImageProcessor.MAX_UPLOAD_BYTES + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(READ_CHUNK);
        byte[] chunk = new byte[READ_CHUNK];
        while (bytes.size() < limit) {
            int read = body.read(chunk, 0, Math.min(chunk.length, limit - bytes.size()));
            if (read < 0) {
                break;
            }
            bytes.write(chunk, 0, read);
            if (clock.instant().isAfter(deadline)) {
                throw AvatarRejectedException.uploadTooSlow();
            }
        }
        return bytes.toByteArray();
    }
}
