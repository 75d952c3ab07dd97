-- Profile pictures, already processed (square, re-encoded, no metadata), one row per user in every size.
-- Kept in the database so that every app instance serves the same picture. A new picture replaces the row in
-- one statement; "version" is a new random number each time, so the picture's URL changes with the picture.
CREATE TABLE avatar (
    user_id      BIGINT      NOT NULL,
    version      BIGINT      NOT NULL,
    content_type VARCHAR(20) NOT NULL,
    large_image  MEDIUMBLOB  NOT NULL,
    small_image  MEDIUMBLOB  NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    CONSTRAINT pk_avatar PRIMARY KEY (user_id),
    CONSTRAINT fk_avatar_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The pending change of a user's email address, confirmed by a link sent to the new address. One row per
-- user: a newer request replaces the older one, whose link then stops working. Only the SHA-256 of the link's
-- token is stored. A confirmed change keeps its row (used_at set) so a second click can be told apart.
CREATE TABLE email_change (
    user_id      BIGINT       NOT NULL,
    new_email    VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    token_hash   BINARY(32)   NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    used_at      DATETIME(6)  NULL,
    CONSTRAINT pk_email_change PRIMARY KEY (user_id),
    CONSTRAINT uq_email_change_token UNIQUE (token_hash),
    CONSTRAINT fk_email_change_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
