package com.roseash.platform.config;

import java.util.List;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.db.DatabaseSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoseAshConfigTest {

    @Test
    void environmentVariableOverridesTheDefaultOfItsKey() {
        RoseAshConfig config = RoseAshConfig.load(PlatformSettings.all(), Map.of(),
                Map.of("ROSE_ASH_DB_URL", "jdbc:postgresql://db.example:5432/coop",
                        "ROSE_ASH_CACHE_PAGE_TTL", "PT5M",
                        "ROSE_ASH_SERVICES_CART_INTERNAL_URL", "http://cart:8081"));

        assertThat(config.string(PlatformSettings.DB_URL)).isEqualTo("jdbc:postgresql://db.example:5432/coop");
        assertThat(config.duration(PlatformSettings.PAGE_TTL)).hasMinutes(5);
        assertThat(config.string(PlatformSettings.internalUrl(ServiceName.CART)))
                .isEqualTo("http://cart:8081");
        assertThat(config.string(PlatformSettings.DB_USER)).isEqualTo("roseash");
    }

    @Test
    void explicitOverridesWinOverTheEnvironment() {
        RoseAshConfig config = RoseAshConfig.load(PlatformSettings.all(),
                Map.of("rose-ash.server.public-port", "18080"),
                Map.of("ROSE_ASH_SERVER_PUBLIC_PORT", "9999"));

        assertThat(config.integer(PlatformSettings.PUBLIC_PORT)).isEqualTo(18080);
    }

    @Test
    void environmentNamesFollowTheKey() {
        assertThat(PlatformSettings.DB_POOL_SIZE.environmentVariable()).isEqualTo("ROSE_ASH_DB_POOL_SIZE");
        assertThat(PlatformSettings.all()).extracting(Setting::environmentVariable).doesNotHaveDuplicates();
    }

    @Test
    void badValuesNameTheKeyAndTheExpectedForm() {
        RoseAshConfig config = RoseAshConfig.load(List.of(PlatformSettings.DB_POOL_SIZE, PlatformSettings.PAGE_TTL), Map.of(),
                Map.of("ROSE_ASH_DB_POOL_SIZE", "ten", "ROSE_ASH_CACHE_PAGE_TTL", "30 seconds"));

        assertThatThrownBy(() -> config.integer(PlatformSettings.DB_POOL_SIZE))
                .hasMessageContaining("rose-ash.db.pool-size").hasMessageContaining("ten");
        assertThatThrownBy(() -> config.duration(PlatformSettings.PAGE_TTL))
                .hasMessageContaining("rose-ash.cache.page-ttl").hasMessageContaining("ISO-8601");
    }

    @Test
    void secretsHaveNoDefaultAndStayOutOfToString() {
        RoseAshConfig config = RoseAshConfig.load(PlatformSettings.all(), Map.of(),
                Map.of("ROSE_ASH_DB_PASSWORD", "hunter2"));
        var settings = DatabaseSettings.from(config);

        assertThat(settings.password()).isEqualTo("hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2");
        assertThat(PlatformSettings.all()).filteredOn(Setting::secret).allSatisfy(s -> assertThat(s.defaultValue()).isEmpty());
    }
}
