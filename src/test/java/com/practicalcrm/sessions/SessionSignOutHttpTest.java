package com.practicalcrm.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.HttpBrowserSession;

/** Sign out on one row of the sessions list: that session ends wherever it runs, the others go on. */
@PracticalCrmTest
class SessionSignOutHttpTest {

    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.60", null);

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    UserSessions sessions;
    @Autowired
    OtherSessionsService otherSessions;
    @Autowired
    SecurityEventService events;

    @Test
    void signingOutOneSessionEndsOnlyThatOne() {
        UserProfile user = accounts.create("Three Browsers");
        HttpBrowserSession laptop = signedIn(user);
        List<String> before = keys(user);
        HttpBrowserSession phone = signedIn(user);
        String phoneKey = keys(user).stream().filter(key -> !before.contains(key)).findFirst().orElseThrow();
        HttpBrowserSession tablet = signedIn(user);

        assertThatThrownBy(() -> otherSessions.signOutSession(user.id(), phoneKey, CLIENT))
                .as("without Confirm it's you").isInstanceOf(ConfirmationRequiredException.class);
        accounts.actingAs(user, () -> assertThat(otherSessions.signOutSession(user.id(), phoneKey, CLIENT)).isTrue());

        assertThat(phone.isSignedIn()).isFalse();
        assertThat(laptop.isSignedIn()).isTrue();
        assertThat(tablet.isSignedIn()).isTrue();
        assertThat(keys(user)).doesNotContain(phoneKey).hasSize(2);
        assertThat(events.latest(user.id(), 5)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.SESSION_SIGNED_OUT);
    }

    @Test
    void anotherUsersSessionCannotBeSignedOut() {
        UserProfile owner = accounts.create("Session Owner");
        UserProfile stranger = accounts.create("Session Stranger");
        HttpBrowserSession browser = signedIn(owner);
        String key = sessions.active(owner.id()).getFirst().key();

        accounts.actingAs(stranger, () -> assertThat(otherSessions.signOutSession(stranger.id(), key, CLIENT)).isFalse());

        assertThat(browser.isSignedIn()).isTrue();
    }

    private HttpBrowserSession signedIn(UserProfile user) {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(browser.isSignedIn()).isTrue();
        return browser;
    }

    private List<String> keys(UserProfile user) {
        return sessions.active(user.id()).stream().map(ActiveSession::key).toList();
    }
}
