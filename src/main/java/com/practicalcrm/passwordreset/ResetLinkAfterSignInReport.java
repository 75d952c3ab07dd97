package com.practicalcrm.passwordreset;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.practicalcrm.security.events.SecurityEventRecorded;
import com.practicalcrm.security.events.SecurityEventType;

/**
 * "This wasn't me" on a new-sign-in alert (signin.trust) mails a reset link to the account's address. Runs in the
 * transaction that records the report, so the link and the report commit together.
 */
@Component
class ResetLinkAfterSignInReport {

    private final PasswordResetService passwordResets;

    ResetLinkAfterSignInReport(PasswordResetService passwordResets) {
        this.passwordResets = passwordResets;
    }

    @EventListener
    void onSecurityEvent(SecurityEventRecorded recorded) {
        if (recorded.event().type() == SecurityEventType.SIGN_IN_REPORTED) {
            passwordResets.mailLinkToAccountOwner(recorded.event().userId(), recorded.event().client());
        }
    }
}
