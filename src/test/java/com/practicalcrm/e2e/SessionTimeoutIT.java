package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.sessions.SessionLimits;
import com.practicalcrm.sessions.TestSessionLimits;

/**
 * The notice before the idle timeout in a real browser: it appears on its own (the browser's timer, set from
 * the deadline the server sent), "Stay signed in" keeps the session, and an ignored notice ends on the sign-in
 * page with the reason.
 */
@PracticalCrmTest
class SessionTimeoutIT extends BrowserTest {

    private static final String IDLE_NOTICE = "For your security, you will be signed out within";

    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;
    @Autowired
    SessionLimits limits;

    @AfterEach
    void restoreTime() {
        clock.reset();
        TestSessionLimits.restore(limits);
    }

    @Test
    void staySignedInOnTheNoticeCountsAsActivityAndKeepsTheSession() {
        signIn(accounts.create("Grace Hopper"), "Welcome, Grace Hopper!");
        assertThat(pageText()).doesNotContain(IDLE_NOTICE);

        // 29.5 minutes without activity on the server's clock; the user comes back to the tab.
        clock.advance(Duration.ofMinutes(29).plusSeconds(30));
        js("document.dispatchEvent(new Event('visibilitychange'))");
        waitUntil(d -> pageText().contains(IDLE_NOTICE + " 1 minute because there has been no activity."));

        click("Stay signed in");
        waitUntil(d -> !pageText().contains(IDLE_NOTICE));
        // 30.5 minutes after the last page load, 1 minute after "Stay signed in".
        clock.advance(Duration.ofMinutes(1));
        open("profile");
        assertThat(currentPath()).isEqualTo("/profile");
        assertThat(pageText()).contains("Grace Hopper").doesNotContain(IDLE_NOTICE);
    }

    @Test
    void theNoticeAppearsOnItsOwnAndIfIgnoredThePageGoesToSignInWithTheReason() {
        // Real seconds in the browser: 12 s idle timeout, the notice 8 s before.
        TestSessionLimits.shorten(limits, Duration.ofSeconds(12), Duration.ofSeconds(8));
        signIn(accounts.create("Alan Turing"), "Welcome, Alan Turing!");

        waitUntil(d -> pageText().contains(IDLE_NOTICE + " 8 seconds because there has been no activity."));
        assertThat(currentPath()).isEqualTo("/");

        waitUntil(d -> currentPath().equals("/login")
                && pageText().contains("You were signed out after 12 seconds without activity."));
        open("profile");
        assertThat(currentPath()).isEqualTo("/login");
    }

    private void signIn(UserProfile user, String welcome) {
        open("login");
        type("Email", user.email().value());
        type("Password", TestAccounts.PASSWORD);
        click("Sign in");
        waitUntil(d -> pageText().contains(welcome));
    }
}
