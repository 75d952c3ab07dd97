package com.practicalcrm.security.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;

/** The log line of a recorded event: one line, whatever the client sent. */
@PracticalCrmTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventLogTest {

    @Autowired
    SecurityEventService events;
    @Autowired
    TestAccounts accounts;

    @Test
    void clientTextWithLineBreaksIsWrittenEscapedOnOneLine(CapturedOutput output) {
        UserProfile user = accounts.create("Log Line");
        ClientInfo forged = new ClientInfo("203.0.113.9\r\nFORGED admin", "Evil\r\nAgent");

        events.record(user.id(), SecurityEventType.EMAIL_CHANGE_CANCELLED, forged);

        List<String> lines = output.getAll().lines()
                .filter(line -> line.contains("security event EMAIL_CHANGE_CANCELLED for user " + user.id()))
                .toList();
        assertThat(lines).singleElement().asString().endsWith("from 203.0.113.9\\r\\nFORGED admin");
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("FORGED"));
    }
}
