package com.roseash.platform.web;

import java.net.http.HttpResponse;

import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisOutageTest {

    @Test
    void pagesKeptInProcessStillServeWhileRedisIsDownAndReadinessSaysSo() {
        try (TestRedis redis = TestRedis.startNew(); TestSite site = new TestSite(redis.url())) {
            assertThat(site.get(site.publicUri("/")).statusCode()).isEqualTo(200);
            assertThat(site.get(site.publicUri("/")).statusCode()).isEqualTo(200);
            assertThat(site.renders).as("second request served from the page cache").isEqualTo(1);

            redis.stop();

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> page = site.get(site.publicUri("/"));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Welcome");
            }
            assertThat(site.renders).as("served from this process's copy: Redis's outage costs no render").isEqualTo(1);

            HttpResponse<String> ready = site.get(site.adminUri("/observe/health/ready"));
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("unreachable").contains("degraded");

            redis.start();
        }
    }
}
