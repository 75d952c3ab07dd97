package com.practicalcrm.passkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.account.UserProfile;

/**
 * Adding, listing, renaming, removing and checking passkeys on MariaDB, with a software authenticator that signs
 * what a browser would send, through Spring Security's relying party with our rules.
 */
@PracticalCrmTest
class PasskeyServiceIntegrationTest {

    private static final UUID GOOGLE_PASSWORD_MANAGER = UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
    private static final UUID UNLISTED = UUID.fromString("11111111-2222-4333-8444-555555555555");

    @Autowired
    PasskeyService passkeys;
    @Autowired
    PasskeySettings settings;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SecurityEventService events;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClockAndSignOut() {
        clock.reset();
        accounts.signOut();
    }

    @Test
    void addedPasskeyIsListedWithItsNameProviderAndWhetherItIsSynced() {
        UserProfile user = accounts.create("Ada Lovelace");
        SoftwareAuthenticator synced = authenticator(GOOGLE_PASSWORD_MANAGER);
        synced.synced = true;
        Passkey first = add(user, synced, "Phone");
        clock.advance(Duration.ofHours(1));
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Passkey second = add(user, authenticator(UNLISTED), "YubiKey");
        Instant after = clock.instant();

        assertThat(passkeys.list(user.id())).containsExactly(first, second);
        assertThat(first.name()).isEqualTo("Phone");
        assertThat(first.provider()).isEqualTo("Google Password Manager");
        assertThat(first.synced()).isTrue();
        assertThat(first.lastUsedAt()).isNull();
        assertThat(second.provider()).isEqualTo(PasskeyProviders.UNKNOWN_PROVIDER);
        assertThat(second.synced()).isFalse();
        // From the injected clock (an hour ahead), in DATETIME(6): microseconds
        assertThat(second.createdAt()).isBetween(before, after);
        assertThat(events.latest(user.id(), 2)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.PASSKEY_ADDED, SecurityEventType.PASSKEY_ADDED);
    }

    @Test
    void passkeyWithoutUserVerificationIsNotAdded() {
        UserProfile user = accounts.create("Alan Turing");
        SoftwareAuthenticator presenceOnly = authenticator(UNLISTED);
        presenceOnly.userVerified = false;
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        PasskeyCreation creation = passkeys.startCreation(user.id(), "Old key");

        assertThatThrownBy(() -> passkeys.finishCreation(user.id(), creation,
                presenceOnly.register(creation.browserOptions())))
                .isInstanceOf(PasskeyNotAddedException.class)
                .hasMessageContaining("fingerprint, face, PIN or screen lock");
        assertThat(passkeys.list(user.id())).isEmpty();
    }

    @Test
    void browserIsAskedForUserVerificationAndAResidentKeyButNeverGetsTheEmailAsUserHandle() {
        UserProfile user = accounts.create("Grace Hopper");
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        String options = passkeys.startCreation(user.id(), "Laptop").browserOptions();

        assertThat(options).contains("\"userVerification\":\"required\"", "\"residentKey\":\"preferred\"",
                "\"id\":\"localhost\"");
        BrowserPasskeySignals signals = passkeys.browserSignals(user.id());
        byte[] handle = Base64.getUrlDecoder().decode(signals.userHandle());
        assertThat(handle).hasSize(32);
        assertThat(new String(handle, StandardCharsets.ISO_8859_1)).doesNotContain(user.email().value());
        assertThat(signals.name()).isEqualTo(user.email().value());
        assertThat(signals.displayName()).isEqualTo("Grace Hopper");
        assertThat(passkeys.browserSignals(accounts.create("Grace Other").id()).userHandle())
                .isNotEqualTo(signals.userHandle());
    }

    @Test
    void checkAcceptsTheUsersPasskeyAndRecordsWhenItWasUsed() {
        UserProfile user = accounts.create("Katherine Johnson");
        SoftwareAuthenticator key = authenticator(UNLISTED);
        add(user, key, "Laptop");
        clock.advance(Duration.ofHours(2));
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);

        PasskeyCheck check = passkeys.startCheck(user.id());
        assertThat(check.browserOptions()).contains(key.credentialId(), "\"userVerification\":\"required\"");
        passkeys.check(user.id(), check, key.assertion(check.browserOptions()));

