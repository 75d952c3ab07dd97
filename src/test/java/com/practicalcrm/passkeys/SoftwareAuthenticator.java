package com.practicalcrm.passkeys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in software for service tests: an ES256 key, "none" attestation, a signature counter the
 * test controls, and the user-verification and backup flags it chooses. It answers the options the server made
 * with the JSON the browser script would send.
 */
final class SoftwareAuthenticator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectConverter CBOR = new ObjectConverter();
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte BE = 0x08;
    private static final byte BS = 0x10;
    private static final byte AT = 0x40;

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private final UUID aaguid;
    private final String origin;
    private byte[] userHandle;
    long counter;
    boolean userVerified = true;
    boolean synced;

    SoftwareAuthenticator(String origin, UUID aaguid) {
        this.origin = origin;
        this.aaguid = aaguid;
        new SecureRandom().nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String credentialId() {
        return base64url(credentialId);
    }

    /** The answer to {@code navigator.credentials.create} for the server's options. */
    String register(String optionsJson) {
        JsonNode options = JSON.readTree(optionsJson);
        userHandle = Base64.getUrlDecoder().decode(options.get("user").get("id").asString());
        byte[] clientData = clientData("webauthn.create", options.get("challenge").asString());
        byte[] coseKey = CBOR.getCborConverter().writeValueAsBytes(
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(options.get("rp").get("id").asString().getBytes(StandardCharsets.UTF_8)));
        authData.write(flags() | AT);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        ByteBuffer uuid = ByteBuffer.allocate(16).putLong(aaguid.getMostSignificantBits())
                .putLong(aaguid.getLeastSignificantBits());
        authData.writeBytes(uuid.array());
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey);
        Map<String, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData.toByteArray());
        byte[] attestationObject = CBOR.getCborConverter().writeValueAsBytes(attestation);
        return JSON.writeValueAsString(Map.of(
                "id", credentialId(),
                "rawId", credentialId(),
                "type", "public-key",
                "response", Map.of(
                        "attestationObject", base64url(attestationObject),
                        "clientDataJSON", base64url(clientData),
                        "transports", new String[] {"internal"}),
                "clientExtensionResults", Map.of(),
                "authenticatorAttachment", "platform"));
    }

    /** The answer to {@code navigator.credentials.get}, signed with the next counter value. */
    String assertion(String optionsJson) {
        counter++;
        return assertionWithCounter(optionsJson, counter);
    }

    /** The same, with a chosen counter (a copy of the key that lags behind). */
    String assertionWithCounter(String optionsJson, long signCount) {
        JsonNode options = JSON.readTree(optionsJson);
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asString());
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(options.get("rpId").asString().getBytes(StandardCharsets.UTF_8)));
        authData.write(flags());
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) signCount).array());
        byte[] authenticatorData = authData.toByteArray();
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return JSON.writeValueAsString(Map.of(
                "id", credentialId(),
                "rawId", credentialId(),
                "type", "public-key",
                "response", Map.of(
                        "authenticatorData", base64url(authenticatorData),
                        "clientDataJSON", base64url(clientData),
                        "signature", base64url(signature),
                        "userHandle", base64url(userHandle)),
                "clientExtensionResults", Map.of(),
                "authenticatorAttachment", "platform"));
    }

    private int flags() {
        return UP | (userVerified ? UV : 0) | (synced ? BE | BS : 0);
    }

    private byte[] clientData(String type, String challenge) {
        return JSON.writeValueAsBytes(Map.of("type", type, "challenge", challenge, "origin", origin,
                "crossOrigin", false));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
