package com.roseash.contract;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNameTest {

    @Test
    void theWrittenOutListsAreTheEnums() {
        // The CRD's rule needs a constant; a service added to the enum only would be refused by the API server.
        assertThat(ServiceName.CEL_LIST).isEqualTo(ServiceName.ids().stream()
                .map(id -> "'" + id + "'").collect(Collectors.joining(", ", "[", "]")));
        assertThat(ServiceName.NAMES).isEqualTo(String.join(", ", ServiceName.ids()));
    }

    @Test
    void exactlyOneServiceProvidesSignOnAndOneServesTheApex() {
        assertThat(EnumSet.allOf(ServiceName.class).stream().filter(s -> s.signOn() == ServiceName.SignOn.PROVIDER))
                .containsExactly(ServiceName.FEDERATION);
        assertThat(EnumSet.allOf(ServiceName.class).stream().filter(ServiceName::servesApex)).containsExactly(ServiceName.BLOG);
    }

    @Test
    void aClientReadsTheSessionSecretAndOnlyItsOwnClientSecret() {
        assertThat(ServiceName.BLOG.secrets(EnumSet.allOf(ServiceName.class))).containsExactly(
                new SecretSetting("rose-ash.session.secret", "session-secret", false),
                new SecretSetting("rose-ash.oauth.client-secret.blog", "client-secret-blog", false));
    }

    @Test
    void theProviderReadsItsSigningKeyTheOptionalAdminPasswordAndEveryRunningClientsSecret() {
        List<SecretSetting> secrets = ServiceName.FEDERATION.secrets(Set.of(ServiceName.BLOG, ServiceName.ACCOUNT,
                ServiceName.FEDERATION));

        assertThat(secrets).extracting(SecretSetting::environmentVariable).containsExactly(
                "ROSE_ASH_SESSION_SECRET", "ROSE_ASH_SIGNING_KEY", "ROSE_ASH_ADMIN_PASSWORD",
                "ROSE_ASH_OAUTH_CLIENT_SECRET_BLOG", "ROSE_ASH_OAUTH_CLIENT_SECRET_ACCOUNT");
        assertThat(secrets).filteredOn(SecretSetting::optional).extracting(SecretSetting::secretKey)
                .containsExactly("admin-password");
        assertThat(GeneratedSecret.keys()).as("every key a service reads is generated")
                .containsAll(secrets.stream().map(SecretSetting::secretKey).toList());
    }

    @Test
    void everyServicesSecretsAreGenerated() {
        for (ServiceName service : ServiceName.values()) {
            assertThat(GeneratedSecret.keys()).as(service.id())
                    .containsAll(service.secrets(EnumSet.allOf(ServiceName.class)).stream().map(SecretSetting::secretKey)
                            .toList());
        }
    }

    @Test
    void environmentVariablesFollowTheKeys() {
        assertThat(RuntimeKeys.environmentVariable("rose-ash.db.pool-size")).isEqualTo("ROSE_ASH_DB_POOL_SIZE");
        assertThat(RuntimeKeys.environmentVariable(RuntimeKeys.publicUrl(ServiceName.EVENTS)))
                .isEqualTo("ROSE_ASH_SERVICES_EVENTS_PUBLIC_URL");
    }
}
