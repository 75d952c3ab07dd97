package com.practicalcrm.twofactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * The {@link SecretCipherKey} of the embedded (development) setup, kept in a file so that secrets encrypted
 * yesterday still decrypt after a restart, while nobody has to configure a key to try the application.
 * Production configures the key instead; a file next to the data it protects is only a convenience.
 */
final class KeyFile {

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_PERMISSIONS = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private KeyFile() {
    }

    /**
     * Reads the key from the file, first creating the file with a new random key if there is none.
     *
     * @throws IllegalStateException if the file is accessible to other users or does not hold a valid key
     */
    public static SecretCipherKey loadOrCreate(Path file, SecureRandom random) {
        try {
            if (Files.notExists(file)) {
                createIfStillAbsent(file, random);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    private static void createIfStillAbsent(Path file, SecureRandom random) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        byte[] content = (SecretCipherKey.generate(random).base64() + "\n").getBytes(StandardCharsets.US_ASCII);
        // CREATE_NEW with the permissions as a creation attribute: the file never exists with wider permissions,
        // and if another process created it meanwhile, its key wins and is read below.
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE))) {
            channel.write(ByteBuffer.wrap(content));
            channel.force(true);
        } catch (FileAlreadyExistsException createdByAnotherProcess) {
            // read below
        }
    }

    private static SecretCipherKey read(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_PERMISSIONS.containsAll(permissions)) {
            throw new IllegalStateException("The key file " + file + " is accessible to other users ("
                    + PosixFilePermissions.toString(permissions) + "); restrict it with: chmod 600 " + file);
        }
        try {
            return SecretCipherKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException invalidKey) {
            throw new IllegalStateException("The key file " + file + " does not hold a valid key: "
                    + invalidKey.getMessage());
        }
    }
}
