package com.practicalcrm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.AccountConfirmation.Outcome;
import com.practicalcrm.common.ClientInfo;

@PracticalCrmTest
class UnconfirmedAccountPurgeTest {

    @Autowired
    UnconfirmedAccountPurge purge;
    @Autowired
    SignUpService signUps;
    @Autowired
    UserService users;
    @Autowired
    TestAccounts accounts;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void accountsUnconfirmedAfterSevenDaysAreDeletedAndConfirmedOnesKept() {
        String unconfirmed = TestAccounts.uniqueEmail("never");
        String confirmedLate = TestAccounts.uniqueEmail("late");
        signUps.signUp("Never Confirmed", unconfirmed, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);
        signUps.signUp("Confirmed Late", confirmedLate, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);
        UserProfile confirmedAtOnce = accounts.create("Confirmed Early");
        String neverLink = SignUpMails.awaitConfirmationLink(greenMail, unconfirmed);
        String lateLink = SignUpMails.awaitConfirmationLink(greenMail, confirmedLate);

        clock.advance(Duration.ofDays(6));
        // The link has expired, but the account may still have one sent again: it is kept for 7 days.
        assertThat(signUps.resendConfirmationLink(confirmedLate, ClientInfo.UNKNOWN)).isEmpty();
        String newLateLink = SignUpMails.awaitConfirmationLinks(greenMail, confirmedLate, 2).stream()
                .filter(link -> !link.equals(lateLink)).findFirst().orElseThrow();
        assertThat(signUps.confirm(SignUpMails.token(newLateLink), ClientInfo.UNKNOWN).outcome())
                .isEqualTo(Outcome.CONFIRMED);

        clock.advance(Duration.ofDays(1).minusMinutes(1));
        purge.purge();
        assertThat(users.findProfileByEmail(unconfirmed)).isPresent();

        clock.advance(Duration.ofMinutes(2));
        purge.purge();

        assertThat(users.findProfileByEmail(unconfirmed)).isEmpty();
        assertThat(signUps.confirm(SignUpMails.token(neverLink), ClientInfo.UNKNOWN).outcome())
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(users.findProfileByEmail(confirmedLate)).isPresent();
        assertThat(users.findProfile(confirmedAtOnce.id())).isPresent();
    }
}
