package com.practicalcrm;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free port, started before the shared test context: the context is then
 * configured with {@code spring.mail.host}/{@code spring.mail.port} like a deployment, so mail goes through the
 * JavaMailSender that Spring Boot auto-configures from those properties (no test bean replaces it). The server
 * is available to tests as a {@link GreenMail} bean; tests pick their messages by recipient (and subject), since
 * the server is shared and two threads send mail in no set order. To show that no mail was sent, use
 * {@link TestMailQueue#assertNoMailTo}.
 * <p>
 * It also sets {@code practicalcrm.base-url} to {@link #BASE_URL}, an address unlike the default, so the link
 * helpers ({@link MailTexts}, {@link TestMails}) can check that mailed links start with the configured base URL.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The {@code practicalcrm.base-url} of the test context: every mailed link must start with it. */
    public static final String BASE_URL = "https://crm.test.example";

    private static GreenMail server;

    /** The one server of this JVM, started on first use and stopped when the JVM ends. */
    static synchronized GreenMail server() {
        if (server == null) {
            GreenMail started = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
            server = started;
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        GreenMail greenMail = server();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailServer", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", greenMail.getSmtp().getPort(),
                "practicalcrm.base-url", BASE_URL)));
        context.getBeanFactory().registerSingleton("greenMail", greenMail);
    }

    /**
     * Waits up to 10 s for at least {@code count} (1 or more) messages to {@code recipient} and returns all of
     * them, in no particular order (two threads send mail). To check that none arrives, use
     * {@link TestMailQueue#assertNoMailTo}: waiting for zero messages would return at once.
     */
    public static List<MimeMessage> awaitMessagesTo(GreenMail greenMail, String recipient, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Waiting for " + count + " messages returns at once and proves nothing;"
                    + " use TestMailQueue.assertNoMailTo(recipient)");
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<MimeMessage> found = messagesTo(greenMail, recipient);
            if (found.size() >= count || System.currentTimeMillis() > deadline) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** The messages to {@code recipient} received so far, without waiting. */
    public static List<MimeMessage> messagesTo(GreenMail greenMail, String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, recipient)).toList();
    }

    /** Waits for the one message to {@code recipient} whose subject contains {@code subject}. */
    public static MimeMessage awaitMessageTo(GreenMail greenMail, String recipient, String subject) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<MimeMessage> found = messagesTo(greenMail, recipient).stream()
                    .filter(m -> subjectOf(m).contains(subject)).toList();
            if (found.size() > 1) {
                throw new AssertionError(found.size() + " messages to " + recipient + " with subject '" + subject + "'");
            }
            if (found.size() == 1) {
                return found.getFirst();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("No message to " + recipient + " with subject '" + subject + "' within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for mail", e);
            }
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }
}
