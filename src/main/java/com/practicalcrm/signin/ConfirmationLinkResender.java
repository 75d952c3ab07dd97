package com.practicalcrm.signin;

import java.time.Instant;
import java.util.Optional;

import com.practicalcrm.common.ClientInfo;

/**
 * Sends the confirmation link of a new account again, from the sign-in page, after the password was accepted
 * ({@link AccountNotConfirmedException}). Implemented by the sign-up feature, which depends on security rather
 * than the other way round.
 */
public interface ConfirmationLinkResender {

    /**
     * Mails a new link (valid 24 hours; older links stop working) if the account's address is still unconfirmed.
     *
     * @return empty when done, or when the request is throttled the time from which it may be asked again
     */
    Optional<Instant> resendConfirmationLink(String email, ClientInfo client);
}
