package com.practicalcrm.avatar;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
        return process(uploader, body, -1, work);
    }

    /**
     * {@link #process(UserId, InputStream, Function)} for a body whose length the client declared (its
     * {@code Content-Length}, -1 when unknown): the body is read into one array of that length, so a body that
     * matches it is neither grown nor copied. The declared length only sizes that array, never beyond the limit + 1
     * byte; where the body ends is still found by reading it.
     */
    <T> T process(UserId uploader, InputStream body, long declaredLength, Function<byte[], T> work)
            throws IOException {
        if (!uploading.add(uploader)) {
            throw AvatarRejectedException.alreadyUploading();
        }
        try {
            long started = System.nanoTime();
            acquireSlot();
            try {
                long slotTaken = System.nanoTime();
                byte[] upload = readBody(body, declaredLength);
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

    /**
     * At most the limit + 1 byte: one over is enough to refuse the file. With a declared length, a 1.9 MB photo
     * takes one array of its size instead of arrays doubling up to 2 MB and a copy of the result (about 6 MB of
     * short-lived heap per upload, in arrays large enough for G1 to allocate each as a humongous object).
     */
    private byte[] readBody(InputStream body, long declaredLength) throws IOException {
        Instant deadline = clock.instant().plus(bodyDeadline);
        int limit = AvatarImageProcessor.MAX_UPLOAD_BYTES + 1;
        byte[] buffer = new byte[declaredLength > 0 ? (int) Math.min(declaredLength, limit) : READ_CHUNK];
        byte[] next = new byte[1];
        int size = 0;
        while (size < limit) {
            if (size == buffer.length) {
                // The body may end right here, as declared: then no bigger array.
                int read = body.read(next, 0, 1);
                if (read < 0) {
                    break;
                }
                if (read == 1) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(2L * buffer.length, READ_CHUNK)));
                    buffer[size++] = next[0];
                }
                continue;
            }
            int read = body.read(buffer, size, Math.min(READ_CHUNK, buffer.length - size));
            if (read < 0) {
                break;
            }
            size += read;
            if (clock.instant().isAfter(deadline)) {
                throw AvatarRejectedException.uploadTooSlow();
            }
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }
}
