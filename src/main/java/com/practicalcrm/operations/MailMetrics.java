package com.practicalcrm.operations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailSender;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts mails handed to the SMTP server (or the log) and mails that could not be delivered, by wrapping the
 * app's {@link MailSender}: the mail feature stays unaware of metrics. No recipient or subject in the tags.
 */
@Configuration(proxyBeanMethods = false)
class MailMetrics {

    static final String MAILS = "practicalcrm.mails";

    // Static, and the counters looked up only when a mail goes out: a post-processor must not pull beans in early.
    @Bean
    static BeanPostProcessor countingMailSender(ObjectProvider<MailCounters> counters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof MailSender sender ? new CountingMailSender(sender, counters) : bean;
            }
        };
    }

    @Component
    static final class MailCounters {

        private final Counter sent;
        private final Counter failed;

        MailCounters(MeterRegistry registry) {
            sent = Counter.builder(MAILS).tag("outcome", "sent")
                    .description("Mails handed to the SMTP server (or written to the log)").register(registry);
            failed = Counter.builder(MAILS).tag("outcome", "failed")
                    .description("Mails that could not be delivered").register(registry);
        }
    }

    static final class CountingMailSender implements MailSender {

        private final MailSender delegate;
        private final ObjectProvider<MailCounters> counters;

        CountingMailSender(MailSender delegate, ObjectProvider<MailCounters> counters) {
            this.delegate = delegate;
            this.counters = counters;
        }

        @Override
        public void deliver(EmailAddress to, MailMessage message) {
            try {
                delegate.deliver(to, message);
            } catch (RuntimeException e) {
                counters.getObject().failed.increment();
                throw e;
            }
            counters.getObject().sent.increment();
        }
    }
}
