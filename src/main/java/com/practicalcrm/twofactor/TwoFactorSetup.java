package com.practicalcrm.twofactor;

import java.util.List;

import com.practicalcrm.common.UserId;

/**
 * A 2FA setup in progress: a fresh secret and recovery codes that exist only in server memory (the setup dialog
 * holds this object) until the user proves with a code that their app has the secret. Dropping the object is
 * all it takes to discard a setup; nothing of it is in the database before {@link TwoFactorService#enable}.
 */
public final class TwoFactorSetup {

    private final UserId owner;
    private final TotpSecret secret;
    private final List<RecoveryCode> recoveryCodes;
    private final String otpAuthUri;

    TwoFactorSetup(UserId owner, TotpSecret secret, List<RecoveryCode> recoveryCodes, String otpAuthUri) {
        this.owner = owner;
        this.secret = secret;
        this.recoveryCodes = List.copyOf(recoveryCodes);
        this.otpAuthUri = otpAuthUri;
    }

    UserId owner() {
        return owner;
    }

    TotpSecret secret() {
        return secret;
    }

    List<RecoveryCode> codes() {
        return recoveryCodes;
    }

    /** The secret as the user types it into an app: Base32 in groups of four. */
    public String secretKey() {
        return secret.grouped();
    }

    /** For the QR code and the same-device link only; it contains the secret. */
    public String otpAuthUri() {
        return otpAuthUri;
    }

    public byte[] qrCodePng() {
        return QrCodeImage.png(otpAuthUri);
    }

    /** The codes as shown to the user, e.g. {@code k7fp-2xq9-mc4t}. */
    public List<String> recoveryCodes() {
        return recoveryCodes.stream().map(RecoveryCode::formatted).toList();
    }

    @Override
    public String toString() {
        return "TwoFactorSetup[owner=" + owner + "]";
    }
}
