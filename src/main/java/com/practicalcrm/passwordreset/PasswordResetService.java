package com.practicalcrm.passwordreset;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.account.PasswordRejectedException;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.account.repository.UserRepository;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailService;
import com.practicalcrm.passwordreset.repository.PasswordResetTokenRepository;
import com.practicalcrm.security.PasswordPolicy.PasswordCheck;
import com.practicalcrm.security.SecurityConfig;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.practicalcrm.sessions.UserSessions;

/**
 * Password reset by emailed link (OWASP Forgot Password): the same answer, and the same work, whether or not an
 * account exists; a link valid for 30 minutes, usable once, replaced by a newer one; a reset ends every session
 * of the account but keeps 2FA on.
 */
@Service
public class PasswordResetService {

    public static final Duration LINK_VALIDITY = Duration.ofMinutes(30);

    private final UserRepository users;
    private final UserService userService;
    private final PasswordResetTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Throttle throttle;
    private final SecurityEventService events;
    private final UserSessions sessions;
    private final EmailChangeService emailChanges;
    private final MailService mail;
    private final Clock clock;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    public PasswordResetService(UserRepository users, UserService userService, PasswordResetTokenRepository tokens,
                                PasswordEncoder passwordEncoder, Throttle throttle, SecurityEventService events,
                                UserSessions sessions, EmailChangeService emailChanges, MailService mail, Clock clock,
                                @Value("${practicalcrm.base-url}") String baseUrl) {
        this.users = users;
        this.userService = userService;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.events = events;
        this.sessions = sessions;
        this.emailChanges = emailChanges;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Mails a reset link if an account has this address. Says nothing about whether it has: the caller shows
     * the same answer either way, and the mail leaves in the background after commit.
     *
     * @throws IllegalArgumentException        when the input is not an email address
     * @throws ResetRequestThrottledException  after too many requests for this address or from this client
     */
    @Transactional
    public void request(String email, ClientInfo client) {
        EmailAddress address = EmailAddress.of(email);
        // Counted before anything is looked up or sent, so parallel requests cannot all send a mail.
        throttle.attempt(Throttle.key(ThrottleScope.PASSWORD_RESET_ADDRESS, client.address()),
                        Throttle.key(ThrottleScope.PASSWORD_RESET_ACCOUNT, address.value()))
                .refusedUntil().ifPresent(retryAt -> {
                    throw new ResetRequestThrottledException(retryAt);
                });
        // Generated and hashed for unknown addresses too, so both cases cost the same.
        ResetToken token = ResetToken.generate(random);
        users.findProfileByEmail(address).ifPresentOrElse(
                profile -> issue(profile, token, client),
                () -> tokens.exists(token.hash()));
    }

    /**
     * The Reset Password link of the profile page: mails a link to the signed-in user's own address.
     *
     * @return the address the link went to
     */
    @Transactional
    public EmailAddress requestForSignedInUser(UserId userId, ClientInfo client) {
        UserProfile profile = users.findProfile(userId)
                .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists"));
        throttle.attempt(Throttle.key(ThrottleScope.PASSWORD_RESET_ACCOUNT, profile.email().value()))
                .refusedUntil().ifPresent(retryAt -> {
                    throw new ResetRequestThrottledException(retryAt);
                });
        issue(profile, ResetToken.generate(random), client);
        return profile.email();
    }

    /**
     * After "This wasn't me" on a new-sign-in alert: mails a reset link to the account's own address, without the
     * request throttle (each alert link works once, and only a successful sign-in creates one).
     *
     * @return the address the link went to
     */
    @Transactional
    public EmailAddress mailLinkToAccountOwner(UserId userId, ClientInfo client) {
        UserProfile profile = users.findProfile(userId)
                .orElseThrow(() -> new IllegalStateException("The account no longer exists"));
        issue(profile, ResetToken.generate(random), client);
        return profile.email();
    }

    /** Whose password the link resets, while it is valid; empty for an unknown, used, replaced or expired link. */
    @Transactional(readOnly = true)
    public Optional<ResetAccount> openLink(String token) {
        return tokens.findUserOfValidToken(ResetToken.hashOf(token), clock.instant())
                .flatMap(users::findProfile)
                .map(profile -> new ResetAccount(profile.fullName(), profile.email()));
    }

    /**
     * Sets the new password and uses up the link. Every session of the account ends on every instance, a pending
     * email change is cancelled, the sign-in (password) throttle is cleared, and the user is notified.
     * Two-factor authentication and its code-step throttle are left as they are. An address not confirmed yet
     * counts as confirmed: the link proved it.
     *
     * @throws InvalidResetLinkException when the link is not (or no longer) valid
     * @throws PasswordRejectedException when the new password breaks the password rules
     */
    @Transactional
    public void resetPassword(String token, String newPassword, ClientInfo client) {
        String hash = ResetToken.hashOf(token);
        UserId userId = tokens.findUserOfValidToken(hash, clock.instant())
                .orElseThrow(InvalidResetLinkException::new);
        UserProfile profile = users.findProfile(userId).orElseThrow(InvalidResetLinkException::new);
        PasswordCheck check = userService.checkPassword(newPassword, profile.fullName(), profile.email().value());
        if (!check.acceptable()) {
            throw new PasswordRejectedException(check.message());
        }
        // Hashed before the token row is locked by its DELETE, to keep that lock short.
        String newHash = passwordEncoder.encode(newPassword);
        if (!tokens.consume(hash, clock.instant())) {
            throw new InvalidResetLinkException();
        }
        users.replacePassword(userId, newHash);
        // The link reached the address: that proves it, like the link mailed at sign-up.
        if (users.markEmailConfirmed(userId, clock.instant())) {
            events.record(userId, SecurityEventType.EMAIL_CONFIRMED, client);
        }
        sessions.endAll(userId);
        throttle.clear(ThrottleScope.SIGN_IN_ACCOUNT, profile.email().value());
        throttle.clear(ThrottleScope.PASSWORD_RESET_ACCOUNT, profile.email().value());
        // 2FA stays on after a reset, and so does its code-step throttle (docs/security-rules.md): a reset link must not
        // buy whoever holds the mailbox a fresh series of guesses at the code.
        events.record(userId, SecurityEventType.PASSWORD_RESET, client);
        // Whoever had the account before the reset must not be able to move it to their address.
        emailChanges.cancel(userId, client);
    }

    @Scheduled(cron = "${practicalcrm.password-reset.purge-cron:0 29 3 * * *}")
    @Transactional
    public void deleteExpiredLinks() {
        tokens.deleteExpired(clock.instant());
    }

    private void issue(UserProfile profile, ResetToken token, ClientInfo client) {
        Instant now = clock.instant();
        tokens.replace(profile.id(), token.hash(), now, now.plus(LINK_VALIDITY));
        events.record(profile.id(), SecurityEventType.PASSWORD_RESET_REQUESTED, client);
        mail.send(profile.email(), linkMail(profile, token));
    }

    private MailMessage linkMail(UserProfile profile, ResetToken token) {
        String link = baseUrl + "/" + SecurityConfig.RESET_PASSWORD_PATH + "/" + token.value();
        return new MailMessage("Reset your PracticalCRM password", List.of(
                "Hello " + profile.fullName() + ",",
                "We received a request to reset the password of your PracticalCRM account "
                        + profile.email().value() + ". Choose a new password with the link below.",
                "The link works once, for " + LINK_VALIDITY.toMinutes() + " minutes. If you ask for another link, "
                        + "only the newest one works.",
                "If you did not ask for this, you can ignore this mail: your password stays as it is."),
                new MailMessage.Link("Choose a new password", link));
    }
}
