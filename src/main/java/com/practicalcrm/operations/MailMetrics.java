package com.practicalcrm.operations;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.practicalcrm.mail.MailDeliveryAttempted;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Mails handed to the SMTP server (or the log) and mails that could not be delivered; no recipient or subject. */
@Component
class MailMetrics {

    static final String MAILS = "practicalcrm.mails";

    private final Counter sent;
    private final Counter failed;

    MailMetrics(MeterRegistry registry) {
        sent = Counter.builder(MAILS).tag("outcome", "sent")
                .description("Mails handed to the SMTP server (or written to the log)").register(registry);
        failed = Counter.builder(MAILS).tag("outcome", "failed")
                .description("Mails that could not be delivered").register(registry);
    }

    @EventListener
    void onAttempt(MailDeliveryAttempted attempt) {
        (attempt.delivered() ? sent : failed).increment();
    }
}
