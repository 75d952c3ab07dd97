package com.practicalcrm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.embedded.EmbeddedMariaDb;

/** Accounts that existed before sign-up had to prove the address keep signing in: V5 marks them confirmed. */
@PracticalCrmTest
class AccountConfirmationMigrationTest {

    @Autowired
    EmbeddedMariaDb db;

    @Test
    void accountsCreatedBeforeTheRuleAreMigratedAsConfirmedAndNewOnesStartUnconfirmed() throws Exception {
        // A database of its own in the test server, upgraded the way Flyway upgrades a deployment.
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = "jdbc:mariadb://127.0.0.1:" + db.port() + "/";
        try (Connection admin = DriverManager.getConnection(server, db.username(), "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            try {
                migrate(server + name, "4");
                LocalDateTime joined = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
                statement.execute("INSERT INTO " + name + ".app_user (full_name, email, password_hash, joined_at) "
                        + "VALUES ('Old Account', 'old@test.example', 'x', '" + joined + "')");

                migrate(server + name, "latest");

                try (ResultSet row = statement.executeQuery(
                        "SELECT email_confirmed_at FROM " + name + ".app_user WHERE email = 'old@test.example'")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getObject(1, LocalDateTime.class)).isEqualTo(joined);
                }
                statement.execute("INSERT INTO " + name + ".app_user (full_name, email, password_hash, joined_at) "
                        + "VALUES ('New Account', 'new@test.example', 'x', NOW())");
                try (ResultSet row = statement.executeQuery(
                        "SELECT email_confirmed_at FROM " + name + ".app_user WHERE email = 'new@test.example'")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getObject(1)).isNull();
                }
            } finally {
                statement.execute("DROP DATABASE " + name);
            }
        }
    }

    private void migrate(String url, String target) {
        Flyway.configure().dataSource(url, db.username(), "").locations("classpath:db/migration").target(target)
                .load().migrate();
    }
}
