package com.practicalcrm.sessions;

import static com.practicalcrm.jooq.Tables.APP_USER;
import static com.practicalcrm.jooq.Tables.USER_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;

/**
 * The branches of {@link SessionValidationFilter} over real HTTP sessions: a session whose registry row is gone,
 * or whose account's credentials changed meanwhile (on any instance: written straight to the database here), is
 * ended on its next request, and the sign-in page it is sent to says why, once.
 */
@PracticalCrmTest
class SessionValidationHttpTest {

    static final String ENDED_NOTICE = "You were signed out because your password was changed or your sessions "
            + "were ended from another device. Sign in again to continue.";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    UserSessions sessions;
    @Autowired
    DSLContext dsl;

    @Test
    void sessionWhoseRegistryRowIsGoneEndsAndTheSignInPageSaysWhyOnce() {
        UserProfile user = accounts.create("Row Deleted");
        HttpBrowserSession browser = signedIn(user);

        dsl.deleteFrom(USER_SESSION).where(USER_SESSION.USER_ID.eq(user.id().value())).execute();

        assertThat(browser.isSignedIn()).isFalse();
        assertThat(browser.vaadinView("login")).contains(ENDED_NOTICE);
        assertThat(browser.vaadinView("login")).doesNotContain(ENDED_NOTICE);
        assertThat(browser.isSignedIn()).isFalse();
    }

    @Test
    void registeredSessionEndsWhenThePasswordWasChangedMeanwhile() {
        UserProfile user = accounts.create("Changed Elsewhere");
        HttpBrowserSession browser = signedIn(user);

        // Only the credential version, as a password change on another instance raises it: the registry row
        // itself is still open, so nothing but the version comparison can end this session.
        raiseCredentialVersion(user);

        assertThat(browser.isSignedIn()).isFalse();
        assertThat(browser.vaadinView("login")).contains(ENDED_NOTICE);
    }

    @Test
    void sessionIsNotRegisteredWhenThePasswordChangedBetweenSignInAndItsFirstRequest() {
        UserProfile user = accounts.create("Changed In Between");
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD); // the form post only: not registered yet

        raiseCredentialVersion(user);

        HttpResponse<String> profile = browser.get("/profile");
        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(profile.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(sessions.active(user.id())).isEmpty();
        assertThat(browser.vaadinView("login")).contains(ENDED_NOTICE);
    }

    @Test
    void signInPageOfAVisitorWhoseSessionDidNotEndHasNoNotice() {
        assertThat(new HttpBrowserSession(port).vaadinView("login")).contains("Sign in to PracticalCRM")
                .doesNotContain(ENDED_NOTICE);
    }

    @Test
    void checkingASignedInRequestCostsTheDatabaseAStatementPerRule() {
        UserProfile user = accounts.create("Counted Statements");
        HttpBrowserSession browser = signedIn(user);
        long overhead = -questions() + questions(); // the second SHOW STATUS counts itself

        // The counter is the server's, for all clients: work left over from the sign-in (mails, events) may
        // still run during one request, never during three, so the fewest of three is this request's own count.
        long statements = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = questions();
            assertThat(browser.get("/profile").statusCode()).isEqualTo(200);
            statements = Math.min(statements, questions() - before - overhead);
        }

        // The session's row with the account's credential version; whether the account now wants a second
        // factor, read once for the session check and the page's authorization rule. No transactions around
        // them, and nothing written: "last active" is written once a minute.
        assertThat(statements).as("database statements for one signed-in page request").isEqualTo(2);
    }

    /** Statements the database server has received from all clients (only this test's requests run now). */
    private long questions() {
        return Long.parseLong(dsl.fetchSingle("SHOW GLOBAL STATUS LIKE 'Questions'").get(1, String.class));
    }

    private void raiseCredentialVersion(UserProfile user) {
        dsl.update(APP_USER).set(APP_USER.CREDENTIAL_VERSION, APP_USER.CREDENTIAL_VERSION.plus(1))
                .where(APP_USER.ID.eq(user.id().value())).execute();
    }

    private HttpBrowserSession signedIn(UserProfile user) {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(browser.isSignedIn()).isTrue();
        assertThat(sessions.active(user.id())).hasSize(1);
        return browser;
    }
}
