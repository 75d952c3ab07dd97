package com.practicalcrm.account;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.account.repository.AccountDataRepository;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.LogSafe;
import com.practicalcrm.common.UserId;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailService;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.reauth.ReauthenticationService;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Delete account": after the user types their address, the account and everything that belongs to it go in one
 * transaction (the foreign keys cascade from {@code app_user}; see the README for the tables). Every session ends
 * on its next request on every instance, since its account is gone; a last mail confirms it.
 */
@Service
public class AccountDeletion {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    /** The typed address is not the account's. */
    public static final class WrongEmailException extends RuntimeException {
        WrongEmailException() {
            super("That is not your account's email address. Type it exactly as shown on your profile.");
        }
    }

    private final ReauthenticationService reauthentication;
    private final AccountDataRepository repository;
    private final UserService users;
    private final MailService mail;

    public AccountDeletion(ReauthenticationService reauthentication, AccountDataRepository repository,
                           UserService users, MailService mail) {
        this.reauthentication = reauthentication;
        this.repository = repository;
        this.users = users;
        this.mail = mail;
    }

    /**
     * @throws ConfirmationRequiredException unless the user confirmed it's them within the window
     * @throws WrongEmailException when {@code typedEmail} is not the account's address (any case)
     */
    @Transactional
    public void delete(UserId userId, String typedEmail) {
        reauthentication.requireRecentConfirmation(userId);
        UserProfile profile = users.findProfile(userId)
                .orElseThrow(() -> new IllegalStateException("The account no longer exists"));
        if (!matches(typedEmail, profile.email())) {
            throw new WrongEmailException();
        }
        List<String> perAccountScopes = Arrays.stream(ThrottleScope.values())
                .filter(scope -> !scope.perClientAddress()).map(ThrottleScope::name).toList();
        repository.delete(userId, List.of(profile.email().value(), codeStepThrottleSubject(userId)),
                perAccountScopes);
        log.info("account {} deleted by its owner", userId);
        mail.send(profile.email(), new MailMessage("Your PracticalCRM account has been deleted", List.of(
                "Hello " + profile.fullName() + ",",
                "As you asked, your PracticalCRM account " + profile.email().value() + " has been deleted, with "
                        + "everything that belonged to it: profile, picture, two-factor settings, recovery codes, "
                        + "passkeys, sessions, remembered browsers and security activity. Every session has been "
                        + "signed out.",
                "If you did not do this, someone had access to your account: tell your PracticalCRM administrator. "
                        + "The data cannot be brought back."), null));
    }

    /**
     * The subject under which two-factor counts an account's codes (TwoFactorService.throttleSubject), written out
     * here because two-factor builds on accounts, not the other way round; AccountDataIntegrationTest checks that
     * those counters go.
     */
    private static String codeStepThrottleSubject(UserId userId) {
        return "user:" + userId.value();
    }

    private static boolean matches(String typed, EmailAddress address) {
        if (typed == null || typed.isBlank()) {
            return false;
        }
        try {
            return EmailAddress.of(typed).equals(address);
        } catch (IllegalArgumentException notAnAddress) {
            log.debug("typed text is not an address: {}", LogSafe.escape(typed));
            return false;
        }
    }
}
