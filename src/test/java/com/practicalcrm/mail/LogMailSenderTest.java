package com.practicalcrm.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.practicalcrm.common.EmailAddress;

@ExtendWith(OutputCaptureExtension.class)
class LogMailSenderTest {

    private static final String TOKEN = "Zq3xW9_kLmN0pQrStUvWxYz-0123456789abcdefGHI";
    private static final MailMessage RESET = new MailMessage("Reset your PracticalCRM password",
            List.of("Hello Ada Lovelace,", "Choose a new password with the link below."),
            new MailMessage.Link("Choose a new password", "https://crm.example.com/reset-password/" + TOKEN));
    private static final MailMessage CONFIRM = new MailMessage("Confirm your new email address",
            List.of("Hello,"), new MailMessage.Link("Confirm", "https://crm.example.com/confirm-email?token=" + TOKEN));

    @Test
    void outsideTheEmbeddedDevelopmentDatabaseTokensAreMaskedToTheirFirstFourCharacters(CapturedOutput output) {
        LogMailSender sender = new LogMailSender(false);
        sender.deliver(EmailAddress.of("ada@example.com"), RESET);
        sender.deliver(EmailAddress.of("ada@example.com"), CONFIRM);

        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12))
                .contains("https://crm.example.com/reset-password/Zq3x…")
                .contains("https://crm.example.com/confirm-email?token=Zq3x…")
                .contains("To: ada@example.com", "Subject: Reset your PracticalCRM password",
                        "Choose a new password with the link below.");
    }

    @Test
    void onTheEmbeddedDevelopmentDatabaseTheLinkIsWrittenInFullSoTheNewcomerCanFollowIt(CapturedOutput output) {
        new LogMailSender(true).deliver(EmailAddress.of("ada@example.com"), RESET);

        assertThat(output.getAll()).contains("https://crm.example.com/reset-password/" + TOKEN);
    }

    @Test
    void eachMailIsOneLogLineWithUserControlledTextEscaped(CapturedOutput output) {
        MailMessage forged = new MailMessage("Confirm your new email address",
                List.of("Hello Mallory\r\n2026-01-01T00:00:00Z  INFO admin signed in,", "Second paragraph."),
                new MailMessage.Link("Confirm", "https://crm.example.com/confirm-email?token=" + TOKEN));

        new LogMailSender(false).deliver(EmailAddress.of("mallory@example.com"), forged);

        List<String> lines = output.getAll().lines().filter(line -> line.contains("Mail not sent")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst())
                .contains("To: mallory@example.com | Subject: Confirm your new email address | Text: ")
                .contains("Hello Mallory\\r\\n2026-01-01T00:00:00Z  INFO admin signed in,\\n\\nSecond paragraph.")
                .contains("https://crm.example.com/confirm-email?token=Zq3x…");
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("2026-01-01T00:00:00Z"));
    }

    @Test
    void maskingLeavesOrdinaryTextAlone() {
        assertThat(LogMailSender.mask("Hello Ada, see https://crm.example.com/profile at 12:30 UTC."))
                .isEqualTo("Hello Ada, see https://crm.example.com/profile at 12:30 UTC.");
    }
}
