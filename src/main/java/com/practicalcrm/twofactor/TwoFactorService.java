package com.practicalcrm.twofactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.reauth.ReauthenticationService;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleAttempt;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.practicalcrm.sessions.UserSessions;
import com.practicalcrm.twofactor.TotpVerification.Outcome;
import com.practicalcrm.twofactor.repository.TwoFactorRepository;
import com.practicalcrm.twofactor.repository.TwoFactorRepository.StoredCredential;
import com.practicalcrm.twofactor.repository.TwoFactorRepository.StoredRecoveryCode;

/**
 * Two-factor authentication of one account: setting it up, checking codes at sign-in, recovery codes, turning
 * it off. Transactions are explicit ({@link TransactionOperations}) and kept short: hashing and encryption run
 * before a transaction starts, and single-use rules rely on conditional UPDATEs, not on locks.
 */
@Service
public class TwoFactorService {

    /** At or below this many unused recovery codes the user is nudged to make new ones. */
    public static final int FEW_RECOVERY_CODES = 3;

    static final String WRONG_RECOVERY_CODE = "That recovery code is not valid or was already used. Check it "
            + "against your saved list; each code works once.";
    static final String MALFORMED_RECOVERY_CODE = "Enter a recovery code as you saved it, e.g. k7fp-2xq9-mc4t.";
    static final String NOT_ENABLED = "Two-factor authentication is not on for this account.";

    private final TwoFactorRepository repository;
    private final TwoFactorCrypto crypto;
    private final TotpVerifier verifier;
    private final ReauthenticationService reauthentication;
    private final Throttle throttle;
    private final SecurityEventService events;
    private final ClientInfoResolver clients;
    private final TransactionOperations transactions;
    private final UserSessions sessions;
    private final Clock clock;

    public TwoFactorService(TwoFactorRepository repository, TwoFactorCrypto crypto,
                            ReauthenticationService reauthentication,
                            Throttle throttle, SecurityEventService events, ClientInfoResolver clients,
                            TransactionOperations transactions, UserSessions sessions, Clock clock) {
        this.repository = repository;
        this.crypto = crypto;
        this.verifier = new TotpVerifier(clock);
        this.reauthentication = reauthentication;
        this.throttle = throttle;
        this.events = events;
        this.clients = clients;
        this.transactions = transactions;
        this.sessions = sessions;
        this.clock = clock;
    }

    public boolean isEnabled(UserId user) {
        return repository.isEnabled(user);
    }

    /** The account's credential version, which {@link #enable} raises. */
    public int credentialVersion(UserId user) {
        return sessions.credentialVersion(user);
    }

    public TwoFactorStatus status(UserId user) {
        boolean enabled = repository.isEnabled(user);
        return new TwoFactorStatus(enabled, enabled ? repository.countUnusedRecoveryCodes(user) : 0);
    }

    /**
     * A new secret and recovery codes, kept by the caller (in server memory) until {@link #enable}. Turning 2FA on
     * is a sensitive change (someone at an unattended session could lock the owner out with their own app), so the
     * user must have confirmed it's them.
     *
     * @throws ConfirmationRequiredException unless the signed-in user is {@code user} and confirmed recently
     */
    public TwoFactorSetup startSetup(UserId user) {
        reauthentication.requireRecentConfirmation(user);
        String email = repository.email(user).orElseThrow(() -> new IllegalStateException("No such account"));
        TotpSecret secret = crypto.newSecret();
        return new TwoFactorSetup(user, secret, crypto.newRecoveryCodes(),
                OtpAuthUri.forAccount(new EmailAddress(email), secret));
    }

    /** {@link #enable(UserId, TwoFactorSetup, String, String)} from no session of the user: all of them end. */
    public TotpVerification enable(UserId user, TwoFactorSetup setup, String code) {
        return enable(user, setup, code, null);
    }

