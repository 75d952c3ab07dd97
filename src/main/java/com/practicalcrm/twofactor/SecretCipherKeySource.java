package com.practicalcrm.twofactor;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that encrypts TOTP secrets comes from: the configured property when set (always so in
 * production, where the jar refuses to start without it); on the embedded development database a key file
 * created with owner-only permissions; and for a throwaway embedded database (tests) a key that lives as long as
 * that database.
 */
public final class SecretCipherKeySource {

    public static final String KEY_PROPERTY = "practicalcrm.two-factor.encryption-key";
    public static final String KEY_FILE_PROPERTY = "practicalcrm.two-factor.key-file";
    public static final String MISSING_KEY_MESSAGE = "PracticalCRM cannot start: no encryption key for two-factor"
            + " secrets is configured. Set PRACTICALCRM_TWO_FACTOR_ENCRYPTION_KEY to 32 random bytes in Base64"
            + " (create one with: openssl rand -base64 32) and keep it with your database backups.";

    private static final Logger log = LoggerFactory.getLogger(SecretCipherKeySource.class);

    private SecretCipherKeySource() {
    }

    /**
     * @param configuredKey     the property's value, blank if unset
     * @param embeddedDatabase  whether the app runs on its embedded development database
     * @param temporaryDatabase whether that database is deleted at shutdown (no data directory)
     * @param keyFile           where the development key is kept
     * @throws IllegalStateException when no key is configured outside the embedded setup
     */
    public static SecretCipherKey resolve(String configuredKey, boolean embeddedDatabase, boolean temporaryDatabase,
                                          Path keyFile, SecureRandom random) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return SecretCipherKey.fromBase64(configuredKey);
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException(MISSING_KEY_MESSAGE);
        }
        if (temporaryDatabase) {
            return SecretCipherKey.generate(random);
        }
        log.info("Two-factor secrets of the embedded database are encrypted with the key in {}", keyFile.toAbsolutePath());
        return KeyFile.loadOrCreate(keyFile, random);
    }
}
