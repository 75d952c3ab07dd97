package com.practicalcrm.reauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.practicalcrm.Concurrently;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.sessions.UserSessions;
import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.practicalcrm.twofactor.TotpVerification;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.sessions.OtherSessionsService;

/** "Confirm it's you" on the real database: the window, the factors, the one throttle, the server-side refusal. */
@PracticalCrmTest
class ReauthenticationServiceIntegrationTest {

    private static final String TOO_MANY = "Too many wrong attempts\\. Try again in (29|30) seconds\\.";

    @Autowired
    ReauthenticationService reauthentication;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    SecurityEventService events;
    @Autowired
    EmailChangeService emailChanges;
    @Autowired
    OtherSessionsService otherSessions;
    @Autowired
    UserSessions sessions;

    @AfterEach
    void cleanUp() {
        accounts.signOut();
        clock.reset();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theWindowIsTenMinutesByDefault() {
        assertThat(reauthentication.window()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aFreshSignInNeedsNoConfirmationUntilTheWindowEnds() {
        UserProfile user = accounts.create("Fresh Signer");
        accounts.signIn(user);

        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
        reauthentication.requireRecentConfirmation(user.id());
        clock.advance(Duration.ofMinutes(9).plusSeconds(50));
        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();

        clock.advance(Duration.ofSeconds(11));

        assertThat(reauthentication.isRecentlyConfirmed()).isFalse();
        assertThatThrownBy(() -> reauthentication.requireRecentConfirmation())
                .isInstanceOf(ConfirmationRequiredException.class)
                .hasMessage("Confirm it's you first: this change needs your password or code again.");
    }

    @Test
    void nobodySignedInIsNeverConfirmed() {
        assertThat(reauthentication.isRecentlyConfirmed()).isFalse();
        assertThatThrownBy(() -> reauthentication.requireRecentConfirmation())
                .isInstanceOf(ConfirmationRequiredException.class);
    }

    @Test
    void theRightPasswordIsRecordedAsAFreshPasswordFactorInContextAndSessionAndAsAnEvent() {
        UserProfile user = accounts.create("Password Confirmer");
        accounts.signIn(user);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.getSession(true);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        clock.advance(Duration.ofMinutes(11));
        Instant before = clock.instant();

        reauthentication.confirmWithPassword(TestAccounts.PASSWORD);

        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
        List<FactorGrantedAuthority> passwordFactors = factors(SecurityContextHolder.getContext(),
                FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThat(passwordFactors).as("the old factor is replaced, not kept beside").hasSize(1);
        assertThat(passwordFactors.getFirst().getIssuedAt()).isBetween(before, clock.instant());
        SecurityContext saved = (SecurityContext) request.getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(saved.getAuthentication()).isSameAs(SecurityContextHolder.getContext().getAuthentication());
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.REAUTHENTICATED);
        assertThat(SecurityEventType.REAUTHENTICATED.label()).isEqualTo("Confirmed it's you");
    }

    @Test
    void aWrongPasswordIsRefusedAndRecorded() {
        UserProfile user = accounts.create("Wrong Typist");
        accounts.signIn(user);
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> reauthentication.confirmWithPassword("not-my-password-at-all"))
                .isInstanceOf(ReauthenticationRejectedException.class).hasMessage("That password is not correct.");
        assertThatThrownBy(() -> reauthentication.confirmWithPassword(""))
                .isInstanceOf(ReauthenticationRejectedException.class).hasMessage("Enter your password.");

        assertThat(reauthentication.isRecentlyConfirmed()).isFalse();
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.REAUTHENTICATION_FAILED);
    }

    @Test
    void sensitiveServicesRefuseWithoutARecentConfirmationEvenWhenAViewSkipsTheDialog() {
        UserProfile user = accounts.create("Skipping View");
        String thisKey = sessions.register(user.id(), 0, ClientInfo.UNKNOWN).orElseThrow();
        sessions.register(user.id(), 0, ClientInfo.UNKNOWN).orElseThrow();
        accounts.signIn(user);
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> otherSessions.signOutOtherSessions(user.id(), thisKey, ClientInfo.UNKNOWN))
                .isInstanceOf(ConfirmationRequiredException.class);
        assertThatThrownBy(() -> emailChanges.requestChange(user.id(), TestAccounts.uniqueEmail("skip"),
                ClientInfo.UNKNOWN)).isInstanceOf(ConfirmationRequiredException.class);

        assertThat(sessions.active(user.id())).hasSize(2);
        assertThat(emailChanges.pending(user.id())).isEmpty();
    }

    @Test
    void withTwoFactorTheCodeConfirmsAndThePasswordDoesNot() {
        UserProfile user = accounts.create("Code Holder");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorPolicy.TOTP_AUTHORITY);
        clock.advance(Duration.ofMinutes(11));
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThat(reauthentication.isRecentlyConfirmed()).as("a fresh password alone does not count with 2FA")
                .isFalse();
        assertThat(reauthentication.needsCode()).isTrue();

