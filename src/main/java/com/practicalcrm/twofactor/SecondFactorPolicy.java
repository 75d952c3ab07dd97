package com.practicalcrm.twofactor;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.practicalcrm.common.UserId;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.RequiredFactors;

/**
 * Who still owes the second factor, as one rule for HTTP requests (Spring's authorization) and for Vaadin
 * navigation (the navigation guard): a signed-in user whose account has 2FA on and whose authentication lacks
 * {@value #TOTP_AUTHORITY} (or a passkey's {@code FACTOR_WEBAUTHN}). Checked against the database on each request,
 * so turning 2FA on applies at once to every session of that user on every instance.
 */
@Component
public class SecondFactorPolicy implements RequiredFactors {

    /** The factor authority granted by the code step, next to Spring's {@code FACTOR_PASSWORD}. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";
    /** How long a password-only sign-in may wait for its code before it must start over. */
    public static final Duration PASSWORD_STEP_VALIDITY = Duration.ofMinutes(5);
    /** Request attribute (followed by the account id): whether that account has 2FA on, read in this request. */
    static final String ENABLED_ATTRIBUTE = SecondFactorPolicy.class.getName() + ".enabled.";

    private final TwoFactorService twoFactor;
    private final Clock clock;
    private final AllRequiredFactorsAuthorizationManager<Object> totpFactor;

    public SecondFactorPolicy(TwoFactorService twoFactor, Clock clock) {
        this.twoFactor = twoFactor;
        this.clock = clock;
        this.totpFactor = AllRequiredFactorsAuthorizationManager.builder()
                .requireFactor(factor -> factor.authority(TOTP_AUTHORITY))
                .build();
    }

    /**
     * A passkey ({@code FACTOR_WEBAUTHN}, with user verification required) stands in for the code: it is
     * something the user has, unlocked by something they know or are.
     */
    public boolean isSecondFactorMissing(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AppUserPrincipal principal
                && !hasAuthority(authentication, TOTP_AUTHORITY)
                && !hasAuthority(authentication, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                && isEnabled(principal.userId());
    }

    /**
     * Whether the account has 2FA on, read from the database once per request: the session check, Spring's
     * authorization and Vaadin's navigation guard all ask during one request, and the answer cannot usefully change
     * between them. Outside a request (e.g. a background task) it always reads.
     */
    private boolean isEnabled(UserId user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return twoFactor.isEnabled(user);
        }
        String key = ENABLED_ATTRIBUTE + user.value();
        if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Boolean known) {
            return known;
        }
        boolean enabled = twoFactor.isEnabled(user);
        request.setAttribute(key, enabled, RequestAttributes.SCOPE_REQUEST);
        return enabled;
    }

    @Override
    public boolean isFactorMissing(Authentication authentication) {
        return isSecondFactorMissing(authentication);
    }

    /** Whether the password factor was granted less than {@link #PASSWORD_STEP_VALIDITY} ago. */
    public boolean isPasswordStepFresh(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        return authentication.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(FactorGrantedAuthority.class::cast)
                .filter(factor -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(factor.getAuthority()))
                .anyMatch(factor -> factor.getIssuedAt().plus(PASSWORD_STEP_VALIDITY).isAfter(clock.instant()));
    }

    /**
     * Added to every {@code authenticated()} rule: users with 2FA need the TOTP factor, others pass. A refusal is
     * a factor decision, so Spring sends the browser to the code page rather than answering 403.
     */
    public <T> AuthorizationManager<T> requirement() {
        return (Supplier<? extends Authentication> authentication, T object) -> {
            Authentication current = authentication.get();
            if (isSecondFactorMissing(current)) {
                return totpFactor.authorize(() -> current, object);
            }
            return new AuthorizationDecision(true);
        };
    }

    /** The rule of the code page itself: a password factor from the last five minutes is enough. */
    public <T> AuthorizationManager<T> codePageRule() {
        AllRequiredFactorsAuthorizationManager<T> rule = AllRequiredFactorsAuthorizationManager.<T>builder()
                .requireFactor(factor -> factor.passwordAuthority().validDuration(PASSWORD_STEP_VALIDITY))
                .build();
        rule.setClock(clock);
        return rule;
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
