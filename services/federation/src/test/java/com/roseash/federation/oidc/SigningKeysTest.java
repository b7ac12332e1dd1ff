package com.roseash.federation.oidc;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    private static final String ISSUER = "https://federation.coop.example";

    @Test
    void afterARotationThePreviousKeyStaysPublishedAndItsTokensStillVerify() throws ParseException {
        RSAKey previous = SigningKeys.generate();
        RSAKey current = SigningKeys.generate();
        String oldToken = SigningKeys.from(Optional.of(new JWKSet(previous).toString(false)))
                .sign(claims(Instant.now().plusSeconds(600)));

        SigningKeys rotated = SigningKeys.from(Optional.of(new JWKSet(List.of(current, previous)).toString(false)));

        assertThat(rotated.publicSet().getKeys()).extracting(k -> k.getKeyID())
                .containsExactly(current.getKeyID(), previous.getKeyID());
        assertThat(rotated.publicSet().getKeys()).noneMatch(k -> k.isPrivate());
        assertThat(rotated.verify(oldToken, ISSUER)).isPresent();
        String newToken = rotated.sign(claims(Instant.now().plusSeconds(600)));
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).as("new tokens are signed with the current key")
                .isEqualTo(current.getKeyID());
        assertThat(rotated.verify(newToken, ISSUER)).isPresent();
    }

    @Test
    void tamperedExpiredForeignAndWrongIssuerTokensAreRefused() {
        SigningKeys keys = SigningKeys.from(Optional.empty());
        String token = keys.sign(claims(Instant.now().plusSeconds(600)));
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertThat(keys.verify(token, ISSUER)).isPresent();
        assertThat(keys.verify(tampered, ISSUER)).isEmpty();
        assertThat(keys.verify(keys.sign(claims(Instant.now().minusSeconds(5))), ISSUER)).as("expired").isEmpty();
        assertThat(SigningKeys.from(Optional.empty()).verify(token, ISSUER)).as("another provider's key").isEmpty();
        assertThat(keys.verify(token, "https://other.example")).isEmpty();
        assertThat(keys.verify("not.a.jwt", ISSUER)).isEmpty();
    }

    @Test
    void aConfiguredKeySetWithoutPrivateKeysIsRefusedClearly() {
        String publicOnly = new JWKSet(SigningKeys.generate().toPublicJWK()).toString();

        assertThatThrownBy(() -> SigningKeys.from(Optional.of(publicOnly))).hasMessageContaining("rose-ash.signing-key");
        assertThatThrownBy(() -> SigningKeys.from(Optional.of("{nope"))).hasMessageContaining("not a JWK set");
    }

    private static JWTClaimsSet claims(Instant expiry) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("1").audience("blog")
                .issueTime(new Date()).expirationTime(Date.from(expiry)).build();
    }
}
