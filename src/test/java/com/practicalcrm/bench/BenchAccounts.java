package com.practicalcrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.practicalcrm.deployment.DeploymentEnvironment;

/** Confirmed accounts written straight into the benchmark's database, all with {@link #PASSWORD}. */
final class BenchAccounts {

    static final String PASSWORD = "benchmark-kettle-harbor-71";

    private BenchAccounts() {
    }

    /** @return the new accounts' email addresses */
    static List<String> create(DeploymentEnvironment environment, String prefix, int count) {
        // The hash format of SecurityConfig (Argon2id 19 MiB, 2 iterations, under its encoder id); one hash for all,
        // as hashing is not what is measured.
        String hash = "{argon2id-19m-2i-1p}" + new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);
        List<String> emails = new ArrayList<>();
        try (Connection connection = environment.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO app_user"
                     + " (full_name, email, password_hash, joined_at, email_confirmed_at)"
                     + " VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
            for (int i = 0; i < count; i++) {
                String email = prefix + "-" + i + "@bench.example";
                insert.setString(1, "Bench User " + i);
                insert.setString(2, email);
                insert.setString(3, hash);
                insert.addBatch();
                emails.add(email);
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return emails;
    }
}
