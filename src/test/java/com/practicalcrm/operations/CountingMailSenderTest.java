package com.practicalcrm.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.mail.MailDeliveryException;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailSender;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CountingMailSenderTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();

    @Test
    void deliveredAndUndeliverableMailsAreCountedAndTheFailureStillReachesTheCaller() {
        beans.addBean("mailCounters", new MailMetrics.MailCounters(registry));
        MailSender failing = (to, message) -> {
            if (to.value().startsWith("bounce")) {
                throw new MailDeliveryException("SMTP delivery failed: 550", null);
            }
        };
        MailSender counting = new MailMetrics.CountingMailSender(failing, beans.getBeanProvider(
                MailMetrics.MailCounters.class));
        MailMessage message = new MailMessage("Subject", List.of("Hello"), null);

        counting.deliver(EmailAddress.of("someone@example.com"), message);
        counting.deliver(EmailAddress.of("someone@example.com"), message);
        assertThatThrownBy(() -> counting.deliver(EmailAddress.of("bounce@example.com"), message))
                .isInstanceOf(MailDeliveryException.class);

        assertThat(registry.get(MailMetrics.MAILS).tag("outcome", "sent").counter().count()).isEqualTo(2);
        assertThat(registry.get(MailMetrics.MAILS).tag("outcome", "failed").counter().count()).isEqualTo(1);
    }
}
