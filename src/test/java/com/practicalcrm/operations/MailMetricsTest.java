package com.practicalcrm.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.mail.MailDeliveryAttempted;
import com.practicalcrm.mail.MailDeliveryException;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailSender;
import com.practicalcrm.mail.MailService;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MailMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MailMetrics metrics = new MailMetrics(registry);

    @Test
    void deliveredAndUndeliverableMailsAreCountedWithoutRecipientOrSubject() {
        MailSender bouncing = (to, message) -> {
            if (to.value().startsWith("bounce")) {
                throw new MailDeliveryException("SMTP delivery failed: 550", null);
            }
        };
        MailService mail = new MailService(bouncing, Runnable::run,
                event -> metrics.onAttempt((MailDeliveryAttempted) event));
        MailMessage message = new MailMessage("Subject", List.of("Hello"), null);

        mail.send(EmailAddress.of("someone@example.com"), message);
        mail.send(EmailAddress.of("someone@example.com"), message);
        mail.send(EmailAddress.of("bounce@example.com"), message);

        assertThat(registry.get(MailMetrics.MAILS).tag("outcome", "sent").counter().count()).isEqualTo(2);
        assertThat(registry.get(MailMetrics.MAILS).tag("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get(MailMetrics.MAILS).counters()).hasSize(2)
                .allSatisfy(counter -> assertThat(counter.getId().getTags()).hasSize(1));
    }
}
