package com.roseash.operator.desired;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.contract.GeneratedSecret;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/**
 * The secrets the operator makes for a platform, once: the session key, the OIDC provider's signing
 * key (a JWK Set with one RSA private key, what federation reads), an OAuth client secret per service,
 * and the managed database's password. The reconciler creates these Secrets and never updates them, so
 * a reconcile never rotates a key. No value here is ever logged.
 */
public final class GeneratedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedSecrets() {
    }

    public static String name(PlatformView platform) {
        return platform.child("secrets");
    }

    public static Secret platformSecret(PlatformView platform) {
        Map<String, String> values = new TreeMap<>();
        for (String key : GeneratedSecret.keys()) {
            // The signing key is a JWK set; the rest (session key, first administrator's password, OAuth
            // client secrets) are random tokens.
            values.put(key, key.equals(GeneratedSecret.SIGNING_KEY) ? rsaJwkSet() : randomToken());
        }
        return secret(platform, name(platform), "secrets", values);
    }

    public static Secret databaseSecret(PlatformView platform) {
        return secret(platform, ManagedPostgres.name(platform), ManagedPostgres.COMPONENT,
                ManagedPostgres.credentials(platform, randomToken()));
    }

    private static Secret secret(PlatformView platform, String name, String component, Map<String, String> values) {
        Map<String, String> data = new TreeMap<>();
        values.forEach((key, value) -> data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(platform.namespace())
                .withLabels(Labels.of(platform, component)).endMetadata()
                .withType("Opaque").withData(data).build();
    }

    /** 256 random bits, URL-safe. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A JWK Set (RFC 7517) holding one 2048-bit RSA private key for RS256, with a random key id. */
    static String rsaJwkSet() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            Map<String, String> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", "RS256");
            jwk.put("kid", randomToken().substring(0, 16));
            jwk.put("n", base64Url(key.getModulus()));
            jwk.put("e", base64Url(key.getPublicExponent()));
            jwk.put("d", base64Url(key.getPrivateExponent()));
            jwk.put("p", base64Url(key.getPrimeP()));
            jwk.put("q", base64Url(key.getPrimeQ()));
            jwk.put("dp", base64Url(key.getPrimeExponentP()));
            jwk.put("dq", base64Url(key.getPrimeExponentQ()));
            jwk.put("qi", base64Url(key.getCrtCoefficient()));
            return JSON.writeValueAsString(Map.of("keys", List.of(jwk)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** Unsigned big-endian bytes, as JWK wants them (no leading sign byte). */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
