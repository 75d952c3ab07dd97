package com.practicalcrm.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleScope;

/**
 * Failed and throttled sign-ins through the real sign-in form (POST /login over HTTP, as a browser sends it) are
 * recorded as security events of the account, with the browser and address of the request.
 */
@PracticalCrmTest
class SignInAuditHttpTest {

    /** Where the test client's requests come from, as the server sees them. */
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SecurityEventService events;
    @Autowired
    Throttle throttle;

    /** Every HTTP test signs in from the loopback address: its per-address count must not leak between tests. */
    @BeforeEach
    @AfterEach
    void clearTheLoopbackAddressThrottle() {
        LOOPBACK.forEach(address -> throttle.clear(ThrottleScope.SIGN_IN_ADDRESS, address));
    }

    @Test
    void wrongPasswordInTheSignInFormIsRecordedAsAFailedSignIn() {
        UserProfile user = accounts.create("Mistyped Password");
        HttpBrowserSession browser = new HttpBrowserSession(port);

        HttpResponse<String> answer = browser.postSignIn(user.email().value(), "not-the-right-password");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.vaadinView("login?error")).contains("Incorrect email or password");
        List<SecurityEvent> recorded = events.latest(user.id(), 5);
        assertThat(recorded).extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.SIGN_IN_FAILED, SecurityEventType.ACCOUNT_CREATED);
        SecurityEvent failed = recorded.getFirst();
        assertThat(failed.client().browser()).isEqualTo("Chrome 150 on Linux");
        assertThat(failed.client().address()).isIn(LOOPBACK);
    }

    @Test
    void signInAttemptWhileThrottledIsRecordedAsThrottledAndTheFormSaysSo() {
        UserProfile user = accounts.create("Persistent Guesser");
        HttpBrowserSession browser = new HttpBrowserSession(port);
        for (int i = 0; i < 5; i++) {
            browser.postSignIn(user.email().value(), "guess-number-" + i);
        }

        // Even the right password now waits: the attempt is refused as throttled, and recorded as such.
        HttpResponse<String> answer = browser.postSignIn(user.email().value(), TestAccounts.PASSWORD);

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.vaadinView("login?error")).contains("Too many failed sign-in attempts");
        assertThat(events.latest(user.id(), 10)).extracting(SecurityEvent::type).containsExactly(
                SecurityEventType.SIGN_IN_THROTTLED,
                SecurityEventType.SIGN_IN_FAILED, SecurityEventType.SIGN_IN_FAILED, SecurityEventType.SIGN_IN_FAILED,
                SecurityEventType.SIGN_IN_FAILED, SecurityEventType.SIGN_IN_FAILED,
                SecurityEventType.ACCOUNT_CREATED);
        assertThat(events.latest(user.id(), 1).getFirst().client().address()).isIn(LOOPBACK);
    }
}
