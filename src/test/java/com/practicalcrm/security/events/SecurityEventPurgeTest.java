package com.practicalcrm.security.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;

@PracticalCrmTest
class SecurityEventPurgeTest {

    @Autowired
    SecurityEventService events;
    @Autowired
    SecurityEventPurge purge;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eventsOlderThan90DaysArePurgedAndNewerOnesKept() {
        UserProfile user = accounts.create("Long Memory");
        ClientInfo client = new ClientInfo("192.0.2.1", null);
        events.record(user.id(), SecurityEventType.SIGN_IN, client);
        clock.advance(Duration.ofDays(2));
        events.record(user.id(), SecurityEventType.SIGN_IN_FAILED, client);

        clock.advance(Duration.ofDays(89));
        purge.purge();

        assertThat(events.latest(user.id(), 20)).extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.SIGN_IN_FAILED);
    }
}
