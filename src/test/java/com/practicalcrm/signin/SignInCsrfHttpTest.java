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
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleScope;

/**
 * Login CSRF: a page on another site can make a browser post the sign-in form with the attacker's email and
 * password, signing the victim into the attacker's account. The post must carry the token of the browser's own
 * sign-in page.
 */
@PracticalCrmTest
class SignInCsrfHttpTest {

    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Throttle throttle;

    @BeforeEach
    @AfterEach
    void clearTheLoopbackAddressThrottle() {
        LOOPBACK.forEach(address -> throttle.clear(ThrottleScope.SIGN_IN_ADDRESS, address));
    }

    @Test
    void signInPostWithoutTokenIsRefusedAndSignsNobodyIn() {
        UserProfile attacker = accounts.create("Forged Post");
        HttpBrowserSession victim = new HttpBrowserSession(port);
        victim.get("/login");

        HttpResponse<String> answer = victim.postSignIn(attacker.email().value(), TestAccounts.PASSWORD, null);

        assertRefused(answer);
        assertThat(victim.isSignedIn()).isFalse();
    }

    @Test
    void signInPostWithTheTokenOfAnotherBrowserIsRefused() {
        UserProfile attacker = accounts.create("Borrowed Token");
        HttpBrowserSession attackersBrowser = new HttpBrowserSession(port);
        String attackersToken = attackersBrowser.signInPageCsrfToken();
        HttpBrowserSession victim = new HttpBrowserSession(port);
        victim.get("/login");

        HttpResponse<String> answer = victim.postSignIn(attacker.email().value(), TestAccounts.PASSWORD,
                attackersToken);

        assertRefused(answer);
        assertThat(victim.isSignedIn()).isFalse();
    }

    /**
     * Spring Security answers 403; the servlet container turns that into its error page, which is not public, so
     * the browser is sent to sign in (plain {@code /login}, not {@code /login?error}: the password was not even
     * checked).
     */
    private static void assertRefused(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse("");
        assertThat(answer.statusCode() == 403 || answer.statusCode() == 302 && location.endsWith("/login"))
                .as("refused (403, or back to the sign-in page), but was %s to '%s'", answer.statusCode(), location)
                .isTrue();
    }

    @Test
    void signInPostWithTheTokenOfItsOwnSignInPageSignsIn() {
        UserProfile user = accounts.create("Own Token");
        HttpBrowserSession browser = new HttpBrowserSession(port);

        HttpResponse<String> answer = browser.postSignIn(user.email().value(), TestAccounts.PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.isSignedIn()).isTrue();
    }
}
