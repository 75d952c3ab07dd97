package com.practicalcrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Shows that a mail was <em>not</em> sent. The app hands each mail to its mail executor (a fixed pool, FIFO
 * queue) when the transaction commits, and a thread delivers it later; looking at the SMTP server right after
 * the action would look before the mail could arrive. {@link #drain()} waits until every mail handed over so far
 * has been delivered (or has failed): it queues one blocker per pool thread, and only once every thread runs a
 * blocker have all earlier tasks finished (a thread takes the next task only after the previous one is done,
 * and the queue hands them out in order). GreenMail stores a message before it acknowledges it, so after
 * {@code drain()} every delivered mail is visible.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailQueue {

    private final ExecutorService mailExecutor;
    private final GreenMail greenMail;

    TestMailQueue(@Qualifier("mailExecutor") ExecutorService mailExecutor, GreenMail greenMail) {
        this.mailExecutor = mailExecutor;
        this.greenMail = greenMail;
    }

    /** Waits (up to 10 s) until every mail handed to the mail executor so far has been delivered or has failed. */
    public void drain() {
        int threads = ((ThreadPoolExecutor) mailExecutor).getMaximumPoolSize();
        CountDownLatch allBlocked = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            mailExecutor.execute(() -> {
                allBlocked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            if (!allBlocked.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("The mail executor did not finish its earlier mails within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the mail executor", e);
        } finally {
            release.countDown();
        }
    }

    /** Asserts that no mail to {@code recipient} was sent by anything done so far (see {@link #drain()}). */
    public void assertNoMailTo(String recipient) {
        drain();
        assertThat(TestMailServer.messagesTo(greenMail, recipient))
                .as("mails to %s", recipient).isEmpty();
    }
}
