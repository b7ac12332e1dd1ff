package com.roseash.blog.posts;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;

import com.roseash.blog.testing.RunningBlog;
import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.testing.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The events service's widgets on the blog: the home page's upcoming events, while events cannot answer. */
class EventsOnTheBlogTest {

    @Test
    void whileEventsIsDownTheHomePageLinksToTheCalendarInsteadOfFailing() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Map<String, String> deadEvents = Map.of(PlatformSettings.internalUrl(ServiceName.EVENTS).key(),
                "http://127.0.0.1:" + deadPort);
        try (TestRedis redis = TestRedis.startNew(); RunningBlog blog = new RunningBlog(redis.url(), deadEvents)) {
            HttpResponse<String> home = blog.get("/");

            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("<section class=\"upcoming-events upcoming-events-unavailable\">"
                    + "<h2>Upcoming events</h2><p>Upcoming events cannot be shown just now. "
                    + "<a href=\"http://events.rose-ash.localhost:8080/\">See the calendar</a></p></section>");
            assertThat(blog.get("/?page=2").body()).as("only the first page shows them").doesNotContain("upcoming-events");
        }
    }
}
