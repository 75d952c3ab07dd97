package com.practicalcrm.avatar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.avatar.AvatarRejectedException.Reason;
import com.practicalcrm.common.UserId;

/**
 * Memory stays bounded however many uploads arrive: an upload reads its body only once it holds a processing slot,
 * each user has one upload at a time, and nothing (refusal, failure, cancelled upload) keeps a slot or a claim.
 * Blocked bodies stand for uploads still on their way; the waits below are for a state to be reached, never timed.
 */
class AvatarUploadSlotsTest {

    private static final UserId ADA = new UserId(1);
    private static final UserId BOB = new UserId(2);
    private static final UserId CAROL = new UserId(3);
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration LONG_WAIT = Duration.ofMinutes(5);
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(60);
    private static final long GIVE_UP_SECONDS = 60;

    private final byte[] picture = AvatarFixtures.jpeg(320, 320);
    private final AvatarImageProcessor processor = new AvatarImageProcessor();
    private final MutableTestClock clock = new MutableTestClock();
    private final ExecutorService uploads = Executors.newCachedThreadPool();
    private final List<HeldBody> held = new ArrayList<>();

    @AfterEach
    void stopUploads() {
        held.forEach(HeldBody::release);
        uploads.shutdownNow();
    }

    @Test
    void bodyIsReadOnlyOnceAProcessingSlotIsFree() throws Exception {
        ProcessingSlots slots = slots(2, LONG_WAIT);
        HeldBody ada = held(picture);
        HeldBody bob = held(picture);
        Future<ProcessedAvatar> adaUpload = start(slots, ADA, ada);
        Future<ProcessedAvatar> bobUpload = start(slots, BOB, bob);
        ada.awaitReading();
        bob.awaitReading();

        CountingBody carol = new CountingBody(picture);
        Future<ProcessedAvatar> carolUpload = start(slots, CAROL, carol);
        awaitUntil(() -> slots.waiting() == 1 || carolUpload.isDone());

        assertThat(carol.bytesRead()).as("bytes read while waiting for a slot").isZero();
        ada.release();
        assertThat(adaUpload.get(GIVE_UP_SECONDS, TimeUnit.SECONDS).contentType()).isEqualTo("image/jpeg");
        assertThat(carolUpload.get(GIVE_UP_SECONDS, TimeUnit.SECONDS).contentType()).isEqualTo("image/jpeg");
        assertThat(carol.bytesRead()).isEqualTo(picture.length);
        bob.release();
        assertThat(bobUpload.get(GIVE_UP_SECONDS, TimeUnit.SECONDS).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void uploadThatFindsNoSlotInTimeIsRefusedWithoutReadingItsBody() throws Exception {
        ProcessingSlots slots = slots(1, NO_WAIT);
        HeldBody ada = held(picture);
        Future<ProcessedAvatar> adaUpload = start(slots, ADA, ada);
        ada.awaitReading();
        CountingBody bob = new CountingBody(picture);

        assertRefused(() -> slots.process(BOB, bob, processor::process), Reason.BUSY,
                "Many pictures are being processed right now. Try again in a moment.");

        assertThat(bob.bytesRead()).isZero();
        ada.release();
        assertThat(adaUpload.get(GIVE_UP_SECONDS, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void secondUploadOfTheSameUserIsRefusedWhileTheFirstIsUnderWay() throws Exception {
        ProcessingSlots slots = slots(2, LONG_WAIT);
        HeldBody first = held(picture);
        Future<ProcessedAvatar> firstUpload = start(slots, ADA, first);
        first.awaitReading();
        CountingBody second = new CountingBody(picture);

        assertRefused(() -> slots.process(ADA, second, processor::process), Reason.ALREADY_UPLOADING,
                "Your previous picture is still being uploaded. Wait until it is done, then try again.");

        assertThat(second.bytesRead()).isZero();
        assertThat(slots.process(BOB, new CountingBody(picture), processor::process))
                .as("another user meanwhile").isNotNull();
        first.release();
        assertThat(firstUpload.get(GIVE_UP_SECONDS, TimeUnit.SECONDS)).isNotNull();
        assertThat(slots.process(ADA, new CountingBody(picture), processor::process))
                .as("the same user once the first is done").isNotNull();
    }

    /**
     * The declared length (the upload's Content-Length) only sizes the array the body is read into: the body is
     * read to its end whether the client declared its length right, too little, too much or nothing, and never
     * beyond the limit + 1 byte.
     */
    @Test
    void bodyIsReadToItsEndWhateverLengthTheClientDeclared() throws Exception {
        ProcessingSlots slots = slots(1, NO_WAIT);
        for (long declared : new long[] {picture.length, -1, 0, 1, picture.length - 1, picture.length + 1,
                10L * picture.length, Long.MAX_VALUE}) {
            CountingBody body = new CountingBody(picture);
            byte[] read = slots.process(ADA, body, declared, upload -> upload);
            assertThat(read).as("declared %d", declared).isEqualTo(picture);
            assertThat(body.bytesRead()).as("declared %d", declared).isEqualTo(picture.length);
        }
        for (long declared : new long[] {-1, 1, AvatarImageProcessor.MAX_UPLOAD_BYTES,
                AvatarImageProcessor.MAX_UPLOAD_BYTES + 1L, Long.MAX_VALUE}) {
            EndlessBody endless = new EndlessBody();
            assertRefused(() -> slots.process(ADA, endless, declared, processor::process), Reason.FILE_TOO_LARGE,
                    null);
            assertThat(endless.bytesRead()).as("declared %d: read no more than one byte over the limit", declared)
                    .isEqualTo(AvatarImageProcessor.MAX_UPLOAD_BYTES + 1);
        }
        byte[] atTheLimit = Arrays.copyOf(picture, AvatarImageProcessor.MAX_UPLOAD_BYTES);
        byte[] read = slots.process(ADA, new CountingBody(atTheLimit), atTheLimit.length, upload -> upload);
        assertThat(read).as("a body of exactly the limit, declared").isEqualTo(atTheLimit);
    }

    @Test
    void slotAndUserAreFreedWhateverEndsTheUpload() throws Exception {
        // One slot and no waiting: if anything kept the slot or the claim, the uploads after it would be refused.
        ProcessingSlots slots = slots(1, NO_WAIT);

        assertThatThrownBy(() -> slots.process(ADA, new CancelledBody(picture), processor::process))
                .as("upload cancelled by the browser").isInstanceOf(IOException.class);
        assertUsersCanUploadAgain(slots);

        assertRefused(() -> slots.process(ADA, new CountingBody("not a picture".getBytes(UTF_8)),
                processor::process), Reason.NOT_AN_IMAGE, null);
        assertUsersCanUploadAgain(slots);

        EndlessBody endless = new EndlessBody();
        assertRefused(() -> slots.process(ADA, endless, processor::process), Reason.FILE_TOO_LARGE, null);
        assertThat(endless.bytesRead()).as("read no more than one byte over the limit")
                .isEqualTo(AvatarImageProcessor.MAX_UPLOAD_BYTES + 1);
        assertUsersCanUploadAgain(slots);

        assertThatThrownBy(() -> slots.process(ADA, new CountingBody(picture), upload -> {
            throw new IllegalStateException("a bug in processing");
        })).isInstanceOf(IllegalStateException.class);
        assertUsersCanUploadAgain(slots);

        assertRefused(() -> slots.process(ADA, new SlowBody(picture, clock), processor::process),
                Reason.UPLOAD_TOO_SLOW, "The upload took too long. Try again, or choose a smaller picture.");
        assertUsersCanUploadAgain(slots);
    }

    @Test
    void waitInterruptedIsABusyRefusalAndFreesTheUser() throws Exception {
        ProcessingSlots slots = slots(1, LONG_WAIT);
        HeldBody ada = held(picture);
        Future<ProcessedAvatar> adaUpload = start(slots, ADA, ada);
        ada.awaitReading();
        Future<ProcessedAvatar> bobUpload = start(slots, BOB, new CountingBody(picture));
        awaitUntil(() -> slots.waiting() == 1);

        bobUpload.cancel(true);
        awaitUntil(() -> slots.waiting() == 0);
        ada.release();
        adaUpload.get(GIVE_UP_SECONDS, TimeUnit.SECONDS);

        assertThat(slots.process(BOB, new CountingBody(picture), processor::process)).isNotNull();
    }

    private void assertUsersCanUploadAgain(ProcessingSlots slots) throws IOException {
        assertThat(slots.process(BOB, new CountingBody(picture), processor::process)).as("slot free").isNotNull();
        assertThat(slots.process(ADA, new CountingBody(picture), processor::process)).as("user free").isNotNull();
    }

    private ProcessingSlots slots(int permits, Duration waitForSlot) {
        return new ProcessingSlots(permits, waitForSlot, BODY_DEADLINE, clock);
    }

    private HeldBody held(byte[] file) {
        HeldBody body = new HeldBody(file);
        held.add(body);
        return body;
    }

    private Future<ProcessedAvatar> start(ProcessingSlots slots, UserId uploader, InputStream body) {
        return uploads.submit((Callable<ProcessedAvatar>) () -> slots.process(uploader, body, processor::process));
    }

    private interface Upload {
        Object run() throws Exception;
    }

    /** @param expectedMessage null when only the reason matters */
    private static void assertRefused(Upload upload, Reason reason, String expectedMessage) {
        try {
            upload.run();
            fail("Expected a refusal (%s)", reason);
        } catch (AvatarRejectedException refusal) {
            assertThat(refusal.reason()).isEqualTo(reason);
            if (expectedMessage != null) {
                assertThat(refusal.getMessage()).isEqualTo(expectedMessage);
            }
        } catch (Exception e) {
            throw new AssertionError("Expected a refusal (" + reason + "), got " + e, e);
        }
    }

    /** Waits for another thread to reach a state; the limit only keeps a broken build from hanging. */
    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                fail("The uploads never reached the expected state");
            }
            Thread.sleep(2);
        }
    }

    /** A body served from memory that counts what was read of it. */
    private static class CountingBody extends InputStream {
        private final ByteArrayInputStream bytes;
        private final AtomicInteger read = new AtomicInteger();

        CountingBody(byte[] file) {
            bytes = new ByteArrayInputStream(file);
        }

        int bytesRead() {
            return read.get();
        }

        @Override
        public int read() {
            int value = bytes.read();
            if (value >= 0) {
                read.incrementAndGet();
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = bytes.read(buffer, offset, length);
            if (count > 0) {
                read.addAndGet(count);
            }
            return count;
        }
    }

    /** Still on its way: the first read blocks until the test releases it. */
    private static final class HeldBody extends CountingBody {
        private final CountDownLatch reading = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        HeldBody(byte[] file) {
            super(file);
        }

        void awaitReading() throws InterruptedException {
            assertThat(reading.await(GIVE_UP_SECONDS, TimeUnit.SECONDS)).as("upload started reading").isTrue();
        }

        void release() {
            released.countDown();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            reading.countDown();
            try {
                if (!released.await(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("Never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return super.read(buffer, offset, length);
        }
    }

    /** The browser cancels the upload after the first chunk: the servlet container then fails the next read. */
    private static final class CancelledBody extends CountingBody {
        CancelledBody(byte[] file) {
            super(file);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (bytesRead() > 0) {
                throw new IOException("Connection reset by peer");
            }
            return super.read(buffer, offset, Math.min(length, 100));
        }
    }

    /** A client that sends forever. */
    private static final class EndlessBody extends CountingBody {
        EndlessBody() {
            super(new byte[0]);
        }

        private final AtomicInteger sent = new AtomicInteger();

        @Override
        int bytesRead() {
            return sent.get();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            sent.addAndGet(length);
            return length;
        }
    }

    /** Each chunk arrives 20 s after the one before (the clock moves instead of the test waiting). */
    private static final class SlowBody extends CountingBody {
        private final MutableTestClock clock;

        SlowBody(byte[] file, MutableTestClock clock) {
            super(file);
            this.clock = clock;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            clock.advance(Duration.ofSeconds(20));
            return super.read(buffer, offset, Math.min(length, 100));
        }
    }
}
