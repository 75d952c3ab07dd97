package com.practicalcrm.passwordreset;

import com.practicalcrm.common.EmailAddress;

/** Whose password a valid link resets: shown on the reset page and used as words the new password must avoid. */
public record ResetAccount(String fullName, EmailAddress email) {
}
