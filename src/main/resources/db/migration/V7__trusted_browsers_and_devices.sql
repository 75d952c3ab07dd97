-- Browsers where the user ticked "Remember this browser for 30 days" at the code step: on them the code step is
-- skipped (the password is still asked) until expires_at. Only the SHA-256 of the random cookie value is stored.
CREATE TABLE trusted_browser (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    user_id        BIGINT       NOT NULL,
    token_hash     BINARY(32)   NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    last_used_at   DATETIME(6)  NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    client_address VARCHAR(45)  NULL,
    user_agent     VARCHAR(255) NULL,
    CONSTRAINT pk_trusted_browser PRIMARY KEY (id),
    CONSTRAINT uq_trusted_browser_token UNIQUE (token_hash),
    CONSTRAINT fk_trusted_browser_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_trusted_browser_user ON trusted_browser (user_id, expires_at);

-- Browsers an account has signed in from: the SHA-256 of a long-lived random device cookie and the browser
-- (family and system, without version, so that an update is not a new device). A sign-in from a browser not
-- listed here mails the "New sign-in" alert.
CREATE TABLE known_device (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    device_hash   BINARY(32)   NOT NULL,
    browser       VARCHAR(100) NOT NULL,
    first_seen_at DATETIME(6)  NOT NULL,
    last_seen_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_known_device PRIMARY KEY (id),
    CONSTRAINT uq_known_device UNIQUE (user_id, device_hash, browser),
    CONSTRAINT fk_known_device_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The "This wasn't me" link of a new-sign-in alert: single use (used_at), valid 7 days, only its SHA-256 stored.
-- It names the device that signed in, which is forgotten when the link is used.
CREATE TABLE sign_in_alert (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    user_id        BIGINT       NOT NULL,
    token_hash     BINARY(32)   NOT NULL,
    device_id      BIGINT       NULL,
    signed_in_at   DATETIME(6)  NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    used_at        DATETIME(6)  NULL,
    client_address VARCHAR(45)  NULL,
    user_agent     VARCHAR(255) NULL,
    CONSTRAINT pk_sign_in_alert PRIMARY KEY (id),
    CONSTRAINT uq_sign_in_alert_token UNIQUE (token_hash),
    CONSTRAINT fk_sign_in_alert_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_sign_in_alert_expiry ON sign_in_alert (expires_at);
