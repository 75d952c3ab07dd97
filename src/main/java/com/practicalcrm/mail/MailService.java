package com.practicalcrm.mail;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.LogSafe;

/**
 * Sends mail in the background once the surrounding transaction has committed: a link is never mailed for a
 * token that was rolled back, and the request does not wait for (or reveal through its timing) the SMTP round trip.
 */
@Service
public class MailService {

    private static final Logger log = LoggerFactory.getLogger(MailService.class);

    private final MailSender sender;
    private final Executor executor;
    private final ApplicationEventPublisher events;

    public MailService(MailSender sender, @Qualifier("mailExecutor") Executor mailExecutor,
                       ApplicationEventPublisher events) {
        this.sender = sender;
        this.executor = mailExecutor;
        this.events = events;
    }

    public void send(EmailAddress to, MailMessage message) {
        Runnable delivery = () -> executor.execute(() -> deliver(to, message));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.run();
                }
            });
        } else {
            delivery.run();
        }
    }

    private void deliver(EmailAddress to, MailMessage message) {
        boolean delivered = false;
        try {
            sender.deliver(to, message);
            delivered = true;
        } catch (RuntimeException e) {
            // Subject only: bodies carry one-time links.
            log.error("Mail '{}' to {} could not be delivered: {}", LogSafe.escape(message.subject()),
                    LogSafe.escape(to), LogSafe.escape(e.getMessage()));
        }
        events.publishEvent(new MailDeliveryAttempted(delivered));
    }
}
