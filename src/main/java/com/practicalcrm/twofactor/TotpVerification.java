package com.practicalcrm.twofactor;

import java.util.Optional;

/**
 * What {@link TotpVerifier} concluded about one entered code. Holds no code and no secret, so it may be logged.
 *
 * <p>On an accepted code the caller stores {@link #matchedStep()} as the account's last used step, with a
 * conditional update ({@code ... SET last_step = ? WHERE user_id = ? AND (last_step IS NULL OR last_step < ?)})
 * and treats an update count of 0 as {@link Outcome#ALREADY_USED}: that keeps replays out even when two app
 * instances verify the same code at the same moment.
 */
public final class TotpVerification {

    public static final String ALREADY_USED_MESSAGE = "That code was already used. Wait for the next one.";
    public static final String CLOCK_SKEW_HINT = "That code is from a neighbouring 30-second window. The clock on "
            + "your phone may be off; check that it sets the time automatically.";
    public static final String INVALID_MESSAGE =
            "That code is not correct. Enter the code your authenticator app shows now.";
    public static final String MALFORMED_MESSAGE =
            "Enter the " + Totp.DIGITS + "-digit code from your authenticator app.";

    public enum Outcome {
        /** The code of the current 30-second step. */
        ACCEPTED,
        /**
         * Accepted, but the code belongs to the step before or after the current one. The step after means the
         * phone runs ahead; the step before is also what a correct clock gives when the code changes while the
         * user types. So {@link #CLOCK_SKEW_HINT} says "may be off" and belongs next to the success (a note in the
         * setup dialog, a notification after sign-in), never in place of it.
         */
        ACCEPTED_CLOCK_SKEW,
        /**
         * The code is right but its step is not newer than the last step used by this account: a replay, or the
         * same code entered twice. Not a success; count it as a failed attempt for throttling.
         */
        ALREADY_USED,
        /** Well-formed but matches none of the accepted steps. */
        INVALID,
        /** Not {@value Totp#DIGITS} digits once spaces are removed: a typo to point out. Nothing was compared. */
        MALFORMED
    }

    private final Outcome outcome;
    private final long matchedStep;

    private TotpVerification(Outcome outcome, long matchedStep) {
        this.outcome = outcome;
        this.matchedStep = matchedStep;
    }

    static TotpVerification accepted(long matchedStep, boolean currentStep) {
        return new TotpVerification(currentStep ? Outcome.ACCEPTED : Outcome.ACCEPTED_CLOCK_SKEW, matchedStep);
    }

    static TotpVerification rejected(Outcome outcome) {
        if (outcome == Outcome.ACCEPTED || outcome == Outcome.ACCEPTED_CLOCK_SKEW) {
            throw new IllegalArgumentException("An accepted verification needs its matched step");
        }
        return new TotpVerification(outcome, 0);
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.ACCEPTED_CLOCK_SKEW;
    }

    /**
     * The time step (see {@link Totp#timeStep}) whose code was entered; store it to refuse replays.
     *
     * @throws IllegalStateException if the code was not accepted
     */
    public long matchedStep() {
        if (!isAccepted()) {
            throw new IllegalStateException("No step matched: " + outcome);
        }
        return matchedStep;
    }

    /** Text for the user: the reason for a refusal, the clock hint for a skewed success, nothing otherwise. */
    public Optional<String> message() {
        return Optional.ofNullable(switch (outcome) {
            case ACCEPTED -> null;
            case ACCEPTED_CLOCK_SKEW -> CLOCK_SKEW_HINT;
            case ALREADY_USED -> ALREADY_USED_MESSAGE;
            case INVALID -> INVALID_MESSAGE;
            case MALFORMED -> MALFORMED_MESSAGE;
        });
    }

    @Override
    public String toString() {
        return isAccepted() ? outcome + " at step " + matchedStep : outcome.toString();
    }
}
