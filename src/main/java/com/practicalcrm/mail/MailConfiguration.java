package com.practicalcrm.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** SMTP when Spring Boot configured a mail sender ({@code spring.mail.host} set), otherwise the log. */
    @Bean
    MailSender mailSender(ObjectProvider<JavaMailSender> smtp,
                          @Value("${practicalcrm.mail.from:PracticalCRM <no-reply@practicalcrm.example>}") String from) {
        JavaMailSender javaMail = smtp.getIfAvailable();
        return javaMail != null ? new SmtpMailSender(javaMail, from) : new LogMailSender();
    }

    /** Two threads: mail volume is tiny, and a slow SMTP server must not pile up threads. */
    @Bean(destroyMethod = "close")
    ExecutorService mailExecutor() {
        return Executors.newFixedThreadPool(2, Thread.ofPlatform().name("mail-", 0).daemon(true).factory());
    }
}
