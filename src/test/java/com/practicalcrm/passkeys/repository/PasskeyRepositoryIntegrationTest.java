package com.practicalcrm.passkeys.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;

/** The jOOQ repositories behind Spring Security's WebAuthn interfaces, on MariaDB. */
@PracticalCrmTest
class PasskeyRepositoryIntegrationTest {

    @Autowired
    PasskeyUserRepository users;
    @Autowired
    PasskeyCredentialRepository credentials;
    @Autowired
    TestAccounts accounts;

    @Test
    void userEntityIsFoundByHandleAndByEmailInAnyCase() {
        UserProfile account = accounts.create("Ida Rhodes");
        Bytes handle = Bytes.random();
        users.save(ImmutablePublicKeyCredentialUserEntity.builder().id(handle)
                .name(account.email().value()).displayName("ignored").build());

        PublicKeyCredentialUserEntity byEmail = users.findByUsername(account.email().value().toUpperCase());
        assertThat(byEmail.getId()).isEqualTo(handle);
        assertThat(byEmail.getName()).isEqualTo(account.email().value());
        assertThat(byEmail.getDisplayName()).as("read from the account").isEqualTo("Ida Rhodes");
        assertThat(users.findById(handle).getName()).isEqualTo(account.email().value());
        assertThat(users.findUserId(handle)).contains(account.id());
        assertThat(users.findOrCreate(account.id()).getId()).as("one handle per account").isEqualTo(handle);
        assertThat(users.findByUsername("not an address")).isNull();
        assertThat(users.findById(Bytes.random())).isNull();
    }

    @Test
    void credentialWithTheLongestIdIsStoredAndReadBackWhole() {
        UserProfile account = accounts.create("Dorothy Vaughan");
        PublicKeyCredentialUserEntity user = users.findOrCreate(account.id());
        byte[] id = new byte[1023];
        new SecureRandom().nextBytes(id);
        CredentialRecord record = record(new Bytes(id), user.getId(), "Security key on my keyring");

        credentials.save(record);

        CredentialRecord stored = credentials.findByCredentialId(new Bytes(id));
        assertThat(stored.getCredentialId().toBase64UrlString()).hasSize(1364);
        assertThat(stored.getCredentialId()).isEqualTo(new Bytes(id));
        assertThat(stored.getUserEntityUserId()).isEqualTo(user.getId());
        assertThat(stored.getPublicKey().getBytes()).isEqualTo(record.getPublicKey().getBytes());
        assertThat(stored.getSignatureCount()).isEqualTo(7);
        assertThat(stored.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.USB,
                AuthenticatorTransport.NFC);
        assertThat(stored.isBackupEligible()).isTrue();
        assertThat(stored.isBackupState()).isFalse();
        assertThat(stored.getLabel()).isEqualTo("Security key on my keyring");
        assertThat(credentials.findByUserId(user.getId())).hasSize(1);
        assertThat(credentials.list(account.id())).singleElement()
                .satisfies(row -> assertThat(row.aaguid()).isNull());
    }

    @Test
    void useIsRecordedOnlyAgainstTheCounterThatWasReadAndOnlyOwnersRemove() {
        UserProfile account = accounts.create("Mary Jackson");
        PublicKeyCredentialUserEntity user = users.findOrCreate(account.id());
        Bytes id = Bytes.random();
        credentials.save(record(id, user.getId(), "Phone"));
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        assertThat(credentials.recordUse(id.toBase64UrlString(), 6, 8, true, now)).isFalse();
        assertThat(credentials.recordUse(id.toBase64UrlString(), 7, 8, true, now)).isTrue();
        assertThat(credentials.recordUse(id.toBase64UrlString(), 7, 9, true, now)).as("already moved on").isFalse();
        CredentialRecord used = credentials.findByCredentialId(id);
        assertThat(used.getSignatureCount()).isEqualTo(8);
        assertThat(used.isBackupState()).isTrue();
        assertThat(used.getLastUsed()).isEqualTo(now);

        UserProfile stranger = accounts.create("Eve Stranger");
        assertThat(credentials.delete(stranger.id(), id.toBase64UrlString())).isFalse();
        assertThat(credentials.rename(stranger.id(), id.toBase64UrlString(), "Mine")).isFalse();
        assertThat(credentials.delete(account.id(), id.toBase64UrlString())).isTrue();
        assertThat(credentials.findByCredentialId(id)).isNull();
    }

    private static CredentialRecord record(Bytes id, Bytes userHandle, String label) {
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(id)
                .userEntityUserId(userHandle)
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3, 4}))
                .signatureCount(7)
                .uvInitialized(true)
                .transports(Set.of(AuthenticatorTransport.USB, AuthenticatorTransport.NFC))
                .backupEligible(true)
                .backupState(false)
                .label(label)
                .build();
    }
}
