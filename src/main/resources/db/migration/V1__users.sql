-- Accounts. Email is stored normalized (trimmed, lower case) and is unique regardless of case
-- through the case-insensitive collation of its unique key.
CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    full_name     VARCHAR(100) NOT NULL,
    email         VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    joined_at     DATETIME(6)  NOT NULL,
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uq_app_user_email UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failure counters for throttling (sign-in per account and per client address, later the code step
-- and reset requests). Kept in the database so that every app instance sees the same counts.
CREATE TABLE auth_throttle (
    scope           VARCHAR(32)  NOT NULL,
    subject         VARCHAR(254) NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_auth_throttle PRIMARY KEY (scope, subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Security events (sign-ins, failures and later 2FA, reset and email changes) that the user can review.
CREATE TABLE security_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    user_id        BIGINT       NOT NULL,
    event_type     VARCHAR(40)  NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    client_address VARCHAR(45)  NULL,
    user_agent     VARCHAR(255) NULL,
    CONSTRAINT pk_security_event PRIMARY KEY (id),
    CONSTRAINT fk_security_event_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_security_event_user_time ON security_event (user_id, occurred_at);
