-- Passkeys (WebAuthn). Stored behind Spring Security's PublicKeyCredentialUserEntityRepository and
-- UserCredentialRepository (com.practicalcrm.passkeys.repository), not in Spring's JDBC tables: their varchar(1000)
-- utf8mb4 keys exceed MariaDB's 3,072-byte index limit. Ids here are Base64url text in ASCII columns (1 byte a
-- character), so the keys fit on MariaDB 10.11 and 11.4.

-- The WebAuthn user handle of an account: 32 random bytes (Base64url, 43 characters), never the email, created
-- when the account registers its first passkey. The name and display name sent to the browser are read from
-- app_user, so an email change needs no update here.
CREATE TABLE passkey_user (
    user_id     BIGINT      NOT NULL,
    user_handle VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CONSTRAINT pk_passkey_user PRIMARY KEY (user_id),
    CONSTRAINT uq_passkey_user_handle UNIQUE (user_handle),
    CONSTRAINT fk_passkey_user_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per passkey. credential_id: Base64url of the authenticator's credential id (at most 1,023 bytes, so at
-- most 1,364 characters). signature_count: the last counter the authenticator reported (0 = it keeps none);
-- backup_eligible / backup_state: the BE / BS flags (a synced passkey); aaguid: the authenticator model, for the
-- provider name; transports: comma-separated hints for the browser; label: the name the user gave it.
CREATE TABLE passkey_credential (
    credential_id                VARCHAR(1364) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id                      BIGINT        NOT NULL,
    credential_type              VARCHAR(32)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    public_key                   BLOB          NOT NULL,
    signature_count              BIGINT        NOT NULL,
    uv_initialized               BOOLEAN       NOT NULL,
    backup_eligible              BOOLEAN       NOT NULL,
    backup_state                 BOOLEAN       NOT NULL,
    transports                   VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    aaguid                       CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin NULL,
    label                        VARCHAR(64)   NOT NULL,
    attestation_object           BLOB          NULL,
    attestation_client_data_json BLOB          NULL,
    created_at                   DATETIME(6)   NOT NULL,
    last_used_at                 DATETIME(6)   NULL,
    CONSTRAINT pk_passkey_credential PRIMARY KEY (credential_id),
    CONSTRAINT fk_passkey_credential_user FOREIGN KEY (user_id) REFERENCES passkey_user (user_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_passkey_credential_user ON passkey_credential (user_id, created_at);
