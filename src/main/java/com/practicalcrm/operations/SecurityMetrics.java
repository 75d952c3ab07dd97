package com.practicalcrm.operations;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import com.practicalcrm.security.events.SecurityEventRecorded;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.signin.SignInThrottledException;
import com.practicalcrm.signin.TwoFactorAuthentication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of sign-in, the code step and password resets, from the events the features publish anyway (Spring
 * Security's authentication events and the recorded security events), so no feature knows about metrics. Tags
 * carry only fixed words: never an address, account or id.
 */
@Component
class SecurityMetrics {

    static final String SIGN_INS = "practicalcrm.sign.ins";
    static final String TWO_FACTOR_CODES = "practicalcrm.two.factor.codes";
    static final String PASSWORD_RESETS = "practicalcrm.password.resets";

    private final Counter signedIn;
    private final Counter signInFailed;
    private final Counter signInThrottled;
    private final Counter codeAccepted;
    private final Counter codeRefused;
    private final Map<SecurityEventType, Counter> byRecordedEvent = new EnumMap<>(SecurityEventType.class);

    SecurityMetrics(MeterRegistry registry) {
        signedIn = counter(registry, SIGN_INS, "outcome", "succeeded",
                "Completed sign-ins (password, and the code for users with 2FA)");
        signInFailed = counter(registry, SIGN_INS, "outcome", "failed",
                "Sign-ins refused for a wrong email or password");
        signInThrottled = counter(registry, SIGN_INS, "outcome", "throttled",
                "Sign-ins refused unchecked after too many failures for the account or the client address");
        codeAccepted = counter(registry, TWO_FACTOR_CODES, "outcome", "accepted",
                "Authenticator or recovery codes accepted at sign-in");
        codeRefused = counter(registry, TWO_FACTOR_CODES, "outcome", "refused",
                "Wrong or replayed authenticator or recovery codes at sign-in");
        byRecordedEvent.put(SecurityEventType.SIGN_IN, signedIn);
        byRecordedEvent.put(SecurityEventType.PASSKEY_SIGN_IN, signedIn);
        byRecordedEvent.put(SecurityEventType.TWO_FACTOR_CODE_FAILED, codeRefused);
        byRecordedEvent.put(SecurityEventType.PASSWORD_RESET_REQUESTED, counter(registry, PASSWORD_RESETS,
                "stage", "requested", "Reset links sent to existing accounts"));
        byRecordedEvent.put(SecurityEventType.PASSWORD_RESET, counter(registry, PASSWORD_RESETS,
                "stage", "completed", "Passwords set through a reset link"));
    }

    private static Counter counter(MeterRegistry registry, String name, String tag, String value, String help) {
        return Counter.builder(name).tag(tag, value).description(help).register(registry);
    }

    /** Sign-ins as recorded (the audit decides when a sign-in is complete), code refusals, resets. */
    @EventListener
    void onRecorded(SecurityEventRecorded recorded) {
        Counter counter = byRecordedEvent.get(recorded.event().type());
        if (counter != null) {
            counter.increment();
        }
    }

    /** The code step's success; its refusals are recorded as security events (above). */
    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof TwoFactorAuthentication) {
            codeAccepted.increment();
        }
    }

    /** The password step's failures, unknown accounts included (they leave no security event). */
    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        if (event.getException() instanceof SignInThrottledException) {
            signInThrottled.increment();
        } else {
            signInFailed.increment();
        }
    }
}
