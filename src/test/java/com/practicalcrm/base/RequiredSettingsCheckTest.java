package com.practicalcrm.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import com.practicalcrm.security.twofactor.SecretCipherKeySource;

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
    void configuredDatasourceAndKeyStartNormally() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db:3306/practicalcrm")
                .withProperty(SecretCipherKeySource.KEY_PROPERTY, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        check(false).postProcessEnvironment(environment, new SpringApplication());
        assertThat(printed).isEmpty();
        assertThat(exitCodes).isEmpty();
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
