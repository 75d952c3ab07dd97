package com.practicalcrm.notification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.practicalcrm.security.events.SecurityEventType;

/**
 * Which security events are mailed to the user, and with what words. Sign-ins and failures are not mailed
 * (they are in the activity list); changes to how the account is protected are.
 */
final class SecurityNotices {

    private static final String RESET_AT_ONCE = "reset your password at once with Reset Password on the sign-in "
            + "page";

    private static final Map<SecurityEventType, SecurityNotice> NOTICES = new EnumMap<>(Map.of(
            SecurityEventType.PASSWORD_RESET, new SecurityNotice(
                    "Your PracticalCRM password was reset",
                    "The password of your PracticalCRM account was reset with a link sent to this address. "
                            + "Every session that was signed in has been signed out.",
                    "If this was not you, someone can read your mail: secure your email account first, then "
                            + RESET_AT_ONCE + "."),
            SecurityEventType.TWO_FACTOR_ENABLED, new SecurityNotice(
                    "Two-factor authentication was enabled",
                    "Two-Factor Authentication (2FA) was enabled for your PracticalCRM account. Signing in now "
                            + "asks for a code from an authenticator app.",
                    "If this was not you, someone knows your password: " + RESET_AT_ONCE
                            + ", then disable 2FA and set it up again on your profile page."),
            SecurityEventType.TWO_FACTOR_DISABLED, new SecurityNotice(
                    "Two-factor authentication was disabled",
                    "Two-Factor Authentication (2FA) was disabled for your PracticalCRM account. Signing in no "
                            + "longer asks for a code, and your recovery codes no longer work.",
                    "If this was not you, " + RESET_AT_ONCE + " and enable 2FA again on your profile page."),
            SecurityEventType.RECOVERY_CODES_REGENERATED, new SecurityNotice(
                    "New recovery codes were created",
                    "New recovery codes were created for your PracticalCRM account. The previous codes no longer "
                            + "work.",
                    "If this was not you, " + RESET_AT_ONCE + ", then create new recovery codes on your profile "
                            + "page."),
            SecurityEventType.RECOVERY_CODE_USED, new SecurityNotice(
                    "A recovery code was used to sign in",
                    "A recovery code was used instead of an authenticator code to sign in to your PracticalCRM "
                            + "account. That code cannot be used again.",
                    "If this was not you, someone has your password and one of your recovery codes: "
                            + RESET_AT_ONCE + ", then create new recovery codes on your profile page."),
            SecurityEventType.PASSKEY_ADDED, new SecurityNotice(
                    "A passkey was added to your PracticalCRM account",
                    "A passkey was added to your PracticalCRM account. It can now be used to sign in without a "
                            + "password.",
                    "If this was not you, remove that passkey on your profile page at once, then "
                            + RESET_AT_ONCE + "."),
            SecurityEventType.PASSKEY_REMOVED, new SecurityNotice(
                    "A passkey was removed from your PracticalCRM account",
                    "A passkey was removed from your PracticalCRM account. It can no longer be used to sign in.",
                    "If this was not you, someone was signed in to your account: " + RESET_AT_ONCE
                            + " and review your passkeys and sessions on your profile page."),
            SecurityEventType.PASSKEY_COUNTER_WENT_BACKWARDS, new SecurityNotice(
                    "A passkey of your PracticalCRM account was refused",
                    "A sign-in with one of your passkeys was refused because the passkey reported an older "
                            + "signature counter than before. That happens when a passkey has been copied.",
                    "If you did not just sign in with a passkey, remove that passkey on your profile page and "
                            + RESET_AT_ONCE + "."),
            SecurityEventType.EMAIL_CHANGED, new SecurityNotice(
                    "The email address of your PracticalCRM account was changed",
                    "The email address of your PracticalCRM account was changed from this address to another "
                            + "one. Mail about your account now goes to the new address.",
                    "If this was not you, your account may have been taken over: contact your PracticalCRM "
                            + "administrator at once and keep this mail.")));

    private SecurityNotices() {
    }

    static Optional<SecurityNotice> of(SecurityEventType type) {
        return Optional.ofNullable(NOTICES.get(type));
    }
}
