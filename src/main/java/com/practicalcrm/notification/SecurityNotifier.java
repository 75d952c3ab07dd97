package com.practicalcrm.notification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailService;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventRecorded;

/**
 * Mails the user when the protection of their account changes (see {@link SecurityNotices}): what happened,
 * when, from which browser and address, and what to do if it was not them. Runs inside the transaction that
 * recorded the event; the mail itself leaves only after that transaction commits.
 */
@Component
class SecurityNotifier {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final UserService users;
    private final MailService mail;
    private final boolean enabled;
    private final String profileUrl;

    SecurityNotifier(UserService users, MailService mail,
                     @Value("${practicalcrm.security-notifications.enabled:true}") boolean enabled,
                     @Value("${practicalcrm.base-url}") String baseUrl) {
        this.users = users;
        this.mail = mail;
        this.enabled = enabled;
        this.profileUrl = (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "profile";
    }

    @EventListener
    void onSecurityEvent(SecurityEventRecorded recorded) {
        if (!enabled) {
            return;
        }
        SecurityEvent event = recorded.event();
        SecurityNotices.of(event.type()).ifPresent(notice -> {
            Optional<UserProfile> profile = users.findProfile(event.userId());
            Optional<EmailAddress> to = recorded.notifyAt().or(() -> profile.map(UserProfile::email));
            to.ifPresent(address -> mail.send(address, message(notice, event, profile)));
        });
    }

    private MailMessage message(SecurityNotice notice, SecurityEvent event, Optional<UserProfile> profile) {
        return new MailMessage(notice.subject(), List.of(
                profile.map(p -> "Hello " + p.fullName() + ",").orElse("Hello,"),
                notice.whatHappened(),
                "When: " + WHEN.format(event.occurredAt()),
                "Browser: " + event.client().browser(),
                "Address: " + event.client().addressOrUnknown(),
                "If this was you, there is nothing to do. " + notice.ifNotYou()),
                new MailMessage.Link("Review your security activity", profileUrl));
    }
}
