package com.practicalcrm.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.sessions.UserSessions;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.account.UserProfile;

/**
 * The passkey sign-in endpoints over real HTTP, as the page's script calls them: CSRF token as a header (no
 * exemption), a new session id, our principal in the session (so the session is registered and the profile
 * opens), and at the code step a passkey instead of the code, but only one of the account that gave the password.
 */
@PracticalCrmTest
class PasskeySignInHttpTest {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    PasskeyService passkeys;
    @Autowired
    PasskeySettings settings;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    SecurityEventService events;
    @Autowired
    UserSessions sessions;
    @Autowired
    MutableTestClock clock;

    @Test
    void requestsWithoutTheCsrfTokenAreRefused() {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.get("/login");

        assertRefused(browser.post(PasskeySignIn.OPTIONS_PATH, JSON, ""));
        assertRefused(browser.post(PasskeySignIn.SIGN_IN_PATH, JSON, "{}"));
        String[] csrf = browser.csrfHeader("/login");
        HttpResponse<String> options = browser.post(PasskeySignIn.OPTIONS_PATH, JSON, "", csrf);
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body()).contains("\"rpId\":\"localhost\"", "\"userVerification\":\"required\"",
                "\"challenge\":");
    }

    @Test
    void passkeyAloneSignsInWithANewSessionIdAndBothFactors() {
        UserProfile user = accounts.create("Frances Allen");
        SoftwareAuthenticator key = addPasskey(user);
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.get("/profile");
        String[] csrf = browser.csrfHeader("/login");
        String anonymousSession = browser.sessionId();

        HttpResponse<String> signIn = signIn(browser, key, csrf);

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("\"authenticated\":true", "\"redirectUrl\":\"http://localhost:" + port
                + "/profile");
        assertThat(browser.sessionId()).isNotEqualTo(anonymousSession);
        assertThat(browser.isSignedIn()).isTrue();
        assertThat(sessions.active(user.id())).hasSize(1);
        assertThat(events.latest(user.id(), 1)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.PASSKEY_SIGN_IN);
    }

    @Test
    void userWithTwoFactorGivesAPasskeyInsteadOfTheCode() {
        UserProfile user = accounts.create("Shafi Goldwasser");
        SoftwareAuthenticator key = addPasskey(user);
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertAtCodeStep(browser);

        HttpResponse<String> passkey = signIn(browser, key, browser.csrfHeader("/login/code"));

        assertThat(passkey.statusCode()).isEqualTo(200);
        assertThat(browser.isSignedIn()).isTrue();
    }

    @Test
    void atTheCodeStepAPasskeyOfAnotherAccountIsRefused() {
        UserProfile user = accounts.create("Radia Other");
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        SoftwareAuthenticator strangersKey = addPasskey(accounts.create("Mallory Stranger"));
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);

        HttpResponse<String> passkey = signIn(browser, strangersKey, browser.csrfHeader("/login/code"));

        assertThat(passkey.statusCode()).isEqualTo(401);
        assertThat(passkey.body()).contains(PasskeyMessages.OTHER_ACCOUNT);
        assertAtCodeStep(browser);
    }

    @Test
    void removedPasskeyIsRefusedWithItsIdForTheBrowserToForget() {
        UserProfile user = accounts.create("Sophie Wilson");
        SoftwareAuthenticator key = addPasskey(user);
        accounts.actingAs(user, () -> passkeys.remove(user.id(), key.credentialId()));
        HttpBrowserSession browser = new HttpBrowserSession(port);

        HttpResponse<String> signIn = signIn(browser, key, browser.csrfHeader("/login"));

        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(signIn.body()).contains(PasskeyMessages.UNKNOWN, "\"unknownCredentialId\":\""
                + key.credentialId() + "\"");
        assertThat(browser.isSignedIn()).isFalse();
    }

    /** Spring answers 403, which the container turns into its (non-public) error page: back to sign-in. */
    private static void assertRefused(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse("");
        assertThat(answer.statusCode() == 403 || answer.statusCode() == 302 && location.endsWith("/login"))
                .as("refused (403, or back to the sign-in page), but was %s to '%s'", answer.statusCode(), location)
                .isTrue();
        assertThat(answer.body()).doesNotContain("challenge", "authenticated");
    }

    /** Only the password so far: every page sends the browser to the code step. */
    private static void assertAtCodeStep(HttpBrowserSession browser) {
        HttpResponse<String> profile = browser.get("/profile");
        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(profile.headers().firstValue("Location").orElse("")).contains("/login/code?");
    }

    private HttpResponse<String> signIn(HttpBrowserSession browser, SoftwareAuthenticator key, String[] csrf) {
        String options = browser.post(PasskeySignIn.OPTIONS_PATH, JSON, "", csrf).body();
        return browser.post(PasskeySignIn.SIGN_IN_PATH, JSON, key.assertion(options), csrf);
    }

    private SoftwareAuthenticator addPasskey(UserProfile user) {
        SoftwareAuthenticator key = new SoftwareAuthenticator(settings.allowedOrigins().iterator().next(),
                UUID.randomUUID());
        accounts.actingAs(user, () -> {
            PasskeyCreation creation = passkeys.startCreation(user.id(), "Key");
            passkeys.finishCreation(user.id(), creation, key.register(creation.browserOptions()));
        });
        return key;
    }
}
