-- Raised whenever every session of the user must end (a password reset). Each session keeps the version it
-- signed in with, and a request filter on every app instance compares it with this column.
ALTER TABLE app_user ADD COLUMN credential_version INT NOT NULL DEFAULT 0;

-- At most one live password-reset link per user: a newer request replaces the row, so older links stop working.
-- Only the SHA-256 hash of the token is stored (hex); using a link deletes its row in one conditional statement.
CREATE TABLE password_reset_token (
    user_id    BIGINT      NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_password_reset_token PRIMARY KEY (user_id),
    CONSTRAINT uq_password_reset_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Signed-in sessions of every app instance, so that a user can see theirs and end the others everywhere.
-- session_key is a random id kept in the HTTP session (it survives the session id changes at sign-in).
CREATE TABLE user_session (
    session_key    CHAR(43)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id        BIGINT       NOT NULL,
    signed_in_at   DATETIME(6)  NOT NULL,
    last_seen_at   DATETIME(6)  NOT NULL,
    ended_at       DATETIME(6)  NULL,
    client_address VARCHAR(45)  NULL,
    user_agent     VARCHAR(255) NULL,
    CONSTRAINT pk_user_session PRIMARY KEY (session_key),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_user_session_user ON user_session (user_id, last_seen_at);

-- The purge of events older than 90 days looks them up by time.
CREATE INDEX ix_security_event_time ON security_event (occurred_at);
