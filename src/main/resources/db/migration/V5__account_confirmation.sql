-- Sign-up proves the address: an account can sign in only once email_confirmed_at is set (by the link mailed at
-- sign-up, or by a password reset, whose link proves the address too). Accounts created before this rule are
-- taken as confirmed. Unconfirmed accounts are deleted after 7 days.
ALTER TABLE app_user ADD COLUMN email_confirmed_at DATETIME(6) NULL;

UPDATE app_user SET email_confirmed_at = joined_at;

-- The purge looks up unconfirmed accounts by their age.
CREATE INDEX ix_app_user_unconfirmed ON app_user (email_confirmed_at, joined_at);

-- The confirmation link of a new account. One row per account: a link sent again replaces the older one, which
-- then stops working. Only the SHA-256 of the link's token is stored. A used link keeps its row (used_at set)
-- until it expires, so a second click can be told apart from an unknown link.
CREATE TABLE account_confirmation (
    user_id    BIGINT      NOT NULL,
    token_hash BINARY(32)  NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT pk_account_confirmation PRIMARY KEY (user_id),
    CONSTRAINT uq_account_confirmation_token UNIQUE (token_hash),
    CONSTRAINT fk_account_confirmation_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_account_confirmation_expiry ON account_confirmation (expires_at);
