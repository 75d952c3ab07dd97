package com.practicalcrm.passwordreset;

import static com.practicalcrm.jooq.Tables.PASSWORD_RESET_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.Concurrently;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.TestMails;
import com.practicalcrm.account.PasswordRejectedException;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.emailchange.EmailConfirmation.Outcome;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottlePolicy;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.practicalcrm.signin.ThrottledAuthenticationProvider;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.twofactor.TwoFactorThrottledException;

import jakarta.mail.internet.MimeMessage;

@PracticalCrmTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetIntegrationTest {

    private static final String NEW_PASSWORD = "lantern-meadow-quiver-58";
    private static final String RESET_SUBJECT = "Reset your PracticalCRM password";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    PasswordResetService passwordResets;
    @Autowired
    TestAccounts accounts;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;
    @Autowired
    ThrottledAuthenticationProvider signIn;
    @Autowired
    Throttle throttle;
    @Autowired
    SecurityEventService events;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestMailQueue mailQueue;
    @Autowired
    EmailChangeService emailChanges;
    @Autowired
    TwoFactorService twoFactor;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerAndOnlyTheAccountGetsAMail() throws Exception {
        UserProfile user = accounts.create("Known Person");
        String unknown = TestAccounts.uniqueEmail("unknown");

        // Neither call says anything: both simply return, and the view shows one fixed sentence.
        passwordResets.request(unknown, client());
        passwordResets.request(user.email().value().toUpperCase(), client());

        List<MimeMessage> mails = TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo(RESET_SUBJECT);
        assertThat(MailTexts.resetLink(mails.getFirst())).startsWith(TestMailServer.BASE_URL + "/reset-password/");
        assertThat(MailTexts.text(mails.getFirst()))
                .contains("Hello Known Person,")
                .contains("works once, for 30 minutes")
                .contains("If you did not ask for this, you can ignore this mail");
        // A request for an unknown address never hands anything to the mail queue.
        mailQueue.assertNoMailTo(unknown);
        assertThat(events.latest(user.id(), 5)).extracting(e -> e.type())
                .contains(SecurityEventType.PASSWORD_RESET_REQUESTED);
    }

    @Test
    void linkWorksOnceAndTheNewPasswordSignsIn(CapturedOutput output) {
        UserProfile user = accounts.create("Once Only");
        String token = requestAndReceiveToken(user);

        assertThat(passwordResets.openLink(token)).contains(new ResetAccount("Once Only", user.email()));
        passwordResets.resetPassword(token, NEW_PASSWORD, client());

        assertThat(passwordResets.openLink(token)).isEmpty();
        assertThatThrownBy(() -> passwordResets.resetPassword(token, "another-fine-password-77", client()))
                .isInstanceOf(InvalidResetLinkException.class);
        assertThat(attempt(user, NEW_PASSWORD).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> attempt(user, TestAccounts.PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(events.latest(user.id(), 5)).extracting(e -> e.type()).contains(SecurityEventType.PASSWORD_RESET);
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() {
        UserProfile user = accounts.create("Hashed Token");
        String token = requestAndReceiveToken(user);

        String stored = dsl.select(PASSWORD_RESET_TOKEN.TOKEN_HASH).from(PASSWORD_RESET_TOKEN)
                .where(PASSWORD_RESET_TOKEN.USER_ID.eq(user.id().value())).fetchSingle().value1();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(stored).isEqualTo(ResetToken.hashOf(token)).doesNotContain(token);
    }

    @Test
    void linkExpiresAfter30Minutes() {
        UserProfile user = accounts.create("Slow Reader");
        String token = requestAndReceiveToken(user);

        clock.advance(Duration.ofMinutes(29));
        assertThat(passwordResets.openLink(token)).isPresent();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(passwordResets.openLink(token)).isEmpty();
        assertThatThrownBy(() -> passwordResets.resetPassword(token, NEW_PASSWORD, client()))
                .isInstanceOf(InvalidResetLinkException.class);
        assertThat(attempt(user, TestAccounts.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void newerRequestInvalidatesTheOlderLink() {
        UserProfile user = accounts.create("Double Request");
        String older = requestAndReceiveToken(user);
        passwordResets.request(user.email().value(), client());
        // Two threads send mail: pick the newer link by content, not by arrival order.
        List<String> tokens = TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 2).stream()
                .map(MailTexts::resetToken).toList();
        assertThat(tokens).hasSize(2).contains(older).doesNotHaveDuplicates();
        String newer = tokens.stream().filter(t -> !t.equals(older)).findFirst().orElseThrow();

        assertThat(passwordResets.openLink(older)).isEmpty();
        assertThatThrownBy(() -> passwordResets.resetPassword(older, NEW_PASSWORD, client()))
                .isInstanceOf(InvalidResetLinkException.class);
        passwordResets.resetPassword(newer, NEW_PASSWORD, client());
        assertThat(attempt(user, NEW_PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void weakPasswordIsRefusedAndTheLinkStaysUsable() {
        UserProfile user = accounts.create("Weak Choice");
        String token = requestAndReceiveToken(user);

        assertThatThrownBy(() -> passwordResets.resetPassword(token, "password1234", client()))
                .isInstanceOf(PasswordRejectedException.class).hasMessageStartingWith("This password is too easy");
        assertThatThrownBy(() -> passwordResets.resetPassword(token, "short", client()))
                .isInstanceOf(PasswordRejectedException.class).hasMessageStartingWith("Use at least 12 characters");
        assertThat(passwordResets.openLink(token)).isPresent();
    }

    @Test
    void unknownOrMangledLinksAreRefused() {
        assertThat(passwordResets.openLink("not-a-token")).isEmpty();
        assertThat(passwordResets.openLink("")).isEmpty();
        assertThatThrownBy(() -> passwordResets.resetPassword("x".repeat(43), NEW_PASSWORD, client()))
                .isInstanceOf(InvalidResetLinkException.class);
    }

    @Test
    void requestsAreThrottledPerAddress() {
        UserProfile user = accounts.create("Mail Bombed");
        for (int i = 0; i < 5; i++) {
            passwordResets.request(user.email().value(), client());
        }
        assertThatThrownBy(() -> passwordResets.request(user.email().value(), client()))
                .isInstanceOfSatisfying(ResetRequestThrottledException.class, e ->
                        assertThat(Duration.between(clock.instant(), e.retryAt()))
                                .isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30)));
        // An unknown address is throttled just the same, so throttling reveals nothing either.
        String unknown = TestAccounts.uniqueEmail("ghost");
        for (int i = 0; i < 5; i++) {
            passwordResets.request(unknown, client());
        }
        assertThatThrownBy(() -> passwordResets.request(unknown, client()))
                .isInstanceOf(ResetRequestThrottledException.class);

        clock.advance(Duration.ofSeconds(31));
        passwordResets.request(user.email().value(), client());
        assertThat(TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 6)).hasSize(6);
    }

    @Test
    void thirtyParallelRequestsForOneAddressSendAtMostFiveMails() throws Exception {
        UserProfile user = accounts.create("Parallel Reset");
        List<String> outcomes = Concurrently.run(30, () -> {
            try {
                passwordResets.request(user.email().value(), client());
                return "sent";
            } catch (ResetRequestThrottledException refused) {
                return "refused";
            }
        });
        assertThat(outcomes).filteredOn("sent"::equals).hasSize(ThrottlePolicy.FREE_ATTEMPTS);
        mailQueue.drain();
        // Each request is counted before anything is sent, so the 5 free ones are all that leave.
        assertThat(TestMailServer.messagesTo(greenMail, user.email().value())).hasSize(ThrottlePolicy.FREE_ATTEMPTS);
    }

    @Test
    void requestsAreThrottledPerClientAddress() {
        ClientInfo prober = client();
        for (int i = 0; i < 5; i++) {
            passwordResets.request(TestAccounts.uniqueEmail("probe" + i), prober);
        }
        UserProfile user = accounts.create("Probed Person");
        assertThatThrownBy(() -> passwordResets.request(user.email().value(), prober))
                .isInstanceOf(ResetRequestThrottledException.class);
        passwordResets.request(user.email().value(), client());
        assertThat(TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1)).hasSize(1);
    }

    @Test
    void resetClearsTheSignInThrottleOfTheAccount() {
        UserProfile user = accounts.create("Locked Out");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(user, "wrong-password-xyz")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.blockedUntil(ThrottleScope.SIGN_IN_ACCOUNT, user.email().value())).isPresent();

        passwordResets.resetPassword(requestAndReceiveToken(user), NEW_PASSWORD, client());

        assertThat(throttle.blockedUntil(ThrottleScope.SIGN_IN_ACCOUNT, user.email().value())).isEmpty();
        assertThat(attempt(user, NEW_PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void resetCancelsAPendingEmailChangeAndItsLinkStopsWorking() {
        UserProfile user = accounts.create("Pending Change");
        String attackerAddress = TestAccounts.uniqueEmail("attacker");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), attackerAddress, client()));
        String confirmToken = TestMails.confirmationToken(
                TestMailServer.awaitMessagesTo(greenMail, attackerAddress, 1).getFirst());
        assertThat(emailChanges.pending(user.id())).isPresent();

        passwordResets.resetPassword(requestAndReceiveToken(user), NEW_PASSWORD, client());

        assertThat(emailChanges.pending(user.id())).isEmpty();
        assertThat(emailChanges.confirm(confirmToken, client()).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(attempt(user, NEW_PASSWORD).isAuthenticated()).isTrue();
        assertThat(events.latest(user.id(), 5)).extracting(e -> e.type())
                .contains(SecurityEventType.EMAIL_CHANGE_CANCELLED);
    }

    @Test
    void resetKeepsTheCodeStepThrottleAsItIs() {
        UserProfile user = accounts.create("Code Guesser");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        String wrongCode = app.codeAt(clock.instant().plus(Duration.ofHours(1)));
        for (int i = 0; i < 5; i++) {
            assertThat(twoFactor.verifySignInCode(user.id(), wrongCode).accepted()).isFalse();
        }
        assertThatThrownBy(() -> twoFactor.verifySignInCode(user.id(), app.codeAt(clock.instant())))
                .isInstanceOf(TwoFactorThrottledException.class);

        passwordResets.resetPassword(requestAndReceiveToken(user), NEW_PASSWORD, client());

        // The code step still waits, even for the right code: a reset link buys no fresh series of guesses.
        assertThat(throttle.blockedUntil(ThrottleScope.TWO_FACTOR_ACCOUNT, TwoFactorService.throttleSubject(user.id())))
                .isPresent();
        assertThatThrownBy(() -> twoFactor.verifySignInCode(user.id(), app.codeAt(clock.instant())))
                .isInstanceOf(TwoFactorThrottledException.class);
    }

    @Test
    void resetRaisesTheCredentialVersionThatSessionsAreCheckedAgainst() {
        UserProfile user = accounts.create("Version Raised");
        int before = ((AppUserPrincipal) attempt(user, TestAccounts.PASSWORD).getPrincipal()).credentialVersion();

        passwordResets.resetPassword(requestAndReceiveToken(user), NEW_PASSWORD, client());

        int after = ((AppUserPrincipal) attempt(user, NEW_PASSWORD).getPrincipal()).credentialVersion();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void profilePageRequestSendsTheLinkToTheSignedInUsersAddress() {
        UserProfile user = accounts.create("Signed In Resetter");
        assertThat(passwordResets.requestForSignedInUser(user.id(), client())).isEqualTo(user.email());
        String token = MailTexts.resetToken(TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1)
                .getFirst());
        assertThat(passwordResets.openLink(token)).isPresent();
    }

    /** Asks for a link for a user who has no reset mail yet, and returns the token of the one reset mail. */
    private String requestAndReceiveToken(UserProfile user) {
        passwordResets.request(user.email().value(), client());
        return MailTexts.resetToken(TestMailServer.awaitMessageTo(greenMail, user.email().value(), RESET_SUBJECT));
    }

    private Authentication attempt(UserProfile user, String password) {
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.unauthenticated(user.email().value(), password);
        token.setDetails(new WebAuthenticationDetails("10.8.0." + ADDRESSES.incrementAndGet() % 250, null));
        return signIn.authenticate(token);
    }

    /** A fresh client address per call, so that tests do not share the per-address throttle. */
    private static ClientInfo client() {
        int n = ADDRESSES.incrementAndGet();
        return new ClientInfo("10.7." + (n / 250) + "." + (n % 250), "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0");
    }
}