        // From the injected clock (two hours ahead)
        assertThat(passkeys.list(user.id())).singleElement().extracting(Passkey::lastUsedAt)
                .satisfies(lastUsed -> assertThat(lastUsed).isBetween(before, clock.instant()));
    }

    @Test
    void counterThatGoesBackwardsIsRefusedAndRecorded() {
        UserProfile user = accounts.create("Hedy Lamarr");
        SoftwareAuthenticator key = authenticator(UNLISTED);
        add(user, key, "Laptop");
        key.counter = 5;
        PasskeyCheck first = passkeys.startCheck(user.id());
        passkeys.check(user.id(), first, key.assertion(first.browserOptions()));

        PasskeyCheck copy = passkeys.startCheck(user.id());
        assertThatThrownBy(() -> passkeys.check(user.id(), copy, key.assertionWithCounter(copy.browserOptions(), 3)))
                .isInstanceOfSatisfying(PasskeyRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PasskeyRefusedException.Reason.COUNTER_WENT_BACKWARDS));
        PasskeyCheck same = passkeys.startCheck(user.id());
        assertThatThrownBy(() -> passkeys.check(user.id(), same, key.assertionWithCounter(same.browserOptions(), 6)))
                .as("the counter that was accepted is the one stored, not the one at registration")
                .isInstanceOf(PasskeyRefusedException.class);
        assertThat(events.latest(user.id(), 1)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.PASSKEY_COUNTER_WENT_BACKWARDS);
    }

    @Test
    void anotherAccountsPasskeyIsRefusedAtConfirmation() {
        UserProfile owner = accounts.create("Joan Clarke");
        SoftwareAuthenticator ownersKey = authenticator(UNLISTED);
        add(owner, ownersKey, "Joan's key");
        UserProfile other = accounts.create("Mavis Batey");
        add(other, authenticator(UNLISTED), "Mavis's key");

        PasskeyCheck check = passkeys.startCheck(other.id());
        assertThatThrownBy(() -> passkeys.check(other.id(), check, ownersKey.assertion(check.browserOptions())))
                .isInstanceOfSatisfying(PasskeyRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PasskeyRefusedException.Reason.OTHER_ACCOUNT));
    }

    @Test
    void removedPasskeyIsUnknownAndOnlyItsOwnerCanRemoveOrRenameIt() {
        UserProfile user = accounts.create("Mary Somerville");
        SoftwareAuthenticator key = authenticator(UNLISTED);
        Passkey passkey = add(user, key, "Laptop");
        UserProfile stranger = accounts.create("Eve Stranger");
        accounts.signIn(stranger, FactorGrantedAuthority.PASSWORD_AUTHORITY);

        assertThatThrownBy(() -> passkeys.remove(stranger.id(), passkey.id()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> passkeys.rename(stranger.id(), passkey.id(), "Mine now"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(passkeys.list(user.id())).extracting(Passkey::name).containsExactly("Laptop");

        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        passkeys.rename(user.id(), passkey.id(), "  Study laptop ");
        assertThat(passkeys.list(user.id())).extracting(Passkey::name).containsExactly("Study laptop");
        passkeys.remove(user.id(), passkey.id());
        assertThat(passkeys.list(user.id())).isEmpty();
        assertThat(events.latest(user.id(), 2)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.PASSKEY_REMOVED, SecurityEventType.PASSKEY_RENAMED);

        PasskeyCheck check = passkeys.startCheck(user.id());
        assertThatThrownBy(() -> passkeys.check(user.id(), check, key.assertion(check.browserOptions())))
                .isInstanceOfSatisfying(PasskeyRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PasskeyRefusedException.Reason.UNKNOWN);
                    assertThat(e.credentialId()).isEqualTo(key.credentialId());
                });
    }

    @Test
    void namesAreCheckedWithAReason() {
        UserProfile user = accounts.create("Emmy Noether");
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThatThrownBy(() -> passkeys.startCreation(user.id(), "   "))
                .isInstanceOf(PasskeyNameRejectedException.class).hasMessage(
                        "Give the passkey a name, for example the device it is on.");
        assertThatThrownBy(() -> passkeys.startCreation(user.id(), "x".repeat(65)))
                .isInstanceOf(PasskeyNameRejectedException.class).hasMessage(
                        "The name can be at most 64 characters long.");
        assertThatThrownBy(() -> passkeys.startCreation(user.id(), "Laptop\nEvil"))
                .isInstanceOf(PasskeyNameRejectedException.class).hasMessageContaining("line breaks");
        assertThat(PasskeyService.checkName(" \uD83D\uDD11 Key ")).isEqualTo("\uD83D\uDD11 Key");
    }

    /** Signed in just now, so "Confirm it's you" holds. */
    @Test
    void addingAndRemovingNeedARecentConfirmItsYou() {
        UserProfile user = accounts.create("Lynn Conway");
        Passkey passkey = add(user, authenticator(UNLISTED), "Laptop");
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> passkeys.startCreation(user.id(), "Another"))
                .isInstanceOf(ConfirmationRequiredException.class);
        assertThatThrownBy(() -> passkeys.remove(user.id(), passkey.id()))
                .isInstanceOf(ConfirmationRequiredException.class);
        assertThat(passkeys.list(user.id())).containsExactly(passkey);
    }

    private Passkey add(UserProfile user, SoftwareAuthenticator key, String name) {
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY);
        PasskeyCreation creation = passkeys.startCreation(user.id(), name);
        return passkeys.finishCreation(user.id(), creation, key.register(creation.browserOptions()));
    }

    private SoftwareAuthenticator authenticator(UUID aaguid) {
        return new SoftwareAuthenticator(settings.allowedOrigins().iterator().next(), aaguid);
    }
}
