package com.practicalcrm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MailTexts;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;

import jakarta.mail.internet.MimeMessage;

@PracticalCrmTest
class SecurityNotificationIntegrationTest {

    private static final ClientInfo FIREFOX_ON_WINDOWS = new ClientInfo("198.51.100.23",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");

    @Autowired
    SecurityEventService events;
    @Autowired
    TestAccounts accounts;
    @Autowired
    GreenMail greenMail;
    @Autowired
    TestMailQueue mailQueue;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PASSWORD_RESET|Your PracticalCRM password was reset|was reset with a link sent to this address",
            "TWO_FACTOR_ENABLED|Two-factor authentication was enabled|(2FA) was enabled",
            "TWO_FACTOR_DISABLED|Two-factor authentication was disabled|(2FA) was disabled",
            "RECOVERY_CODES_REGENERATED|New recovery codes were created|The previous codes no longer work",
            "RECOVERY_CODE_USED|A recovery code was used to sign in|That code cannot be used again"})
    void eachProtectionChangeIsMailedWithWhatWhenWhereAndWhatToDo(SecurityEventType type, String subject,
                                                                   String what) {
        UserProfile user = accounts.create("Notified Person");
        events.record(user.id(), type, FIREFOX_ON_WINDOWS);

        List<MimeMessage> mails = TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1);
        assertThat(mails).hasSize(1);
        assertThat(subjectOf(mails.getFirst())).isEqualTo(subject);
        String occurredAt = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:", Locale.ENGLISH)
                .format(events.latest(user.id(), 1).getFirst().occurredAt().atZone(ZoneOffset.UTC));
        assertThat(MailTexts.text(mails.getFirst()))
                .contains("Hello Notified Person,")
                .contains(what)
                .contains("When: " + occurredAt).contains("UTC")
                .contains("Browser: Firefox 128 on Windows")
                .contains("Address: 198.51.100.23")
                .contains("If this was not you,")
                .containsPattern("Review your security activity: " + Pattern.quote(TestMailServer.BASE_URL) + "/profile\\s");
    }

    @Test
    void emailChangeIsMailedToTheOldAddress() {
        UserProfile user = accounts.create("Moving Person");
        EmailAddress oldAddress = user.email();
        events.record(user.id(), SecurityEventType.EMAIL_CHANGED, FIREFOX_ON_WINDOWS, oldAddress);

        List<MimeMessage> mails = TestMailServer.awaitMessagesTo(greenMail, oldAddress.value(), 1);
        assertThat(mails).hasSize(1);
        assertThat(subjectOf(mails.getFirst())).isEqualTo("The email address of your PracticalCRM account was changed");
        assertThat(MailTexts.text(mails.getFirst()))
                .contains("was changed from this address to another one")
                .contains("Browser: Firefox 128 on Windows")
                .contains("If this was not you, your account may have been taken over");
    }

    @Test
    void signInsAndFailuresAreRecordedButNotMailed() {
        UserProfile user = accounts.create("Quiet Person");
        events.record(user.id(), SecurityEventType.SIGN_IN, FIREFOX_ON_WINDOWS);
        events.record(user.id(), SecurityEventType.SIGN_IN_FAILED, FIREFOX_ON_WINDOWS);
        events.record(user.id(), SecurityEventType.TWO_FACTOR_CODE_FAILED, FIREFOX_ON_WINDOWS);

        assertThat(events.latest(user.id(), 5)).hasSize(4); // account created, and the three above
        mailQueue.assertNoMailTo(user.email().value());
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
