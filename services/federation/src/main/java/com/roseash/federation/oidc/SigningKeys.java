package com.roseash.federation.oidc;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The provider's RSA signing keys. The first key of the set signs; every key is published in the JWKS,
 * so after a rotation (a new key put first) tokens signed by the previous key still verify until they
 * expire and the old key is dropped.
 */
public final class SigningKeys {

    private final List<RSAKey> keys;

    private SigningKeys(List<RSAKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("rose-ash.signing-key holds no RSA key");
        }
        this.keys = List.copyOf(keys);
    }

    /** From the JWK set JSON the operator generates, or a fresh key when none is configured. */
    public static SigningKeys from(Optional<String> jwkSetJson) {
        if (jwkSetJson.isEmpty()) {
            return new SigningKeys(List.of(generate()));
        }
        try {
            List<RSAKey> keys = JWKSet.parse(jwkSetJson.get()).getKeys().stream()
                    .filter(key -> key instanceof RSAKey && key.isPrivate())
                    .map(JWK::toRSAKey)
                    .toList();
            return new SigningKeys(keys);
        } catch (ParseException e) {
            throw new IllegalArgumentException("rose-ash.signing-key is not a JWK set: " + e.getMessage());
        }
    }

    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).issueTime(new Date()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public halves, for {@code /oauth/jwks}. */
    public JWKSet publicSet() {
        return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    public String sign(JWTClaimsSet claims) {
        RSAKey signer = keys.getFirst();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signer));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The claims of a token we signed, from our issuer, that has not expired; empty for anything else. */
    public Optional<JWTClaimsSet> verify(String token, String issuer) {
        return signedByUs(token).filter(claims -> issuer.equals(claims.getIssuer()) && claims.getExpirationTime() != null
                && claims.getExpirationTime().toInstant().isAfter(Instant.now()));
    }

    /** The claims of a token one of our keys signed, expired or not (an ID token hint at logout). */
    public Optional<JWTClaimsSet> signedByUs(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            Optional<RSAKey> key = keys.stream().filter(k -> k.getKeyID().equals(jwt.getHeader().getKeyID())).findFirst();
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get().toRSAPublicKey()))) {
                return Optional.empty();
            }
            return Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
