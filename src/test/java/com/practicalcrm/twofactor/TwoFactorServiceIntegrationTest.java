package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.practicalcrm.Concurrently;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.common.UserId;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.reauth.ReauthenticationService;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottlePolicy;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.practicalcrm.sessions.UserSessions;
import com.practicalcrm.twofactor.repository.TwoFactorRepository;
import com.practicalcrm.account.UserProfile;

/** The 2FA service on the embedded MariaDB: atomic enabling, single use under concurrency, replay, throttling. */
@PracticalCrmTest
class TwoFactorServiceIntegrationTest {

    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    TwoFactorRepository repository;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;
    @Autowired
    SecurityEventService events;
    @Autowired
    DSLContext dsl;
    @Autowired
    TwoFactorCrypto crypto;
    @Autowired
    ReauthenticationService reauthentication;
    @Autowired
    Throttle throttle;
    @Autowired
    ClientInfoResolver clients;
    @Autowired
    TransactionOperations transactions;
    @Autowired
    UserSessions sessions;

    @AfterEach
    void resetClock() {
        clock.reset();
        accounts.signOut();
    }

    @Test
    void enablingStoresEncryptedSecretAndHashedCodesAndRecordsTheEvent() {
        UserId user = accounts.create("Ada Lovelace").id();
        TwoFactorSetup setup = TwoFactorFixture.startSetup(twoFactor, clock, user);
        assertThat(twoFactor.isEnabled(user)).as("nothing stored before the code verifies").isFalse();

        twoFactor.enable(user, setup, Totp.codeAt(setup.secret(), clock.instant()));

        assertThat(twoFactor.status(user)).isEqualTo(new TwoFactorStatus(true, 10));
        String stored = repository.findCredential(user).orElseThrow().encryptedSecret();
        assertThat(stored).startsWith("v1:").doesNotContain(setup.secret().base32());
        assertThat(repository.unusedRecoveryCodes(user)).allSatisfy(code ->
                assertThat(code.hash()).startsWith("pbkdf2-sha256$").doesNotContain(
                        setup.recoveryCodes().getFirst().replace("-", "")));
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.TWO_FACTOR_ENABLED);
    }

    @Test
    void settingUpNeedsARecentConfirmationOfThisUser() {
        UserProfile profile = accounts.create("Hijacked Session");
        accounts.signIn(profile);
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> twoFactor.startSetup(profile.id())).isInstanceOf(ConfirmationRequiredException.class);
        accounts.signIn(accounts.create("Someone Else"));
        assertThatThrownBy(() -> twoFactor.startSetup(profile.id())).isInstanceOf(ConfirmationRequiredException.class);
    }

    @Test
    void wrongSetupCodeStoresNothing() {
        UserId user = accounts.create("Wrong Setup").id();
        TwoFactorSetup setup = TwoFactorFixture.startSetup(twoFactor, clock, user);

        TotpVerification verification = twoFactor.enable(user, setup, wrongCode(setup.secret()));

        assertThat(verification.outcome()).isEqualTo(TotpVerification.Outcome.INVALID);
        assertThat(twoFactor.isEnabled(user)).isFalse();
    }

    @Test
    void crashBetweenStoringTheSecretAndTheCodesLeavesTwoFactorOff() {
        UserId user = accounts.create("Crash Test").id();
        TwoFactorRepository failingAfterSecret = new TwoFactorRepository(dsl) {
            @Override
            public void insertRecoveryCodes(UserId owner, List<String> hashes, Instant createdAt) {
                throw new IllegalStateException("simulated crash after the secret was written");
            }
        };
        TwoFactorService crashing = serviceOn(failingAfterSecret);
        TwoFactorSetup setup = TwoFactorFixture.startSetup(crashing, clock, user);

        assertThatThrownBy(() -> crashing.enable(user, setup, Totp.codeAt(setup.secret(), clock.instant())))
                .hasMessageContaining("simulated crash");

        assertThat(repository.isEnabled(user)).isFalse();
        assertThat(repository.countUnusedRecoveryCodes(user)).isZero();
    }

    @Test
    void recoveryCodeWorksOnceUnderTwentyConcurrentAttempts() throws Exception {
        UserId user = accounts.create("Concurrent Recovery").id();
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user);
        String code = enabled.recoveryCodes().get(3);

        List<SecondFactorCheck> results = Concurrently.run(20, () -> {
            try {
                return twoFactor.useRecoveryCode(user, code);
            } catch (TwoFactorThrottledException throttled) {
                return SecondFactorCheck.rejected("throttled");
            }
        });

        assertThat(results).filteredOn(SecondFactorCheck::accepted).hasSize(1);
        assertThat(repository.countUnusedRecoveryCodes(user)).isEqualTo(9);
    }

    @Test
    void usingARecoveryCodeSaysHowManyAreLeftAndNudgesWhenFew() {
        UserId user = accounts.create("Counting Codes").id();
        List<String> codes = TwoFactorFixture.enable(twoFactor, clock, user).recoveryCodes();

        SecondFactorCheck first = twoFactor.useRecoveryCode(user, codes.get(0).toUpperCase());
        assertThat(first.accepted()).isTrue();
        assertThat(first.message()).contains("You have 9 recovery codes left.");
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.RECOVERY_CODE_USED);
        for (int i = 1; i < 7; i++) {
            assertThat(twoFactor.useRecoveryCode(user, codes.get(i)).accepted()).isTrue();
        }
        SecondFactorCheck eighth = twoFactor.useRecoveryCode(user, codes.get(7));
        assertThat(eighth.message().orElseThrow()).contains("2 recovery codes left").contains("Generate new ones");

        SecondFactorCheck again = twoFactor.useRecoveryCode(user, codes.get(7));
        assertThat(again.accepted()).isFalse();
        assertThat(again.message()).contains(TwoFactorService.WRONG_RECOVERY_CODE);
    }

    @Test
    void regeneratingInvalidatesTheOldCodesAtOnce() {
        UserProfile profile = accounts.create("Fresh Codes");
        UserId user = profile.id();
        List<String> oldCodes = TwoFactorFixture.enable(twoFactor, clock, user).recoveryCodes();
        accounts.signIn(profile, FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorPolicy.TOTP_AUTHORITY);

        List<String> newCodes = twoFactor.regenerateRecoveryCodes(user);

        assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(oldCodes);
        assertThat(twoFactor.useRecoveryCode(user, oldCodes.get(0)).accepted()).isFalse();
        assertThat(twoFactor.useRecoveryCode(user, newCodes.get(0)).accepted()).isTrue();
        assertThat(twoFactor.status(user).unusedRecoveryCodes()).isEqualTo(9);
    }

    @Test
    void regeneratingWithoutARecentCodeIsRefusedAndKeepsTheCodes() {
        UserProfile profile = accounts.create("Code Confirms");
        UserId user = profile.id();
        List<String> oldCodes = TwoFactorFixture.enable(twoFactor, clock, user).recoveryCodes();
        // With 2FA on, a fresh password alone is no confirmation.
        accounts.signIn(profile, FactorGrantedAuthority.PASSWORD_AUTHORITY);

        assertThatThrownBy(() -> twoFactor.regenerateRecoveryCodes(user))
                .isInstanceOf(ConfirmationRequiredException.class);

        assertThat(twoFactor.useRecoveryCode(user, oldCodes.get(0)).accepted()).isTrue();
    }

    @Test
    void disablingNeedsARecentConfirmationAndRemovesSecretAndEveryCode() {
        UserProfile profile = accounts.create("Turning Off");
        UserId user = profile.id();
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user);
        accounts.signIn(profile, FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorPolicy.TOTP_AUTHORITY);
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> twoFactor.disable(user)).isInstanceOf(ConfirmationRequiredException.class);
        assertThat(twoFactor.isEnabled(user)).isTrue();

        accounts.signIn(profile, FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorPolicy.TOTP_AUTHORITY);
        twoFactor.disable(user);

        assertThat(repository.findCredential(user)).isEmpty();
        assertThat(dsl.fetchCount(com.practicalcrm.jooq.Tables.RECOVERY_CODE,
                com.practicalcrm.jooq.Tables.RECOVERY_CODE.USER_ID.eq(user.value()))).isZero();
        assertThat(twoFactor.useRecoveryCode(user, enabled.recoveryCodes().get(0)).accepted()).isFalse();
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.TWO_FACTOR_CODE_FAILED);
        assertThat(events.latest(user, 10)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.TWO_FACTOR_DISABLED);
    }

    @Test
    void aCodeIsAcceptedOnceAndTheClockHintComesWithANeighbouringStep() {
        UserId user = accounts.create("Replay Same").id();
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user);
        clock.advance(Duration.ofSeconds(60));
        String code = enabled.codeAt(clock.instant());

        assertThat(twoFactor.verifySignInCode(user, code)).isEqualTo(SecondFactorCheck.accepted(null));
        assertThat(twoFactor.verifySignInCode(user, code))
                .isEqualTo(SecondFactorCheck.rejected(TotpVerification.ALREADY_USED_MESSAGE));

        clock.advance(Duration.ofSeconds(60));
        String phoneAhead = enabled.codeAt(clock.instant().plusSeconds(30));
        assertThat(twoFactor.verifySignInCode(user, phoneAhead))
                .isEqualTo(SecondFactorCheck.accepted(TotpVerification.CLOCK_SKEW_HINT));
    }

    @Test
    void replayIsRefusedAcrossTwoInstancesSharingTheDatabase() throws Exception {
        UserId user = accounts.create("Two Instances").id();
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user);
        TwoFactorService instanceA = serviceOn(new TwoFactorRepository(dsl));
        TwoFactorService instanceB = serviceOn(new TwoFactorRepository(dsl));
        clock.advance(Duration.ofSeconds(30));
        String code = enabled.codeAt(clock.instant());

        assertThat(instanceA.verifySignInCode(user, code).accepted()).isTrue();
        assertThat(instanceB.verifySignInCode(user, code).message()).contains(TotpVerification.ALREADY_USED_MESSAGE);

        // And at the same moment: of four attempts spread over both instances exactly one wins.
        clock.advance(Duration.ofSeconds(30));
        String next = enabled.codeAt(clock.instant());
        List<TwoFactorService> instances = List.of(instanceA, instanceB);
        AtomicInteger turn = new AtomicInteger();
        List<SecondFactorCheck> results = Concurrently.run(4,
                () -> instances.get(turn.getAndIncrement() % 2).verifySignInCode(user, next));
        assertThat(results).filteredOn(SecondFactorCheck::accepted).hasSize(1);
    }

    @Test
    void fiveWrongCodesMakeTheAccountWaitAndACorrectCodeAfterwardsClearsTheCount() {
        UserId user = accounts.create("Guessing Codes").id();
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user);
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            assertThat(twoFactor.verifySignInCode(user, wrongCode(enabled.secret())).accepted()).isFalse();
        }
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.TWO_FACTOR_CODE_FAILED);

        assertThatThrownBy(() -> twoFactor.verifySignInCode(user, enabled.codeAt(clock.instant())))
                .isInstanceOfSatisfying(TwoFactorThrottledException.class, e ->
                        assertThat(Duration.between(clock.instant(), e.retryAt()))
                                .isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30)));
        assertThatThrownBy(() -> twoFactor.useRecoveryCode(user, enabled.recoveryCodes().getFirst()))
                .isInstanceOf(TwoFactorThrottledException.class);

        clock.advance(Duration.ofSeconds(31));
        assertThat(twoFactor.verifySignInCode(user, enabled.codeAt(clock.instant())).accepted()).isTrue();
        for (int i = 0; i < 4; i++) {
            twoFactor.verifySignInCode(user, wrongCode(enabled.secret()));
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(twoFactor.verifySignInCode(user, enabled.codeAt(clock.instant())).accepted())
                .as("the success cleared the count, so four new failures do not block").isTrue();
    }

    @Test
    void thirtyParallelWrongCodesAreAtMostFiveCheckedAndTheAccountThenWaits() throws Exception {
        UserId user = accounts.create("Parallel Guesser").id();
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user);
        clock.advance(Duration.ofSeconds(30));
        String wrong = wrongCode(enabled.secret());

        List<String> outcomes = Concurrently.run(30, () -> {
            try {
                return twoFactor.verifySignInCode(user, wrong).accepted() ? "accepted" : "checked";
            } catch (TwoFactorThrottledException throttled) {
                return "refused";
            }
        });

        // Each attempt is counted before its code is checked, so only the 5 free ones are checked at all.
        assertThat(outcomes).filteredOn("checked"::equals).hasSize(ThrottlePolicy.FREE_ATTEMPTS);
        assertThat(outcomes).filteredOn("refused"::equals).hasSize(30 - ThrottlePolicy.FREE_ATTEMPTS);
        assertThat(events.latest(user, 100)).filteredOn(e -> e.type() == SecurityEventType.TWO_FACTOR_CODE_FAILED)
                .hasSize(ThrottlePolicy.FREE_ATTEMPTS);
        assertThatThrownBy(() -> twoFactor.verifySignInCode(user, enabled.codeAt(clock.instant())))
                .isInstanceOf(TwoFactorThrottledException.class);
    }

    @Test
    void oneClientAddressTryingCodesForSeveralAccountsIsThrottledAfter100FailuresIn15Minutes() {
        UserId first = accounts.create("Address One").id();
        UserId second = accounts.create("Address Two").id();
        UserId third = accounts.create("Address Three").id();
        TwoFactorFixture.Enabled firstEnabled = TwoFactorFixture.enable(twoFactor, clock, first);
        TwoFactorFixture.Enabled secondEnabled = TwoFactorFixture.enable(twoFactor, clock, second);
        TwoFactorFixture.Enabled thirdEnabled = TwoFactorFixture.enable(twoFactor, clock, third);
        clock.advance(Duration.ofSeconds(30));
        try {
            fromAddress("10.77.0.1");
            for (int i = 0; i < 4; i++) {
                twoFactor.verifySignInCode(first, wrongCode(firstEnabled.secret()));
                twoFactor.verifySignInCode(second, wrongCode(secondEnabled.secret()));
            }
            // An office behind one address: colleagues' typos do not stop the others (README, Security figures).
            assertThat(twoFactor.verifySignInCode(third, thirdEnabled.codeAt(clock.instant())).accepted()).isTrue();

            clock.advance(Duration.ofSeconds(30));
            for (int i = 8; i < ThrottlePolicy.ADDRESS_MAX_FAILURES - 1; i++) {
                throttle.recordFailure(ThrottleScope.TWO_FACTOR_ADDRESS, "10.77.0.1");
            }
            // The 100th failure of the address within 15 minutes, counted by the code step itself.
            twoFactor.verifySignInCode(first, wrongCode(firstEnabled.secret()));
            assertThatThrownBy(() -> twoFactor.verifySignInCode(third, thirdEnabled.codeAt(clock.instant())))
                    .isInstanceOf(TwoFactorThrottledException.class);

            fromAddress("10.77.0.2");
            assertThat(twoFactor.verifySignInCode(third, thirdEnabled.codeAt(clock.instant())).accepted()).isTrue();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static void fromAddress(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void aTypoCostsNoAttempt() {
        UserId user = accounts.create("Typo Person").id();
        TwoFactorFixture.enable(twoFactor, clock, user);
        for (int i = 0; i < 8; i++) {
            assertThat(twoFactor.verifySignInCode(user, "12 34").message()).contains(TotpVerification.MALFORMED_MESSAGE);
        }
        assertThat(twoFactor.useRecoveryCode(user, "no").message()).contains(TwoFactorService.MALFORMED_RECOVERY_CODE);
    }

    private TwoFactorService serviceOn(TwoFactorRepository repositoryOfThisInstance) {
        return new TwoFactorService(repositoryOfThisInstance, crypto, reauthentication, throttle, events, clients,
                transactions, sessions, clock);
    }

    private SecurityEventType latestEvent(UserId user) {
        return events.latest(user, 1).getFirst().type();
    }

    /** A well-formed code that is none of the accepted steps' codes. */
    private String wrongCode(TotpSecret secret) {
        java.util.Set<String> valid = new java.util.HashSet<>();
        for (int offset = -1; offset <= 1; offset++) {
            valid.add(Totp.codeAt(secret, clock.instant().plusSeconds(30L * offset)));
        }
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
