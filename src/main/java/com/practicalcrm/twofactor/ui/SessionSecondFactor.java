package com.practicalcrm.twofactor.ui;

import java.util.List;

import com.practicalcrm.sessions.CurrentSession;
import com.practicalcrm.twofactor.SecondFactorPolicy;

/**
 * After 2FA is enabled, the session that enabled it already proved both factors (the password at sign-in, a code
 * from the app just now): it gets the TOTP factor, so it is not sent to the code page on its next request, and the
 * credential version that ended the user's other sessions. Its session id changes, as at any sign-in.
 */
final class SessionSecondFactor {

    private SessionSecondFactor() {
    }

    static void grantToCurrentSession(int credentialVersion) {
        CurrentSession.renew(credentialVersion, null, List.of(SecondFactorPolicy.TOTP_AUTHORITY));
    }
}
