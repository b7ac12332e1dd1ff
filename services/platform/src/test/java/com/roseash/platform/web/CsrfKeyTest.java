package com.roseash.platform.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.testing.TestRedis;
import com.roseash.platform.web.ServiceServerTest.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSRF key comes from rose-ash.session.secret without any opt-in, so forms work across replicas. */
class CsrfKeyTest {

    @Test
    void aFormRenderedByOneReplicaPostsToAnotherWithTheSameSecret() {
        Map<String, String> secret = Map.of(PlatformSettings.SESSION_SECRET.key(), "a-shared-secret-of-the-platform");
        try (TestSite first = new TestSite(TestRedis.shared().url(), secret, server -> { });
             TestSite second = new TestSite(TestRedis.shared().url(), secret, server -> { })) {
            Browser browser = Browser.open(first);

            assertThat(postForm(second, browser).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutTheSettingEachProcessSignsWithItsOwnRandomKey() {
        try (TestSite first = new TestSite(TestRedis.shared().url()); TestSite second = new TestSite(TestRedis.shared().url())) {
            Browser browser = Browser.open(first);

            assertThat(postForm(first, browser).statusCode()).isEqualTo(200);
            assertThat(postForm(second, browser).statusCode()).isEqualTo(403);
        }
    }

    private static HttpResponse<String> postForm(TestSite site, Browser browser) {
        return site.send(HttpRequest.newBuilder(site.publicUri("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", browser.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.token() + "&name=Alice")).build());
    }
}