        assertThatThrownBy(() -> reauthentication.confirmWithPassword(TestAccounts.PASSWORD))
                .isInstanceOf(ReauthenticationRejectedException.class)
                .hasMessageContaining("confirm with a code from your authenticator app");
        String code = app.codeAt(clock.instant());
        reauthentication.confirmWithCode(code);

        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
        assertThat(factors(SecurityContextHolder.getContext(), SecondFactorPolicy.TOTP_AUTHORITY)).hasSize(1);
        assertThatThrownBy(() -> reauthentication.confirmWithCode(code)).as("a code works once")
                .isInstanceOf(ReauthenticationRejectedException.class)
                .hasMessage(TotpVerification.ALREADY_USED_MESSAGE);
    }

    @Test
    void aRecoveryCodeConfirmsOnceAndIsUsedUp() {
        UserProfile user = accounts.create("Lost Phone");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        String recoveryCode = app.recoveryCodes().getFirst();

        String note = reauthentication.confirmWithCode(recoveryCode);

        assertThat(note).isEqualTo("You have 9 recovery codes left.");
        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
        assertThat(twoFactor.status(user.id()).unusedRecoveryCodes()).isEqualTo(9);
        assertThat(events.latest(user.id(), 3)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.RECOVERY_CODE_USED, SecurityEventType.REAUTHENTICATED);
        clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> reauthentication.confirmWithCode(recoveryCode))
                .isInstanceOf(ReauthenticationRejectedException.class).hasMessageContaining("already used");
    }

    @Test
    void withoutTwoFactorACodeIsNoConfirmationAndCostsNoAttempt() {
        UserProfile user = accounts.create("No Codes");
        accounts.signIn(user);
        clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> reauthentication.confirmWithCode("123456"))
                    .isInstanceOf(ReauthenticationRejectedException.class)
                    .hasMessageContaining("confirm with your password");
        }
        reauthentication.confirmWithPassword(TestAccounts.PASSWORD);
        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
    }

    @Test
    void passwordsAndCodesShareOneThrottleWithOneMessageThatSaysWhenToTryAgain() {
        UserProfile user = accounts.create("Guess Work");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        clock.advance(Duration.ofSeconds(30));
        String wrong = app.codeAt(clock.instant().minus(Duration.ofMinutes(10)));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> reauthentication.confirmWithCode(wrong))
                    .isInstanceOf(ReauthenticationRejectedException.class);
        }

        assertThatThrownBy(() -> reauthentication.confirmWithCode(app.codeAt(clock.instant())))
                .isInstanceOf(ReauthenticationThrottledException.class)
                .hasMessageMatching(TOO_MANY)
                .satisfies(e -> assertThat(((ReauthenticationThrottledException) e).retryAt())
                        .isAfter(clock.instant()));
        assertThat(reauthentication.isRecentlyConfirmed()).isFalse();
        // The sign-in code step keeps its own counter: a user who mistyped here can still sign in elsewhere.
        assertThat(twoFactor.verifySignInCode(user.id(), app.codeAt(clock.instant())).accepted()).isTrue();

        clock.advance(Duration.ofSeconds(31));
        reauthentication.confirmWithCode(app.codeAt(clock.instant()));
        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
    }

    @Test
    void thirtyParallelWrongPasswordsGetNoMoreChecksThanFiveSequentialOnes() throws Exception {
        UserProfile user = accounts.create("Parallel Guesser");
        accounts.signIn(user);
        clock.advance(Duration.ofMinutes(11));
        SecurityContext signedIn = SecurityContextHolder.getContext();

        List<String> outcomes = Concurrently.run(30, 10, () -> {
            SecurityContextHolder.setContext(signedIn);
            try {
                reauthentication.confirmWithPassword("guess-guess-guess");
                return "confirmed";
            } catch (ReauthenticationThrottledException throttled) {
                return "throttled";
            } catch (ReauthenticationRejectedException rejected) {
                return "checked";
            } finally {
                SecurityContextHolder.clearContext();
            }
        });

        assertThat(outcomes.stream().filter("checked"::equals).count()).isEqualTo(5);
        assertThat(outcomes.stream().filter("throttled"::equals).count()).isEqualTo(25);
        assertThat(events.latest(user.id(), 50)).filteredOn(e -> e.type() == SecurityEventType.REAUTHENTICATION_FAILED)
                .hasSize(5);
    }

    @Test
    void aTypoCostsNoAttempt() {
        UserProfile user = accounts.create("Typo Coder");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> reauthentication.confirmWithCode("12 3")).hasMessageContaining("6-digit code");
        }
        reauthentication.confirmWithCode(app.codeAt(clock.instant()));
        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
    }

    @Test
    void anotherMethodRecordsItsConfirmationThroughTheHook() {
        UserProfile user = accounts.create("Passkey Owner");
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThat(reauthentication.isRecentlyConfirmed()).isFalse();

        reauthentication.recordConfirmation(ConfirmationFactor.PASSKEY);

        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
        assertThat(factors(SecurityContextHolder.getContext(), FactorGrantedAuthority.WEBAUTHN_AUTHORITY))
                .hasSize(1);
    }

    @Test
    void theCodeFactorIsTheOneTheSignInCodeStepGrants() {
        assertThat(ConfirmationFactor.AUTHENTICATOR_CODE.authority()).isEqualTo(SecondFactorPolicy.TOTP_AUTHORITY);
    }

    private static List<FactorGrantedAuthority> factors(SecurityContext context, String authority) {
        return context.getAuthentication().getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance).map(FactorGrantedAuthority.class::cast)
                .filter(factor -> factor.getAuthority().equals(authority)).toList();
    }

    private SecurityEventType latestEvent(UserProfile user) {
        return events.latest(user.id(), 1).getFirst().type();
    }
}
