package com.practicalcrm.emailchange;

import static com.practicalcrm.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.TestMails;
import com.practicalcrm.account.EmailAlreadyInUseException;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.emailchange.EmailConfirmation.Outcome;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;

import jakarta.mail.internet.MimeMessage;

@PracticalCrmTest
class EmailChangeIntegrationTest {

    @Autowired
    EmailChangeService emailChanges;
    @Autowired
    UserService users;
    @Autowired
    TestAccounts accounts;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;
    @Autowired
    SecurityEventService events;
    @Autowired
    TestMailQueue mailQueue;
    @Autowired
    DSLContext dsl;

    @AfterEach
    void resetClock() {
        clock.reset();
        accounts.signOut();
    }

    @Test
    void linkGoesToTheNewAddressAndTheChangeWaitsUntilItIsOpened() throws Exception {
        UserProfile user = accounts.create("Rosalind Franklin");
        String newEmail = TestAccounts.uniqueEmail("rosalind.new");

        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));

        MimeMessage confirmation = single(newEmail);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your new email address");
        assertThat(TestMails.confirmationLink(confirmation))
                .startsWith(TestMailServer.BASE_URL + "/confirm-email?token=");
        assertThat(TestMails.plainText(confirmation)).contains("24 hours").contains("PracticalCRM");
        assertThat(profile(user).email()).isEqualTo(user.email());
        assertThat(emailChanges.pending(user.id())).get()
                .extracting(PendingEmailChange::newEmail).isEqualTo(EmailAddress.of(newEmail));

        EmailConfirmation result = emailChanges.confirm(TestMails.confirmationToken(confirmation), ClientInfo.UNKNOWN);

        assertThat(result.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(profile(user).email()).isEqualTo(EmailAddress.of(newEmail));
        assertThat(emailChanges.pending(user.id())).isEmpty();
        assertThat(events.latest(user.id(), 10)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.EMAIL_CHANGE_REQUESTED, SecurityEventType.EMAIL_CHANGED);
    }

    @Test
    void oldAddressIsToldAboutTheRequestWithoutALink() throws Exception {
        UserProfile user = accounts.create("Chien-Shiung Wu");
        String newEmail = TestAccounts.uniqueEmail("wu.new");

        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));

        MimeMessage notice = single(user.email().value());
        assertThat(notice.getSubject()).isEqualTo("Your email address is about to change");
        assertThat(TestMails.plainText(notice)).contains(newEmail.toLowerCase()).doesNotContain("token=");
    }

    @Test
    void linkWorksOnlyOnce() {
        UserProfile user = accounts.create("Dorothy Hodgkin");
        String newEmail = TestAccounts.uniqueEmail("dorothy.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        String token = TestMails.confirmationToken(single(newEmail));

        assertThat(emailChanges.confirm(token, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.CONFIRMED);
        EmailConfirmation again = emailChanges.confirm(token, ClientInfo.UNKNOWN);

        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_USED);
        assertThat(again.newEmail()).isEqualTo(EmailAddress.of(newEmail));
    }

    @Test
    void linkExpiresAfter24Hours() {
        UserProfile user = accounts.create("Lise Meitner");
        String newEmail = TestAccounts.uniqueEmail("lise.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        String token = TestMails.confirmationToken(single(newEmail));

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(emailChanges.confirm(token, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(profile(user).email()).isEqualTo(user.email());
        assertThat(emailChanges.pending(user.id())).isEmpty();
    }

    @Test
    void linkStillWorksJustBeforeExpiry() {
        UserProfile user = accounts.create("Emmy Noether");
        String newEmail = TestAccounts.uniqueEmail("emmy.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        String token = TestMails.confirmationToken(single(newEmail));

        clock.advance(Duration.ofHours(24).minusMinutes(1));

        assertThat(emailChanges.confirm(token, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void newestRequestWinsAndTheOlderLinkStopsWorking() {
        UserProfile user = accounts.create("Mary Somerville");
        String first = TestAccounts.uniqueEmail("mary.first");
        String second = TestAccounts.uniqueEmail("mary.second");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), first, ClientInfo.UNKNOWN));
        String firstToken = TestMails.confirmationToken(single(first));
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), second, ClientInfo.UNKNOWN));
        String secondToken = TestMails.confirmationToken(single(second));

        assertThat(emailChanges.confirm(firstToken, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(emailChanges.confirm(secondToken, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(profile(user).email()).isEqualTo(EmailAddress.of(second));
    }

    @Test
    void addressTakenBeforeConfirmationChangesNothing() {
        UserProfile user = accounts.create("Katherine Johnson");
        String newEmail = TestAccounts.uniqueEmail("katherine.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        String token = TestMails.confirmationToken(single(newEmail));
        users.register("Quicker Person", newEmail.toUpperCase(), TestAccounts.PASSWORD, ClientInfo.UNKNOWN);

        EmailConfirmation result = emailChanges.confirm(token, ClientInfo.UNKNOWN);

        assertThat(result.outcome()).isEqualTo(Outcome.ADDRESS_TAKEN);
        assertThat(profile(user).email()).isEqualTo(user.email());
    }

    @Test
    void cancelledChangeKeepsTheAddressAndItsLinkStopsWorking() {
        UserProfile user = accounts.create("Hypatia Alexandria");
        String newEmail = TestAccounts.uniqueEmail("hypatia.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        String token = TestMails.confirmationToken(single(newEmail));

        emailChanges.cancel(user.id(), ClientInfo.UNKNOWN);

        assertThat(emailChanges.pending(user.id())).isEmpty();
        assertThat(emailChanges.confirm(token, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(profile(user).email()).isEqualTo(user.email());
    }

    @Test
    void withoutARecentConfirmationNothingIsRequestedOrSent() {
        UserProfile user = accounts.create("Ida Noddack");
        String newEmail = TestAccounts.uniqueEmail("ida.new");
        accounts.signIn(user);
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN))
                .isInstanceOf(ConfirmationRequiredException.class);

        assertThat(emailChanges.pending(user.id())).isEmpty();
        mailQueue.assertNoMailTo(newEmail);
        mailQueue.assertNoMailTo(user.email().value());
    }

    @Test
    void aConfirmationOfAnotherUserDoesNotChangeThisOne() {
        UserProfile user = accounts.create("Marie Tharp");
        UserProfile intruder = accounts.create("Other Intruder");
        String newEmail = TestAccounts.uniqueEmail("marie.new");

        accounts.actingAs(intruder, () -> assertThatThrownBy(
                () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN))
                .isInstanceOf(ConfirmationRequiredException.class));

        assertThat(emailChanges.pending(user.id())).isEmpty();
    }

    @Test
    void addressOfAnotherAccountIsRefusedWhateverItsCase() {
        UserProfile user = accounts.create("Vera Rubin");
        UserProfile other = accounts.create("Other Person");

        accounts.actingAs(user, () -> assertThatThrownBy(() -> emailChanges.requestChange(user.id(),
                other.email().value().toUpperCase(), ClientInfo.UNKNOWN))
                .isInstanceOf(EmailAlreadyInUseException.class)
                .hasMessage("This email address belongs to another account. Use a different one."));
        assertThat(emailChanges.pending(user.id())).isEmpty();
    }

    @Test
    void malformedAddressIsRefused() {
        UserProfile user = accounts.create("Cecilia Payne");

        for (String bad : List.of("", "no-at-sign", "two@@example.com", "name@localhost", "a b@example.com")) {
            assertThatThrownBy(() -> emailChanges.requestChange(user.id(), bad, ClientInfo.UNKNOWN)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(EmailAddress.INVALID_MESSAGE);
        }
        assertThat(emailChanges.pending(user.id())).isEmpty();
    }

    @Test
    void unknownOrMalformedTokensChangeNothing() {
        for (String token : List.of("", "abc", "A".repeat(43), "<script>".repeat(6))) {
            assertThat(emailChanges.confirm(token, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.NOT_FOUND);
        }
        assertThat(emailChanges.confirm(null, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void linkStopsWorkingWhenTheCredentialVersionOfTheAccountChanges() {
        UserProfile user = accounts.create("Katherine Johnson");
        String newEmail = TestAccounts.uniqueEmail("katherine.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));
        String token = TestMails.confirmationToken(single(newEmail));

        // What a password reset, or anything else that ends every session of the account, does to the account.
        dsl.update(APP_USER).set(APP_USER.CREDENTIAL_VERSION, APP_USER.CREDENTIAL_VERSION.plus(1))
                .where(APP_USER.ID.eq(user.id().value())).execute();

        assertThat(emailChanges.pending(user.id())).isEmpty();
        assertThat(emailChanges.confirm(token, ClientInfo.UNKNOWN).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(profile(user).email()).isEqualTo(user.email());
    }

    @Test
    void aRequestMadeAfterTheCredentialVersionChangedWorks() {
        UserProfile user = accounts.create("Mary Jackson");
        dsl.update(APP_USER).set(APP_USER.CREDENTIAL_VERSION, APP_USER.CREDENTIAL_VERSION.plus(3))
                .where(APP_USER.ID.eq(user.id().value())).execute();
        String newEmail = TestAccounts.uniqueEmail("mary.new");
        accounts.actingAs(user, () -> emailChanges.requestChange(user.id(), newEmail, ClientInfo.UNKNOWN));

        assertThat(emailChanges.pending(user.id())).isPresent();
        assertThat(emailChanges.confirm(TestMails.confirmationToken(single(newEmail)), ClientInfo.UNKNOWN).outcome())
                .isEqualTo(Outcome.CONFIRMED);
    }

    private UserProfile profile(UserProfile user) {
        return users.findProfile(user.id()).orElseThrow();
    }

    private MimeMessage single(String recipient) {
        List<MimeMessage> received = TestMailServer.awaitMessagesTo(greenMail, recipient, 1);
        assertThat(received).as("mail to " + recipient).hasSize(1);
        return received.getFirst();
    }
}
