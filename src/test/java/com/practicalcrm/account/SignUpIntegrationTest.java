package com.practicalcrm.account;

import static com.practicalcrm.jooq.Tables.ACCOUNT_CONFIRMATION;
import static com.practicalcrm.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.Concurrently;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.account.AccountConfirmation.Outcome;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.LinkToken;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottlePolicy;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.practicalcrm.signin.AccountNotConfirmedException;
import com.practicalcrm.signin.ThrottledAuthenticationProvider;

import jakarta.mail.internet.MimeMessage;

@PracticalCrmTest
class SignUpIntegrationTest {

    private static final String OTHER_PASSWORD = "lantern-meadow-quiver-58";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    SignUpService signUps;
    @Autowired
    UserService users;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ThrottledAuthenticationProvider signIn;
    @Autowired
    SecurityEventService events;
    @Autowired
    PasswordResetService passwordResets;
    @Autowired
    GreenMail greenMail;
    @Autowired
    TestMailQueue mailQueue;
    @Autowired
    MutableTestClock clock;
    @Autowired
    DSLContext dsl;
    @Autowired
    Throttle throttle;
    @Value("${practicalcrm.base-url}")
    String baseUrl;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void newAddressGetsALinkAndTheAccountSignsInOnlyAfterItIsConfirmed() {
        String email = TestAccounts.uniqueEmail("rosalind");

        signUps.signUp("Rosalind Franklin", email.toUpperCase(), TestAccounts.PASSWORD, client());

        MimeMessage mail = TestMailServer.awaitMessageTo(greenMail, email, SignUpMails.CONFIRM_SUBJECT);
        String link = SignUpMails.confirmationLink(mail);
        assertThat(link).startsWith(baseUrl + "/confirm-account?token=");
        assertThat(MailTexts.text(mail)).contains("Hello Rosalind Franklin,")
                .contains("The link works once and for 24 hours.");
        UserProfile profile = users.findProfileByEmail(email).orElseThrow();

        // The right password is told the address is unconfirmed; a wrong one learns nothing.
        assertThatThrownBy(() -> attempt(email, TestAccounts.PASSWORD))
                .isInstanceOf(AccountNotConfirmedException.class)
                .extracting(e -> ((AccountNotConfirmedException) e).email()).isEqualTo(email);
        assertThatThrownBy(() -> attempt(email, OTHER_PASSWORD))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");

        AccountConfirmation result = signUps.confirm(SignUpMails.token(link), client());

        assertThat(result).isEqualTo(new AccountConfirmation(Outcome.CONFIRMED, profile.email()));
        assertThat(attempt(email, TestAccounts.PASSWORD).isAuthenticated()).isTrue();
        assertThat(events.latest(profile.id(), 5)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.EMAIL_CONFIRMED, SecurityEventType.ACCOUNT_CREATED);
    }

    @Test
    void addressWithAnAccountGetsAMailOfferingResetPasswordAndNoSecondAccount() throws Exception {
        UserProfile owner = accounts.create("Marie Curie");
        String email = owner.email().value();

        // Returns normally, like for a new address: the page shows the same answer.
        signUps.signUp("Someone Else", email.toUpperCase(), OTHER_PASSWORD, client());

        MimeMessage mail = TestMailServer.awaitMessageTo(greenMail, email, SignUpMails.ALREADY_SUBJECT);
        assertThat(MailTexts.text(mail))
                .contains("Hello Marie Curie,")
                .contains("This address already has an account, so no new account was created.")
                .contains("Reset Password: " + baseUrl + "/forgot-password");
        assertThat(dsl.fetchCount(APP_USER, APP_USER.EMAIL.eq(email))).isEqualTo(1);
        assertThat(users.findProfileByEmail(email)).contains(owner);
        // The account is untouched: its own password still works, the one typed into the form does not.
        assertThat(attempt(email, TestAccounts.PASSWORD).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> attempt(email, OTHER_PASSWORD)).isInstanceOf(BadCredentialsException.class);
        mailQueue.drain();
        assertThat(TestMailServer.messagesTo(greenMail, email)).extracting(SignUpMails::subject)
                .containsExactly(SignUpMails.ALREADY_SUBJECT);
    }

