package com.practicalcrm.reauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.practicalcrm.common.UserId;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleAttempt;
import com.practicalcrm.security.throttle.ThrottleScope;

/**
 * "Confirm it's you" (ASVS 7.5.1): the one re-authentication of the signed-in user before sensitive actions. The
 * user confirms with the password, or, when 2FA is on, with an authenticator or recovery code (other methods, such
 * as a passkey, call {@link #recordConfirmation}). A confirmation is recorded in the signed-in authentication as a
 * fresh factor authority and holds for {@code practicalcrm.reauth.window} (10 minutes), so several changes in a row
 * ask once; signing in counts as a confirmation too. Sensitive services call {@link #requireRecentConfirmation()},
 * so a view cannot skip the step. Wrong passwords and codes share one throttle counter per account
 * ({@link ThrottleScope#REAUTHENTICATION}). See docs/design-decisions/DD-reauth.md.
 */
@Service
public class ReauthenticationService {

    static final String WRONG_PASSWORD = "That password is not correct.";
    static final String NO_PASSWORD = "Enter your password.";
    static final String CODE_NEEDED = "Your account has two-factor authentication: confirm with a code from your "
            + "authenticator app or a recovery code.";
    static final String PASSWORD_NEEDED = "Two-factor authentication is not on for this account: confirm with your "
            + "password.";
    static final String NO_CODE = "Enter the 6-digit code from your authenticator app.";
    static final String TOO_MANY = "Too many wrong attempts. ";

    private final UserDetailsService accounts;
    private final PasswordEncoder passwords;
    private final ObjectProvider<SecondFactorCodes> codes;
    private final Throttle throttle;
    private final SecurityEventService events;
    private final ClientInfoResolver clients;
    private final Clock clock;
    private final Duration window;

