package com.practicalcrm.emailchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.account.EmailAlreadyInUseException;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.repository.UserRepository;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;
import com.practicalcrm.emailchange.EmailConfirmation.Outcome;
import com.practicalcrm.emailchange.repository.EmailChangeRepository;
import com.practicalcrm.emailchange.repository.EmailChangeRepository.StoredEmailChange;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailService;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.reauth.ReauthenticationService;
import com.practicalcrm.security.SecurityConfig;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.sessions.UserSessions;

/**
 * Changing the email address: the user confirms it's them ("Confirm it's you"), a link goes to the new address, the old address
 * is told, and the address changes only when the link is opened (by anyone holding it, signed in or not).
 */
@Service
public class EmailChangeService {

    public static final Duration LINK_VALIDITY = Duration.ofHours(24);
    public static final String CONFIRM_PATH = SecurityConfig.CONFIRM_EMAIL_PATH;

    static final String ADDRESS_OF_ANOTHER_ACCOUNT = "This email address belongs to another account. "
            + "Use a different one.";
    static final String SAME_ADDRESS = "This is already your email address.";

    private final UserRepository users;
    private final EmailChangeRepository changes;
    private final ReauthenticationService reauthentication;
    private final SecurityEventService events;
    private final MailService mail;
    private final UserSessions sessions;
    private final Clock clock;
    private final String baseUrl;