    @Test
    void addressWithAnUnconfirmedAccountIsToldSoAndKeepsItsPassword() {
        String email = TestAccounts.uniqueEmail("pending");
        signUps.signUp("First Try", email, TestAccounts.PASSWORD, client());
        SignUpMails.awaitConfirmationLink(greenMail, email);

        signUps.signUp("Second Try", email, OTHER_PASSWORD, client());

        MimeMessage mail = TestMailServer.awaitMessageTo(greenMail, email, SignUpMails.ALREADY_SUBJECT);
        assertThat(MailTexts.text(mail)).contains("Hello First Try,").contains("not confirmed yet");
        assertThat(users.findProfileByEmail(email)).get().extracting(UserProfile::fullName).isEqualTo("First Try");
        assertThatThrownBy(() -> attempt(email, OTHER_PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void linkWorksOnceAndEachOutcomeIsToldApart() {
        String email = TestAccounts.uniqueEmail("once");
        signUps.signUp("Once Only", email, TestAccounts.PASSWORD, client());
        String token = SignUpMails.token(SignUpMails.awaitConfirmationLink(greenMail, email));

        assertThat(signUps.confirm(token, client()).outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(signUps.confirm(token, client()).outcome()).isEqualTo(Outcome.ALREADY_CONFIRMED);
        assertThat(signUps.confirm("x".repeat(43), client()).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(signUps.confirm("not a token", client()).outcome()).isEqualTo(Outcome.NOT_FOUND);
        UserProfile profile = users.findProfileByEmail(email).orElseThrow();
        assertThat(events.latest(profile.id(), 5)).extracting(e -> e.type())
                .containsOnlyOnce(SecurityEventType.EMAIL_CONFIRMED);
    }

    @Test
    void linkExpiresAfter24HoursAndANewOneCanBeSentAfterTheCorrectPassword() {
        String email = TestAccounts.uniqueEmail("late");
        signUps.signUp("Late Reader", email, TestAccounts.PASSWORD, client());
        String first = SignUpMails.token(SignUpMails.awaitConfirmationLink(greenMail, email));

        clock.advance(Duration.ofHours(24));
        assertThat(signUps.confirm(first, client()).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThatThrownBy(() -> attempt(email, TestAccounts.PASSWORD))
                .isInstanceOf(AccountNotConfirmedException.class);

        assertThat(signUps.resendConfirmationLink(email, client())).isEmpty();
        String second = SignUpMails.awaitConfirmationLinks(greenMail, email, 2).stream()
                .map(SignUpMails::token).filter(t -> !t.equals(first)).findFirst().orElseThrow();

        // A newer link replaces the older one.
        assertThat(signUps.confirm(first, client()).outcome()).isEqualTo(Outcome.NOT_FOUND);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(signUps.confirm(second, client()).outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(attempt(email, TestAccounts.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void resendingSendsNothingForConfirmedOrUnknownAddresses() {
        UserProfile confirmed = accounts.create("Already Confirmed");
        String unknown = TestAccounts.uniqueEmail("unknown");

        assertThat(signUps.resendConfirmationLink(confirmed.email().value(), client())).isEmpty();
        assertThat(signUps.resendConfirmationLink(unknown, client())).isEmpty();

        mailQueue.assertNoMailTo(confirmed.email().value());
        mailQueue.assertNoMailTo(unknown);
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() {
        String email = TestAccounts.uniqueEmail("hashed");
        signUps.signUp("Hashed Token", email, TestAccounts.PASSWORD, client());
        String token = SignUpMails.token(SignUpMails.awaitConfirmationLink(greenMail, email));
        UserProfile profile = users.findProfileByEmail(email).orElseThrow();

        byte[] stored = dsl.select(ACCOUNT_CONFIRMATION.TOKEN_HASH).from(ACCOUNT_CONFIRMATION)
                .where(ACCOUNT_CONFIRMATION.USER_ID.eq(profile.id().value())).fetchSingle().value1();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(stored).isEqualTo(LinkToken.sha256(token));
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(token);
    }

    @Test
    void aPasswordResetConfirmsTheAddressToo() {
        String email = TestAccounts.uniqueEmail("forgetful");
        signUps.signUp("Forgetful Person", email, TestAccounts.PASSWORD, client());
        SignUpMails.awaitConfirmationLink(greenMail, email);

        passwordResets.request(email, client());
        String resetToken = MailTexts.resetToken(
                TestMailServer.awaitMessageTo(greenMail, email, "Reset your PracticalCRM password"));
        passwordResets.resetPassword(resetToken, OTHER_PASSWORD, client());

        assertThat(attempt(email, OTHER_PASSWORD).isAuthenticated()).isTrue();
        UserProfile profile = users.findProfileByEmail(email).orElseThrow();
        assertThat(events.latest(profile.id(), 5)).extracting(e -> e.type())
                .contains(SecurityEventType.EMAIL_CONFIRMED);
    }

    @Test
    void signUpsForOneAddressAreThrottledAfterFiveWhateverTheClient() {
        String email = TestAccounts.uniqueEmail("flooded");
        for (int i = 0; i < ThrottlePolicy.FREE_ATTEMPTS; i++) {
            signUps.signUp("Flood " + i, email, TestAccounts.PASSWORD, client());
        }

        assertThatThrownBy(() -> signUps.signUp("Flood more", email, TestAccounts.PASSWORD, client()))
                .isInstanceOfSatisfying(SignUpThrottledException.class, e -> assertThat(e.retryAt())
                        .isBetween(clock.instant().plusSeconds(25), clock.instant().plusSeconds(31)));
        // Resending counts against the same address.
        assertThat(signUps.resendConfirmationLink(email, client())).isPresent();

        clock.advance(ThrottlePolicy.FIRST_DELAY);
        signUps.signUp("Flood later", email, TestAccounts.PASSWORD, client());
        // One link and five "you already have an account" mails; nothing for the refused requests.
        mailQueue.drain();
        assertThat(TestMailServer.messagesTo(greenMail, email)).hasSize(ThrottlePolicy.FREE_ATTEMPTS + 1);
    }

    @Test
    void oneClientAddressMaySignUpManyPeopleUntilTheLooserPerAddressRuleStopsIt() {
        ClientInfo office = new ClientInfo("203.0.113.50", "JUnit");
        // More than the per-address-of-mail 5: colleagues behind one NAT address, each for their own address.
        for (int i = 0; i <= ThrottlePolicy.FREE_ATTEMPTS; i++) {
            signUps.signUp("Colleague " + i, TestAccounts.uniqueEmail("colleague"), TestAccounts.PASSWORD, office);
        }
        for (int i = ThrottlePolicy.FREE_ATTEMPTS + 1; i < ThrottlePolicy.ADDRESS_MAX_FAILURES; i++) {
            throttle.recordFailure(ThrottleScope.SIGN_UP_ADDRESS, office.address());
        }

        String oneTooMany = TestAccounts.uniqueEmail("late-colleague");
        assertThatThrownBy(() -> signUps.signUp("Late Colleague", oneTooMany, TestAccounts.PASSWORD, office))
                .isInstanceOfSatisfying(SignUpThrottledException.class, e -> assertThat(e.retryAt())
                        .isBetween(clock.instant().plus(Duration.ofMinutes(14)),
                                clock.instant().plus(ThrottlePolicy.ADDRESS_WINDOW)));
        assertThat(users.findProfileByEmail(oneTooMany)).isEmpty();
        // Another network is not affected.
        signUps.signUp("Elsewhere", TestAccounts.uniqueEmail("elsewhere"), TestAccounts.PASSWORD, client());
    }

    @Test
    void thirtyParallelSignUpsForOneAddressAreAtMostFiveLetThrough() throws Exception {
        String email = TestAccounts.uniqueEmail("parallel-signup");
        List<String> outcomes = Concurrently.run(30, () -> {
            try {
                signUps.signUp("Parallel Person", email, TestAccounts.PASSWORD, client());
                return "sent";
            } catch (SignUpThrottledException refused) {
                return "refused";
            }
        });
        assertThat(outcomes).filteredOn("sent"::equals).hasSize(ThrottlePolicy.FREE_ATTEMPTS);
        mailQueue.drain();
        // Each request is counted before anything is sent; of the 5 let through, only the first creates the
        // account and mails its link, the others reuse the unconfirmed account.
        assertThat(TestMailServer.messagesTo(greenMail, email)).hasSizeBetween(1, ThrottlePolicy.FREE_ATTEMPTS);
    }

    private Authentication attempt(String email, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    /** A client address of its own per call, so that the per-address throttle of other tests does not interfere. */
    private static ClientInfo client() {
        return new ClientInfo("198.51.100." + (CLIENTS.incrementAndGet() % 250), "JUnit");
    }
}
