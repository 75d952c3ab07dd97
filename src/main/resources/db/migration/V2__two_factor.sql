-- Two-factor authentication. A row exists only once the user has verified a code from their app: a setup in
-- progress lives in the server-side UI session, so a crash or an abandoned setup leaves 2FA off.
-- The secret is AES-256-GCM ciphertext ("v1:" + Base64, 67 characters for a 20-byte secret; room for a longer
-- format later). last_used_step is the RFC 6238 time step of the last accepted code: a conditional UPDATE on it
-- refuses replays even when several app instances check the same code at the same moment.
CREATE TABLE two_factor_credential (
    user_id          BIGINT       NOT NULL,
    encrypted_secret VARCHAR(128) NOT NULL,
    enabled_at       DATETIME(6)  NOT NULL,
    last_used_step   BIGINT       NULL,
    CONSTRAINT pk_two_factor_credential PRIMARY KEY (user_id),
    CONSTRAINT fk_two_factor_credential_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Recovery codes, only as salted PBKDF2 hashes. used_at is set by one conditional UPDATE (... AND used_at IS
-- NULL), so a code works once even under concurrent attempts. Codes belong to the credential: removing the
-- credential (disabling 2FA) can never leave codes behind.
CREATE TABLE recovery_code (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    code_hash  VARCHAR(255) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    used_at    DATETIME(6)  NULL,
    CONSTRAINT pk_recovery_code PRIMARY KEY (id),
    CONSTRAINT fk_recovery_code_credential FOREIGN KEY (user_id) REFERENCES two_factor_credential (user_id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_recovery_code_user ON recovery_code (user_id, used_at);
