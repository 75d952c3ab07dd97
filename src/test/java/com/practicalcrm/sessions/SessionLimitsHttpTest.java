package com.practicalcrm.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.sessions.repository.UserSessionRepository;

/**
 * The idle timeout and the absolute lifetime over real HTTP, with the default settings (30 minutes, 12 hours)
 * and the server's clock moved forward. A browser tab that is merely open sends Vaadin's heartbeat every five
 * minutes; that must not keep the session alive.
 */
@PracticalCrmTest
class SessionLimitsHttpTest {

    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofMinutes(5);

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    UserSessions sessions;
    @Autowired
    UserSessionRepository registry;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOpenTabWithOnlyHeartbeatsIsSignedOutAfterTheIdleTimeoutAndSignInSaysWhy() {
        UserProfile user = accounts.create("Idle Tab");
        HttpBrowserSession browser = signedIn(user);
        String key = sessions.active(user.id()).getFirst().key();
        String signedInSessionId = browser.sessionId();
        int uiId = openPage(browser, "/profile");

        for (int i = 0; i < 5; i++) {
            clock.advance(HEARTBEAT_INTERVAL);
            assertThat(heartbeat(browser, uiId).statusCode()).as("heartbeat %d min after the last activity",
                    (i + 1) * 5).isEqualTo(200);
        }
        clock.advance(HEARTBEAT_INTERVAL.minusSeconds(1));
        assertThat(heartbeat(browser, uiId).statusCode()).as("heartbeat 29:59 after the last activity")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        heartbeat(browser, uiId);

        assertThat(browser.isSignedIn()).isFalse();
        assertThat(browser.vaadinView("login")).contains("You were signed out after 30 minutes without activity.");
        assertThat(registry.state(user.id(), key).orElseThrow().endedAt()).as("registry row ended").isNotNull();
        // The Spring Security context went with the session: the old session cookie signs nobody in.
        HttpBrowserSession keptCookie = new HttpBrowserSession(port);
        keptCookie.useSessionId(signedInSessionId);
        assertThat(keptCookie.isSignedIn()).isFalse();
    }

    @Test
    void requestsOfTheUserKeepTheSessionAliveBeyondTheIdleTimeout() {
        UserProfile user = accounts.create("Busy Bee");
        HttpBrowserSession browser = signedIn(user);

        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(browser.isSignedIn()).as("after %d minutes with a page opened every 20", (i + 1) * 20)
                    .isTrue();
        }
        assertThat(sessions.active(user.id())).singleElement()
                .satisfies(s -> assertThat(s.lastSeenAt()).isAfter(s.signedInAt().plus(Duration.ofMinutes(79))));
    }

    @Test
    void theAbsoluteLifetimeEndsEvenAnActiveSession() {
        UserProfile user = accounts.create("Long Day");
        HttpBrowserSession browser = signedIn(user);
        Duration step = Duration.ofMinutes(29);
        Duration elapsed = Duration.ZERO;

        while (elapsed.plus(step).compareTo(Duration.ofHours(12)) < 0) {
            clock.advance(step);
            elapsed = elapsed.plus(step);
            assertThat(browser.isSignedIn()).as("active and signed in for %s", elapsed).isTrue();
        }
        clock.advance(step);

        assertThat(browser.isSignedIn()).isFalse();
        assertThat(browser.vaadinView("login"))
                .contains("You were signed out because you have been signed in for 12 hours. Please sign in again.");
    }

    private HttpBrowserSession signedIn(UserProfile user) {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(browser.isSignedIn()).isTrue();
        return browser;
    }

    /** Loads a page as a browser does (the page, then its Vaadin UI) and returns the UI's id. */
    private static int openPage(HttpBrowserSession browser, String path) {
        assertThat(browser.get(path).statusCode()).as("GET " + path).isEqualTo(200);
        HttpResponse<String> init = browser.get("/?v-r=init&location=" + path.substring(1) + "&query=");
        Matcher uiId = UI_ID.matcher(init.body());
        assertThat(uiId.find()).as("UI id in " + init.body()).isTrue();
        return Integer.parseInt(uiId.group(1));
    }

    /** What Vaadin's client sends every five minutes while the tab is open. */
    private static HttpResponse<String> heartbeat(HttpBrowserSession browser, int uiId) {
        return browser.post("/?v-r=heartbeat&v-uiId=" + uiId, "text/plain;charset=utf-8", "");
    }
}