    public EmailChangeService(UserRepository users, EmailChangeRepository changes,
                              ReauthenticationService reauthentication, SecurityEventService events, MailService mail,
                              UserSessions sessions, Clock clock,
                              @Value("${practicalcrm.base-url}") String baseUrl) {
        this.users = users;
        this.changes = changes;
        this.reauthentication = reauthentication;
        this.events = events;
        this.mail = mail;
        this.sessions = sessions;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /**
     * Starts a change: mails a confirmation link to the new address and a notice to the current one (after commit).
     * A newer request replaces an older one.
     *
     * @throws IllegalArgumentException          when the address is malformed or already the user's
     * @throws ConfirmationRequiredException     unless the user confirmed it's them within the window
     * @throws EmailAlreadyInUseException        when another account uses the address (any case)
     */
    @Transactional
    public void requestChange(UserId userId, String newEmail, ClientInfo client) {
        EmailAddress address = EmailAddress.of(newEmail);
        UserProfile profile = users.findProfile(userId).orElseThrow();
        if (address.equals(profile.email())) {
            throw new IllegalArgumentException(SAME_ADDRESS);
        }
        reauthentication.requireRecentConfirmation(userId);
        // Only after the confirmation: someone at an unattended session must not learn which addresses have accounts.
        if (users.existsByEmail(address)) {
            throw new EmailAlreadyInUseException(ADDRESS_OF_ANOTHER_ACCOUNT);
        }
        String token = EmailChangeToken.generate();
        Instant now = clock.instant();
        changes.replace(userId, address, EmailChangeToken.hash(token), now, now.plus(LINK_VALIDITY));
        events.record(userId, SecurityEventType.EMAIL_CHANGE_REQUESTED, client);
        mail.send(address, confirmationMessage(profile.fullName(), token));
        mail.send(profile.email(), noticeToOldAddress(profile.fullName(), address));
    }

    /** One SELECT, so no transaction around it (docs/design-decisions/DD-single-select-reads.md). */
    public Optional<PendingEmailChange> pending(UserId userId) {
        return changes.findOpen(userId, clock.instant())
                .map(change -> new PendingEmailChange(change.newEmail(), change.expiresAt()));
    }

    /**
     * Withdraws the pending change; its link stops working. Also called by a password reset: whoever had the
     * account before the reset must not be able to move it to their address.
     */
    @Transactional
    public void cancel(UserId userId, ClientInfo client) {
        if (changes.deleteOpen(userId)) {
            events.record(userId, SecurityEventType.EMAIL_CHANGE_CANCELLED, client);
        }
    }

    /** {@link #confirm(String, ClientInfo, UserId, String)} from no session of the account: all of them end. */
    @Transactional
    public EmailConfirmation confirm(String token, ClientInfo client) {
        return confirm(token, client, null, null);
    }

    /**
     * Opens a confirmation link: changes the address if the link is known, unused, unexpired and the address free.
     * A change ends the account's other sessions on every instance; the session that confirmed it goes on if it
     * is signed in to this account ({@link EmailConfirmation#keptSession()}), once it takes the new credential
     * version ({@link com.practicalcrm.sessions.CurrentSession#renew}).
     *
     * @param signedInUser who is signed in where the link was opened, or null
     * @param sessionKey   the registry key of that session, or null
     */
    @Transactional
    public EmailConfirmation confirm(String token, ClientInfo client, UserId signedInUser, String sessionKey) {
        if (!EmailChangeToken.isWellFormed(token)) {
            return new EmailConfirmation(Outcome.NOT_FOUND, null);
        }
        Optional<StoredEmailChange> found = changes.findByTokenForUpdate(EmailChangeToken.hash(token));
        if (found.isEmpty()) {
            return new EmailConfirmation(Outcome.NOT_FOUND, null);
        }
        StoredEmailChange change = found.get();
        Instant now = clock.instant();
        if (change.usedAt() != null) {
            return new EmailConfirmation(Outcome.ALREADY_USED, change.newEmail());
        }
        if (change.credentialsChanged()) {
            // A password reset (or anything else that ends the user's sessions) came after the request.
            return new EmailConfirmation(Outcome.NOT_FOUND, null);
        }
        if (!now.isBefore(change.expiresAt())) {
            return new EmailConfirmation(Outcome.EXPIRED, change.newEmail());
        }
        if (users.existsByEmail(change.newEmail())) {
            return new EmailConfirmation(Outcome.ADDRESS_TAKEN, change.newEmail());
        }
        // The notice of the change goes to the address being replaced, so its owner hears about it.
        Optional<EmailAddress> oldEmail = users.findProfile(change.userId()).map(UserProfile::email);
        try {
            users.updateEmail(change.userId(), change.newEmail());
        } catch (EmailAlreadyInUseException e) {
            // Taken between the check and the update by a concurrent sign-up.
            return new EmailConfirmation(Outcome.ADDRESS_TAKEN, change.newEmail());
        }
        changes.markUsed(change.userId(), now);
        boolean keep = sessionKey != null && change.userId().equals(signedInUser);
        sessions.endOthersAfterCredentialChange(change.userId(), keep ? sessionKey : null);
        if (oldEmail.isPresent()) {
            events.record(change.userId(), SecurityEventType.EMAIL_CHANGED, client, oldEmail.get());
        } else {
            events.record(change.userId(), SecurityEventType.EMAIL_CHANGED, client);
        }
        return new EmailConfirmation(Outcome.CONFIRMED, change.newEmail(), keep);
    }

    private MailMessage confirmationMessage(String fullName, String token) {
        return new MailMessage("Confirm your new email address", List.of(
                "Hello " + fullName + ",",
                "You asked to use this address for your " + MailMessage.PRODUCT + " account. Your address changes "
                        + "only when you confirm it with the button below.",
                "The link works once and for 24 hours. If you did not ask for this, ignore this message: "
                        + "nothing will change."),
                new MailMessage.Link("Confirm email address", baseUrl + CONFIRM_PATH + "?token=" + token));
    }

    private static MailMessage noticeToOldAddress(String fullName, EmailAddress newEmail) {
        return new MailMessage("Your email address is about to change", List.of(
                "Hello " + fullName + ",",
                "Someone signed in to your " + MailMessage.PRODUCT + " account asked to change its email address to "
                        + newEmail.value() + ". A confirmation link was sent there; this address stays in use "
                        + "until it is opened.",
                "If this was not you, sign in, cancel the change on your profile page and reset your password."),
                null);
    }
}
