-- The credential version of the account when the email change was requested. A confirmation link works only
-- while the account still has that version: a password reset (or anything else that raises the version and
-- ends the user's sessions) also closes a pending email change.
ALTER TABLE email_change ADD COLUMN credential_version INT NOT NULL DEFAULT 0;