    public ReauthenticationService(UserDetailsService accounts, PasswordEncoder passwords,
                                   ObjectProvider<SecondFactorCodes> codes,
                                   Throttle throttle, SecurityEventService events, ClientInfoResolver clients,
                                   Clock clock, @Value("${practicalcrm.reauth.window:10m}") Duration window) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("practicalcrm.reauth.window must be a positive duration, e.g. 10m; "
                    + "it was " + window);
        }
        this.accounts = accounts;
        this.passwords = passwords;
        this.codes = codes;
        this.throttle = throttle;
        this.events = events;
        this.clients = clients;
        this.clock = clock;
        this.window = window;
    }

    /** How long a confirmation holds. */
    public Duration window() {
        return window;
    }

    /** Whether the signed-in user must confirm with a code (2FA on) rather than the password. */
    public boolean needsCode() {
        return twoFactorOn(signedIn().userId());
    }

    /**
     * Whether the signed-in user confirmed it's them (or signed in) within the window, with a factor that counts for
     * their account: with 2FA on, a code or passkey; otherwise also the password. False when nobody is signed in.
     */
    public boolean isRecentlyConfirmed() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof AppUserPrincipal principal)) {
            return false;
        }
        Set<ConfirmationFactor> counted = twoFactorOn(principal.userId())
                ? EnumSet.of(ConfirmationFactor.AUTHENTICATOR_CODE, ConfirmationFactor.PASSKEY)
                : EnumSet.allOf(ConfirmationFactor.class);
        Instant oldestValid = clock.instant().minus(window);
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (granted instanceof FactorGrantedAuthority factor && counts(counted, factor)
                    && factor.getIssuedAt().isAfter(oldestValid)) {
                return true;
            }
        }
        return false;
    }

    private static boolean counts(Set<ConfirmationFactor> counted, FactorGrantedAuthority factor) {
        return counted.stream().anyMatch(kind -> kind.authority().equals(factor.getAuthority()));
    }

    /**
     * Called first by every sensitive service method.
     *
     * @throws ConfirmationRequiredException unless {@link #isRecentlyConfirmed()}
     */
    public void requireRecentConfirmation() {
        if (!isRecentlyConfirmed()) {
            throw new ConfirmationRequiredException();
        }
    }

    /**
     * {@link #requireRecentConfirmation()}, and the confirmed user is the one whose account is about to change.
     *
     * @throws ConfirmationRequiredException unless {@code user} is signed in here and confirmed recently
     */
    public void requireRecentConfirmation(UserId user) {
        requireRecentConfirmation();
        if (!signedIn().userId().equals(user)) {
            throw new ConfirmationRequiredException();
        }
    }

    /**
     * Confirms with the current password (accounts without 2FA).
     *
     * @throws ReauthenticationRejectedException  when it is empty or wrong, or the account has 2FA on
     * @throws ReauthenticationThrottledException after too many wrong passwords or codes (nothing was checked)
     */
    public void confirmWithPassword(String password) {
        AppUserPrincipal principal = signedIn();
        if (twoFactorOn(principal.userId())) {
            throw new ReauthenticationRejectedException(CODE_NEEDED);
        }
        if (password == null || password.isEmpty()) {
            throw new ReauthenticationRejectedException(NO_PASSWORD);
        }
        ThrottleAttempt attempt = countAttempt(principal.userId());
        if (!passwords.matches(password, passwordHash(principal))) {
            failed(principal.userId()); // stays counted
            throw new ReauthenticationRejectedException(WRONG_PASSWORD);
        }
        attempt.succeeded(ThrottleScope.REAUTHENTICATION);
        recordConfirmation(ConfirmationFactor.PASSWORD);
    }

    /**
     * Confirms with an authenticator code or a recovery code (accounts with 2FA); the code is used up.
     *
     * @return a note for the person, e.g. how many recovery codes are left, or null
     * @throws ReauthenticationRejectedException  when it is malformed or wrong, or 2FA is off
     * @throws ReauthenticationThrottledException after too many wrong passwords or codes (nothing was checked)
     */
    public String confirmWithCode(String codeOrRecoveryCode) {
        AppUserPrincipal principal = signedIn();
        if (!twoFactorOn(principal.userId())) {
            throw new ReauthenticationRejectedException(PASSWORD_NEEDED);
        }
        if (codeOrRecoveryCode == null || codeOrRecoveryCode.isBlank()) {
            throw new ReauthenticationRejectedException(NO_CODE);
        }
        ThrottleAttempt attempt = countAttempt(principal.userId());
        SecondFactorCodes.Result result = codes.getObject().check(principal.userId(), codeOrRecoveryCode);
        switch (result.outcome()) {
            case ACCEPTED -> {
                attempt.succeeded(ThrottleScope.REAUTHENTICATION);
                recordConfirmation(ConfirmationFactor.AUTHENTICATOR_CODE);
                return result.message();
            }
            case MALFORMED -> {
                attempt.release(); // a typo compares nothing
                throw new ReauthenticationRejectedException(result.message());
            }
            default -> {
                failed(principal.userId()); // stays counted
                throw new ReauthenticationRejectedException(result.message());
            }
        }
    }

    /**
     * Records that the signed-in user just confirmed it's them with {@code factor}: the factor authority of that
     * kind is issued anew with the current time, replacing the older one, in the security context and in the
     * HTTP session, and the security event is recorded. The confirmation methods above call it; another method
     * (a passkey assertion) calls it after its own successful check of the signed-in user.
     */
    public void recordConfirmation(ConfirmationFactor factor) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        AppUserPrincipal principal = signedIn();
        FactorGrantedAuthority fresh = FactorGrantedAuthority.withAuthority(factor.authority())
                .issuedAt(clock.instant()).build();
        Authentication confirmed = current.toBuilder()
                .authorities(authorities -> {
                    authorities.removeIf(granted -> factor.authority().equals(granted.getAuthority()));
                    authorities.add(fresh);
                })
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(confirmed);
        SecurityContextHolder.setContext(context);
        SessionSecurityContext.save(context);
        events.record(principal.userId(), SecurityEventType.REAUTHENTICATED, clients.current());
    }

    private ThrottleAttempt countAttempt(UserId user) {
        // Counted before the secret is checked, so parallel guesses cannot all be checked.
        ThrottleAttempt attempt = throttle.attempt(Throttle.key(ThrottleScope.REAUTHENTICATION, throttleSubject(user)));
        attempt.refusedUntil().ifPresent(retryAt -> {
            throw new ReauthenticationThrottledException(
                    TOO_MANY + RetryMessage.tryAgainIn(clock.instant(), retryAt), retryAt);
        });
        return attempt;
    }

    /** Resolved when used: two-factor's services themselves ask for confirmations. */
    private boolean twoFactorOn(UserId user) {
        SecondFactorCodes twoFactor = codes.getIfAvailable();
        return twoFactor != null && twoFactor.isEnabled(user);
    }

    private void failed(UserId user) {
        events.record(user, SecurityEventType.REAUTHENTICATION_FAILED, clients.current());
    }

    private String passwordHash(AppUserPrincipal principal) {
        try {
            UserDetails account = accounts.loadUserByUsername(principal.getUsername());
            if (account instanceof AppUserPrincipal stored && stored.userId().equals(principal.userId())) {
                return stored.getPassword();
            }
        } catch (UsernameNotFoundException gone) {
            // handled below
        }
        throw new IllegalStateException("Signed-in account no longer exists");
    }

    private static AppUserPrincipal signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AppUserPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("Nobody is signed in");
    }

    /** The subject of the user's counter in {@link ThrottleScope#REAUTHENTICATION}. */
    static String throttleSubject(UserId user) {
        return user.toString();
    }
}
