package com.roseash.operator.desired;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated keys are what the services read, and each platform gets its own. */
class GeneratedSecretsTest {

    private static final PlatformView PLATFORM = PlatformView.of(Serialization.unmarshal("""
            apiVersion: rose-ash.com/v1alpha1
            kind: RoseAshPlatform
            metadata: {name: coop, namespace: shop}
            spec:
              domain: coop.example
              database: {managed: {}}
              redis: {managed: {}}
            """, RoseAshPlatform.class));

    @Test
    void theSigningKeyIsAnRsaJwkSetTheFederationServiceCanSignWith() throws Exception {
        Map<String, String> values = decoded(GeneratedSecrets.platformSecret(PLATFORM));

        JWKSet set = JWKSet.parse(values.get("signing-key"));
        assertThat(set.getKeys()).hasSize(1);
        RSAKey key = (RSAKey) set.getKeys().getFirst();
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.size()).isEqualTo(2048);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new Payload("hello"));
        jws.sign(new RSASSASigner(key));
        assertThat(JWSObject.parse(jws.serialize()).verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
    }

    @Test
    void everyServiceHasAClientSecretAndNoTwoPlatformsShareAKey() {
        Map<String, String> first = decoded(GeneratedSecrets.platformSecret(PLATFORM));
        Map<String, String> second = decoded(GeneratedSecrets.platformSecret(PLATFORM));

        assertThat(first.keySet()).containsExactlyInAnyOrder("session-secret", "signing-key", "admin-password",
                "client-secret-blog", "client-secret-market", "client-secret-cart", "client-secret-events",
                "client-secret-federation", "client-secret-account");
        assertThat(first.get("admin-password")).hasSize(43);
        assertThat(first.get("session-secret")).hasSize(43);
        assertThat(first.values()).doesNotContainAnyElementsOf(second.values());
        assertThat(first.values().stream().distinct().count()).isEqualTo(first.size());
    }

    @Test
    void theDatabaseSecretHasTheKeysAnExternalOneHas() {
        Map<String, String> values = decoded(GeneratedSecrets.databaseSecret(PLATFORM));

        assertThat(values).containsEntry("url", "jdbc:postgresql://coop-postgres.shop.svc:5432/roseash")
                .containsEntry("user", "roseash").containsKey("password");
        assertThat(values.get("password")).hasSize(43);
    }

    private static Map<String, String> decoded(Secret secret) {
        return secret.getData().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }
}
