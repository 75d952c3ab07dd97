package com.practicalcrm.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.common.EmailAddress;

import jakarta.mail.internet.MimeMessage;

@PracticalCrmTest
class MailServiceIntegrationTest {

    @Autowired
    MailService mail;
    @Autowired
    GreenMail greenMail;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestMailQueue mailQueue;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    MailSender outgoingMail;

    @Test
    void mailGoesThroughTheJavaMailSenderSpringBootConfiguresFromSpringMailProperties() {
        // Exactly one JavaMailSender, declared by Spring Boot's auto-configuration (not by a test or app bean) ...
        assertThat(context.getBeanNamesForType(JavaMailSender.class)).containsExactly("mailSender");
        BeanDefinition definition = context.getBeanFactory().getMergedBeanDefinition("mailSender");
        Class<?> declaredBy = context.getBeanFactory().getType(definition.getFactoryBeanName());
        assertThat(declaredBy.getName()).startsWith("org.springframework.boot.").contains("mail");
        // ... configured from spring.mail.host/port, which point at GreenMail ...
        JavaMailSenderImpl javaMail = context.getBean(JavaMailSenderImpl.class);
        assertThat(javaMail.getHost()).isEqualTo("127.0.0.1");
        assertThat(javaMail.getPort()).isEqualTo(greenMail.getSmtp().getPort());
        // ... and used by the app's sender, whose mail then arrives over SMTP.
        assertThat(outgoingMail).isInstanceOf(SmtpMailSender.class);
        String to = TestAccounts.uniqueEmail("boot-smtp");
        outgoingMail.deliver(EmailAddress.of(to), new MailMessage("Over SMTP", List.of("Hello"), null));
        assertThat(TestMailServer.messagesTo(greenMail, to)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Over SMTP"));
    }

    @Test
    void messageArrivesOverSmtpAsPlainTextAndHtmlWithTheProductName() throws Exception {
        String to = TestAccounts.uniqueEmail("mail");
        mail.send(EmailAddress.of(to), new MailMessage("Confirm your new email address",
                List.of("Someone asked to use this address for PracticalCRM.", "Ignore this if it was not you."),
                new MailMessage.Link("Confirm address", "http://localhost/confirm?token=a&b")));

        List<MimeMessage> received = TestMailServer.awaitMessagesTo(greenMail, to, 1);
        assertThat(received).hasSize(1);
        MimeMessage message = received.getFirst();
        assertThat(message.getSubject()).isEqualTo("Confirm your new email address");
        assertThat(message.getFrom()[0].toString()).contains("PracticalCRM");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("Someone asked to use this address for PracticalCRM.")
                .contains("http://localhost/confirm?token=a&b")
                .contains("text/html").contains("href=\"http://localhost/confirm?token=a&amp;b\"");
    }

    @Test
    void mailIsSentOnlyWhenTheTransactionCommits() {
        String committed = TestAccounts.uniqueEmail("committed");
        String rolledBack = TestAccounts.uniqueEmail("rolledback");
        MailMessage message = new MailMessage("Subject", List.of("Body"), null);

        transactions.executeWithoutResult(status -> {
            mail.send(EmailAddress.of(rolledBack), message);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> mail.send(EmailAddress.of(committed), message));

        assertThat(TestMailServer.awaitMessagesTo(greenMail, committed, 1)).hasSize(1);
        mailQueue.assertNoMailTo(rolledBack);
    }

    @Test
    void plainTextAndHtmlCarryTheSameContent() {
        MailMessage message = new MailMessage("Hi", List.of("Fish & <chips>"), null);
        assertThat(message.text()).contains("Fish & <chips>").endsWith("PracticalCRM\n");
        assertThat(message.html()).contains("Fish &amp; &lt;chips&gt;").doesNotContain("<chips>");
    }
}
