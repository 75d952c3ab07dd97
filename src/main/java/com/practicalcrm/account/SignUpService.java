package com.practicalcrm.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.account.AccountConfirmation.Outcome;
import com.practicalcrm.account.repository.AccountConfirmationRepository;
import com.practicalcrm.account.repository.AccountConfirmationRepository.StoredConfirmation;
import com.practicalcrm.account.repository.UserRepository;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.LinkToken;
import com.practicalcrm.common.UserId;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailService;
import com.practicalcrm.security.PasswordPolicy.PasswordCheck;
import com.practicalcrm.security.SecurityConfig;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleScope;

/**
 * Create account, proving the address (docs/security-rules.md, "Sign-up"): the form always gets the same answer, and the
 * address gets either a confirmation link (a new account, which cannot sign in before the link is opened) or, if
 * it already has an account, a mail saying so with Reset Password. So the form tells nobody which addresses have
 * accounts. Links work once and for 24 hours; accounts left unconfirmed are deleted after 7 days.
 */
@Service
public class SignUpService {

    public static final Duration LINK_VALIDITY = Duration.ofHours(24);
    public static final Duration UNCONFIRMED_ACCOUNT_LIFETIME = Duration.ofDays(7);
    /** Route of the page the link in the mail opens (the token follows as {@code ?token=}). */
    public static final String CONFIRM_PATH = SecurityConfig.CONFIRM_ACCOUNT_PATH;

