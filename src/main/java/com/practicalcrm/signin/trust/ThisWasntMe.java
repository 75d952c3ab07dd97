package com.practicalcrm.signin.trust;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.LinkToken;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.sessions.UserSessions;
import com.practicalcrm.signin.trust.repository.KnownDeviceRepository;
import com.practicalcrm.signin.trust.repository.SignInAlertRepository;
import com.practicalcrm.signin.trust.repository.SignInAlertRepository.StoredAlert;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;

/**
 * The "This wasn't me" link of a new-sign-in alert: single use, valid 7 days. Confirmed, it ends every session of
 * the account on every instance (the credential version is raised), forgets the remembered browsers and the
 * browser that signed in, cancels a pending email change and mails a reset link to the account's address.
 */
@Service
public class ThisWasntMe {

    /** What the link's page shows before the click. */
    public record ReportedSignIn(Instant signedInAt, ClientInfo client) {
    }

    /** What was done, for the page to say. */
    public record Outcome(int sessionsEnded, int browsersForgotten, boolean emailChangeCancelled,
                          EmailAddress resetLinkSentTo) {
    }

    /** The link is unknown, used already or expired. */
    public static final class InvalidLinkException extends RuntimeException {
        InvalidLinkException() {
            super("This link is no longer valid. Each \"This wasn't me\" link works once, within 7 days.");
        }
    }

    private final SignInAlertRepository alerts;
    private final KnownDeviceRepository devices;
    private final UserSessions sessions;
    private final TrustedBrowsers trustedBrowsers;
    private final EmailChangeService emailChanges;
    private final UserService users;
    private final SecurityEventService events;
    private final Clock clock;

    public ThisWasntMe(SignInAlertRepository alerts, KnownDeviceRepository devices, UserSessions sessions,
                       TrustedBrowsers trustedBrowsers, EmailChangeService emailChanges,
                       UserService users, SecurityEventService events, Clock clock) {
        this.alerts = alerts;
        this.devices = devices;
        this.sessions = sessions;
        this.trustedBrowsers = trustedBrowsers;
        this.emailChanges = emailChanges;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The sign-in the link reports, while the link is valid. */
    @Transactional(readOnly = true)
    public Optional<ReportedSignIn> open(String token) {
        return valid(token).map(alert -> new ReportedSignIn(alert.signedInAt(), alert.client()));
    }

    /** @throws InvalidLinkException when the link is unknown, used or expired (a second click included) */
    @Transactional
    public Outcome report(String token, ClientInfo client) {
        StoredAlert alert = valid(token).orElseThrow(InvalidLinkException::new);
        if (!alerts.consume(alert.id(), clock.instant())) {
            throw new InvalidLinkException();
        }
        UserId userId = alert.userId();
        // Before the credential version rises: a raised version already closes the change's link, and the
        // cancellation must still find it to delete it.
        boolean emailChangeCancelled = emailChanges.pending(userId).isPresent();
        emailChanges.cancel(userId, client);
        int browsersForgotten = trustedBrowsers.revokeAll(userId);
        if (alert.deviceId() != null) {
            devices.delete(userId, alert.deviceId());
        }
        int sessionsEnded = sessions.active(userId).size();
        sessions.endOthersAfterCredentialChange(userId, null);
        // Password reset mails its link on this event (in this transaction): it builds on sign-in, not the reverse.
        events.record(userId, SecurityEventType.SIGN_IN_REPORTED, client);
        EmailAddress sentTo = users.findProfile(userId).map(UserProfile::email)
                .orElseThrow(() -> new IllegalStateException("The account no longer exists"));
        return new Outcome(sessionsEnded, browsersForgotten, emailChangeCancelled, sentTo);
    }

    private Optional<StoredAlert> valid(String token) {
        if (!LinkToken.isWellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return alerts.find(LinkToken.sha256(token))
                .filter(alert -> alert.usedAt() == null && alert.expiresAt().isAfter(now));
    }
}
