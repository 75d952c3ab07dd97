package com.practicalcrm.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import com.practicalcrm.twofactor.SecretCipherKeySource;

class RequiredSettingsCheckTest {

    private final List<String> printed = new ArrayList<>();
    private final List<Integer> exitCodes = new ArrayList<>();

    @Test
    void productionJarWithoutDatasourceStopsWithOneLineSayingWhatToSet() {
        check(false).postProcessEnvironment(new MockEnvironment(), new SpringApplication());
        assertThat(printed).containsExactly(RequiredSettingsCheck.MESSAGE);
        assertThat(printed.getFirst()).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD").doesNotContain("\n");
        assertThat(exitCodes).containsExactly(2);
    }

    @Test
    void productionJarWithoutTwoFactorKeyStopsWithOneLineSayingWhatToSet() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db:3306/practicalcrm");
        check(false).postProcessEnvironment(environment, new SpringApplication());
        assertThat(printed).containsExactly(SecretCipherKeySource.MISSING_KEY_MESSAGE);
        assertThat(printed.getFirst()).contains("PRACTICALCRM_TWO_FACTOR_ENCRYPTION_KEY", "openssl rand -base64 32")
                .doesNotContain("\n");
        assertThat(exitCodes).containsExactly(2);
    }

    @Test
    void productionJarWithoutSmtpStopsWithOneLineSayingWhatToSet() {
        check(false).postProcessEnvironment(databaseAndKey(), new SpringApplication());
        assertThat(printed).containsExactly(RequiredSettingsCheck.MISSING_MAIL_MESSAGE);
        assertThat(printed.getFirst()).contains("SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "PRACTICALCRM_MAIL_LOG_ONLY=true")
                .doesNotContain("\n");
        assertThat(exitCodes).containsExactly(2);
    }

    @Test
    void productionJarWithoutSmtpStartsWhenMailGoesToTheLogOnPurpose() {
        MockEnvironment environment = databaseAndKey().withProperty("practicalcrm.mail.log-only", "true");
        check(false).postProcessEnvironment(environment, new SpringApplication());
        assertThat(printed).isEmpty();
        assertThat(exitCodes).isEmpty();
    }

    @Test
    void logOnlyFalseStillNeedsSmtp() {
        MockEnvironment environment = databaseAndKey().withProperty("practicalcrm.mail.log-only", "false");
        check(false).postProcessEnvironment(environment, new SpringApplication());
        assertThat(printed).containsExactly(RequiredSettingsCheck.MISSING_MAIL_MESSAGE);
        assertThat(exitCodes).containsExactly(2);
    }

    @Test
    void logOnlyThatIsNotABooleanStopsWithOneLine() {
        MockEnvironment environment = databaseAndKey().withProperty("practicalcrm.mail.log-only", "perhaps");
        check(false).postProcessEnvironment(environment, new SpringApplication());
        assertThat(printed).containsExactly(RequiredSettingsCheck.BAD_LOG_ONLY_MESSAGE);
        assertThat(printed.getFirst()).contains("PRACTICALCRM_MAIL_LOG_ONLY").doesNotContain("\n");
        assertThat(exitCodes).containsExactly(2);
    }

    @Test
    void configuredDatasourceKeyAndSmtpStartNormally() {
        MockEnvironment environment = databaseAndKey().withProperty("spring.mail.host", "smtp.example.com");
        check(false).postProcessEnvironment(environment, new SpringApplication());
        assertThat(printed).isEmpty();
        assertThat(exitCodes).isEmpty();
    }

    @Test
    void withoutSmtpTheEmbeddedSetupWritesMailToTheLog() {
        check(true).postProcessEnvironment(new MockEnvironment(), new SpringApplication());
        assertThat(printed).isEmpty();
        assertThat(exitCodes).isEmpty();
    }

    private static MockEnvironment databaseAndKey() {
        return new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db:3306/practicalcrm")
                .withProperty(SecretCipherKeySource.KEY_PROPERTY, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    @Test
    void withoutDatasourceTheEmbeddedDatabaseIsUsedWhereAvailable() {
        check(true).postProcessEnvironment(new MockEnvironment(), new SpringApplication());
        assertThat(exitCodes).isEmpty();
    }

    private RequiredSettingsCheck check(boolean embeddedAvailable) {
        return new RequiredSettingsCheck(printed::add, exitCodes::add, embeddedAvailable);
    }
}