    private final UserRepository users;
    private final UserService userService;
    private final AccountConfirmationRepository confirmations;
    private final PasswordEncoder passwordEncoder;
    private final Throttle throttle;
    private final SecurityEventService events;
    private final MailService mail;
    private final Clock clock;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    public SignUpService(UserRepository users, UserService userService, AccountConfirmationRepository confirmations,
                         PasswordEncoder passwordEncoder, Throttle throttle, SecurityEventService events,
                         MailService mail, Clock clock, @Value("${practicalcrm.base-url}") String baseUrl) {
        this.users = users;
        this.userService = userService;
        this.confirmations = confirmations;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /**
     * Creates an account that must confirm its address, and mails the link; if the address already has an
     * account, mails that account's owner instead and creates nothing. Returns normally in both cases, after
     * the same work (the password is hashed either way), and the mail leaves in the background after commit.
     *
     * @throws IllegalArgumentException   with a message for the person when the name or email is not valid
     * @throws PasswordRejectedException  when the password breaks the password rules
     * @throws SignUpThrottledException   after too many requests for this address or from this client
     */
    @Transactional
    public void signUp(String fullName, String email, String password, ClientInfo client) {
        String name = UserService.validName(fullName);
        EmailAddress address = EmailAddress.of(email);
        PasswordCheck check = userService.checkPassword(password, name, address.value());
        if (!check.acceptable()) {
            throw new PasswordRejectedException(check.message());
        }
        countMailRequest(address, client).ifPresent(retryAt -> {
            throw new SignUpThrottledException(retryAt);
        });
        String passwordHash = passwordEncoder.encode(password);
        String token = LinkToken.generate(random);
        Optional<UserProfile> existing = users.findProfileByEmail(address);
        if (existing.isPresent()) {
            // The same lookup a new link's insert makes, so that both answers cost about the same.
            confirmations.exists(LinkToken.sha256(token));
            mail.send(address, alreadyHasAccountMail(existing.get()));
            return;
        }
        Instant now = clock.instant();
        UserId id;
        try {
            id = users.insert(name, address, passwordHash, now, null);
        } catch (EmailAlreadyInUseException e) {
            // Created by a concurrent request meanwhile: answer as if it had been there already.
            users.findProfileByEmail(address).ifPresent(profile -> mail.send(address, alreadyHasAccountMail(profile)));
            return;
        }
        events.record(id, SecurityEventType.ACCOUNT_CREATED, client);
        issueLink(id, name, address, token);
    }

    /**
     * The sign-in page's "Send the link again", offered only after the account's password was accepted. Counted
     * like a sign-up, per address and per client: mails a new link (valid 24 hours; older links stop working) if
     * the account's address is still unconfirmed.
     *
     * @return empty when done, or when the request is throttled the time from which it may be asked again
     */
    @Transactional
    public Optional<Instant> resendConfirmationLink(String email, ClientInfo client) {
        if (!EmailAddress.isValidInput(email)) {
            return Optional.empty();
        }
        EmailAddress address = EmailAddress.of(email);
        Optional<Instant> retryAt = countMailRequest(address, client);
        if (retryAt.isPresent()) {
            return retryAt;
        }
        users.findProfileByEmail(address)
                .filter(profile -> !users.isEmailConfirmed(profile.id()))
                .ifPresent(profile -> issueLink(profile.id(), profile.fullName(), profile.email(),
                        LinkToken.generate(random)));
        return Optional.empty();
    }

    /**
     * Opens a confirmation link: confirms the address if the link is known, unused and unexpired. The page that
     * calls this needs a click, so that mail scanners opening links do not confirm.
     */
    @Transactional
    public AccountConfirmation confirm(String token, ClientInfo client) {
        if (!LinkToken.isWellFormed(token)) {
            return new AccountConfirmation(Outcome.NOT_FOUND, null);
        }
        Optional<StoredConfirmation> found = confirmations.findByTokenForUpdate(LinkToken.sha256(token));
        if (found.isEmpty()) {
            return new AccountConfirmation(Outcome.NOT_FOUND, null);
        }
        StoredConfirmation link = found.get();
        Optional<UserProfile> account = users.findProfile(link.userId());
        if (account.isEmpty()) {
            return new AccountConfirmation(Outcome.NOT_FOUND, null);
        }
        EmailAddress email = account.get().email();
        Instant now = clock.instant();
        if (link.usedAt() != null || users.isEmailConfirmed(link.userId())) {
            return new AccountConfirmation(Outcome.ALREADY_CONFIRMED, email);
        }
        if (!now.isBefore(link.expiresAt())) {
            return new AccountConfirmation(Outcome.EXPIRED, email);
        }
        confirmations.markUsed(link.userId(), now);
        if (users.markEmailConfirmed(link.userId(), now)) {
            events.record(link.userId(), SecurityEventType.EMAIL_CONFIRMED, client);
        }
        return new AccountConfirmation(Outcome.CONFIRMED, email);
    }

    /**
     * Deletes accounts whose address was not confirmed within 7 days (with everything that belongs to them), and
     * used links once expired.
     *
     * @return the number of accounts deleted
     */
    @Transactional
    public int purgeUnconfirmedAccounts() {
        Instant now = clock.instant();
        confirmations.deleteUsedAndExpired(now);
        return users.deleteUnconfirmedJoinedBefore(now.minus(UNCONFIRMED_ACCOUNT_LIFETIME));
    }

    /**
     * Counts a request that sends mail, per target address and per client address.
     *
     * @return the time to try again if either must wait; then nothing is counted
     */
    private Optional<Instant> countMailRequest(EmailAddress address, ClientInfo client) {
        // Counted before anything is sent, so parallel requests cannot all send a mail.
        return throttle.attempt(Throttle.key(ThrottleScope.SIGN_UP_ADDRESS, client.address()),
                        Throttle.key(ThrottleScope.SIGN_UP_ACCOUNT, address.value()))
                .refusedUntil();
    }

    private void issueLink(UserId id, String fullName, EmailAddress address, String token) {
        Instant now = clock.instant();
        confirmations.replace(id, LinkToken.sha256(token), now, now.plus(LINK_VALIDITY));
        mail.send(address, confirmationMail(fullName, token));
    }

    private MailMessage confirmationMail(String fullName, String token) {
        return new MailMessage("Confirm your email address for " + MailMessage.PRODUCT, List.of(
                "Hello " + fullName + ",",
                "Thank you for creating a " + MailMessage.PRODUCT + " account with this address. Confirm the "
                        + "address with the button below; then sign in with your email and password.",
                "The link works once and for 24 hours. An account whose address is not confirmed within "
                        + UNCONFIRMED_ACCOUNT_LIFETIME.toDays() + " days is deleted.",
                "If you did not create this account, ignore this mail: without the link it cannot be used, and it "
                        + "is deleted after " + UNCONFIRMED_ACCOUNT_LIFETIME.toDays() + " days."),
                new MailMessage.Link("Confirm email address", baseUrl + CONFIRM_PATH + "?token=" + token));
    }

    private MailMessage alreadyHasAccountMail(UserProfile account) {
        boolean confirmed = users.isEmailConfirmed(account.id());
        String state = confirmed
                ? "If you have forgotten your password, choose a new one with Reset Password below. Otherwise "
                        + "sign in as usual at " + baseUrl + "login."
                : "Its address is not confirmed yet: open the link in the mail we sent when it was created, or "
                        + "choose a new password with Reset Password below, which confirms the address too.";
        return new MailMessage("You already have a " + MailMessage.PRODUCT + " account", List.of(
                "Hello " + account.fullName() + ",",
                "Someone, probably you, tried to create a " + MailMessage.PRODUCT + " account with this address. "
                        + "This address already has an account, so no new account was created.",
                state,
                "If this was not you, you can ignore this mail: nothing has changed."),
                new MailMessage.Link("Reset Password", baseUrl + SecurityConfig.FORGOT_PASSWORD_PATH));
    }
}