    /**
     * Checks the code from the user's app against the pending secret and, if it matches, stores the encrypted
     * secret and the hashed recovery codes in one transaction: either both are stored or neither. In the same
     * transaction every other session of the user ends, on every instance (they signed in with the password
     * alone); the session that enabled it must then take the new credential version
     * ({@link com.practicalcrm.sessions.CurrentSession#renew}).
     *
     * @param keptSessionKey registry key of the session that enables it, or null
     * @return the verification; only an accepted one has changed anything
     * @throws TwoFactorAlreadyEnabledException if 2FA was enabled meanwhile (nothing of this setup is stored)
     */
    public TotpVerification enable(UserId user, TwoFactorSetup setup, String code, String keptSessionKey) {
        if (!setup.owner().equals(user)) {
            throw new IllegalArgumentException("This setup belongs to another account");
        }
        TotpVerification verification = verifier.verify(setup.secret(), code);
        if (!verification.isAccepted()) {
            return verification;
        }
        String encryptedSecret = crypto.encrypt(setup.secret(), user);
        List<String> hashes = crypto.hash(setup.codes());
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            // The confirming code's step counts as used: it cannot be replayed to sign in.
            if (!repository.insertCredential(user, encryptedSecret, now, verification.matchedStep())) {
                throw new TwoFactorAlreadyEnabledException();
            }
            repository.insertRecoveryCodes(user, hashes, now);
            sessions.endOthersAfterCredentialChange(user, keptSessionKey);
            events.record(user, SecurityEventType.TWO_FACTOR_ENABLED, clients.current());
        });
        return verification;
    }

    /**
     * Turns 2FA off: the secret and every recovery code are deleted. The user must have confirmed it's them.
     *
     * @throws ConfirmationRequiredException unless the signed-in user is {@code user} and confirmed recently
     */
    public void disable(UserId user) {
        reauthentication.requireRecentConfirmation(user);
        transactions.executeWithoutResult(tx -> {
            repository.deleteRecoveryCodes(user);
            if (repository.deleteCredential(user) == 1) {
                events.record(user, SecurityEventType.TWO_FACTOR_DISABLED, clients.current());
            }
        });
    }

    /**
     * Replaces all recovery codes; the old codes stop working when this returns. The user must have confirmed
     * it's them.
     *
     * @return the new codes, to be shown once
     * @throws IllegalStateException         if 2FA is off
     * @throws ConfirmationRequiredException unless the signed-in user is {@code user} and confirmed recently
     */
    public List<String> regenerateRecoveryCodes(UserId user) {
        reauthentication.requireRecentConfirmation(user);
        if (!repository.isEnabled(user)) {
            throw new IllegalStateException(NOT_ENABLED);
        }
        List<RecoveryCode> codes = crypto.newRecoveryCodes();
        List<String> hashes = crypto.hash(codes);
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            repository.deleteRecoveryCodes(user);
            repository.insertRecoveryCodes(user, hashes, now);
            events.record(user, SecurityEventType.RECOVERY_CODES_REGENERATED, clients.current());
        });
        return codes.stream().map(RecoveryCode::formatted).toList();
    }

    /**
     * The second sign-in step with a code from the app. Each time step is accepted once per account, also
     * across app instances: the step is claimed with a conditional UPDATE and a lost race counts as a replay.
     *
     * @throws TwoFactorThrottledException after too many wrong codes (nothing is checked then)
     */
    public SecondFactorCheck verifySignInCode(UserId user, String code) {
        if (!TotpVerifier.isWellFormed(code)) {
            // A typo (too few digits, a letter) compares nothing: pointing it out costs no attempt.
            return SecondFactorCheck.rejected(TotpVerification.MALFORMED_MESSAGE);
        }
        ThrottleAttempt attempt = countSignInAttempt(user);
        Optional<SecondFactorCheck> check = checkCode(user, code);
        if (check.isEmpty()) {
            attempt.release();
            return SecondFactorCheck.rejected(NOT_ENABLED);
        }
        if (check.get().accepted()) {
            attempt.succeeded(ThrottleScope.TWO_FACTOR_ACCOUNT);
        } else {
            recordFailure(user);
        }
        return check.get();
    }

    /**
     * Checks a well-formed code from the app and claims its time step; not throttled here (the callers count the
     * attempt first). Empty when 2FA is off.
     */
    Optional<SecondFactorCheck> checkCode(UserId user, String code) {
        Optional<StoredCredential> credential = repository.findCredential(user);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        TotpSecret secret = crypto.decrypt(credential.get().encryptedSecret(), user);
        Long lastUsedStep = credential.get().lastUsedStep();
        TotpVerification verification = verifier.verify(secret, code,
                lastUsedStep == null ? Long.MIN_VALUE : lastUsedStep);
        if (verification.isAccepted() && repository.markStepUsed(user, verification.matchedStep())) {
            return Optional.of(SecondFactorCheck.accepted(verification.message().orElse(null)));
        }
        Outcome outcome = verification.isAccepted() ? Outcome.ALREADY_USED : verification.outcome();
        return Optional.of(SecondFactorCheck.rejected(outcome == Outcome.ALREADY_USED
                ? TotpVerification.ALREADY_USED_MESSAGE : TotpVerification.INVALID_MESSAGE));
    }

    /**
     * The second sign-in step with a recovery code. The code is marked used by one conditional UPDATE, so of
     * several concurrent attempts with the same code exactly one succeeds.
     *
     * @throws TwoFactorThrottledException after too many wrong codes (nothing is checked then)
     */
    public SecondFactorCheck useRecoveryCode(UserId user, String input) {
        Optional<RecoveryCode> code = RecoveryCode.parse(input);
        if (code.isEmpty()) {
            return SecondFactorCheck.rejected(MALFORMED_RECOVERY_CODE);
        }
        ThrottleAttempt attempt = countSignInAttempt(user);
        SecondFactorCheck check = checkRecoveryCode(user, code.get());
        if (check.accepted()) {
            attempt.succeeded(ThrottleScope.TWO_FACTOR_ACCOUNT);
        } else {
            recordFailure(user);
        }
        return check;
    }

    /** Checks a recovery code and uses it up; not throttled here (the callers count the attempt first). */
    SecondFactorCheck checkRecoveryCode(UserId user, RecoveryCode code) {
        Long matchingId = null;
        // Every stored hash is checked, so the time taken does not tell which position matched.
        for (StoredRecoveryCode stored : repository.unusedRecoveryCodes(user)) {
            if (crypto.matches(code, stored.hash()) && matchingId == null) {
                matchingId = stored.id();
            }
        }
        if (matchingId != null && repository.markRecoveryCodeUsed(matchingId, clock.instant())) {
            events.record(user, SecurityEventType.RECOVERY_CODE_USED, clients.current());
            return SecondFactorCheck.accepted(remainingCodesMessage(repository.countUnusedRecoveryCodes(user)));
        }
        return SecondFactorCheck.rejected(WRONG_RECOVERY_CODE);
    }

    static String remainingCodesMessage(int remaining) {
        if (remaining == 0) {
            return "You have used your last recovery code. Generate new ones on your profile page now.";
        }
        String count = remaining == 1 ? "1 recovery code" : remaining + " recovery codes";
        if (remaining <= FEW_RECOVERY_CODES) {
            return "You have " + count + " left. Generate new ones on your profile page soon.";
        }
        return "You have " + count + " left.";
    }

    /**
     * The sign-in code step is throttled per account and per client address (docs/security-rules.md); the attempt is
     * counted before the code is checked, so parallel guesses cannot all be checked.
     */
    private ThrottleAttempt countSignInAttempt(UserId user) {
        ThrottleAttempt attempt = throttle.attempt(
                Throttle.key(ThrottleScope.TWO_FACTOR_ADDRESS, clients.current().address()),
                Throttle.key(ThrottleScope.TWO_FACTOR_ACCOUNT, throttleSubject(user)));
        attempt.refusedUntil().ifPresent(retryAt -> {
            throw new TwoFactorThrottledException(retryAt);
        });
        return attempt;
    }

    /** The attempt was counted before the check; this only records the event. */
    private void recordFailure(UserId user) {
        events.record(user, SecurityEventType.TWO_FACTOR_CODE_FAILED, clients.current());
    }

    /** The subject under which the code step of this user is throttled. */
    public static String throttleSubject(UserId user) {
        return "user:" + user.value();
    }
}
