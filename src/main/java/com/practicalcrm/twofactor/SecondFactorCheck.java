package com.practicalcrm.twofactor;

import java.util.Optional;

/**
 * The answer to a code entered at sign-in: accepted or not, with a message for the person (the reason for a
 * refusal; for a success a clock hint or how many recovery codes are left). Never contains the code.
 */
public record SecondFactorCheck(boolean accepted, String text) {

    static SecondFactorCheck accepted(String note) {
        return new SecondFactorCheck(true, note);
    }

    static SecondFactorCheck rejected(String reason) {
        return new SecondFactorCheck(false, reason);
    }

    public Optional<String> message() {
        return Optional.ofNullable(text);
    }
}
