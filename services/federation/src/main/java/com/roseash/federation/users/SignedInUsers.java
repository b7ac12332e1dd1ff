package com.roseash.federation.users;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.roseash.platform.auth.Session;
import com.roseash.platform.auth.SessionStore;
import com.roseash.platform.web.Requests;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Federation's own sign-in session: an HttpOnly, SameSite=Lax cookie naming a session in Redis. */
public final class SignedInUsers {

    public static final String COOKIE = "rose_ash_federation_session";

    private final SessionStore sessions;
    private final UserRepository users;
    private final Consumer<String> sessionEnded;

    /** @param sessionEnded told the id of every federation session that ends (back-channel logout) */
    public SignedInUsers(SessionStore sessions, UserRepository users, Consumer<String> sessionEnded) {
        this.sessions = sessions;
        this.users = users;
        this.sessionEnded = sessionEnded;
    }

    public record SignedIn(Session session, User user, Instant authTime) {
    }

    public Optional<SignedIn> current(ServerRequest request) {
        return request.headers().cookies().first(COOKIE).asOptional()
                .flatMap(sessions::find)
                .flatMap(session -> users.byId(Long.parseLong(session.attribute("user")))
                        .map(user -> new SignedIn(session, user,
                                Instant.ofEpochSecond(Long.parseLong(session.attribute("auth_time"))))));
    }

    /** False when no session could be stored (Redis down). */
    public boolean signIn(ServerRequest request, ServerResponse response, User user) {
        current(request).ifPresent(previous -> {
            sessions.delete(previous.session().id());
            sessionEnded.accept(previous.session().id());
        });
        Optional<Session> session = sessions.create(Map.of("user", String.valueOf(user.id()),
                "auth_time", String.valueOf(Instant.now().getEpochSecond())));
        session.ifPresent(s -> response.headers().addCookie(cookie(request, s.id()).build()));
        return session.isPresent();
    }

    public void signOut(ServerRequest request, ServerResponse response) {
        current(request).ifPresent(signedIn -> {
            sessions.delete(signedIn.session().id());
            sessionEnded.accept(signedIn.session().id());
        });
        response.headers().addCookie(cookie(request, "").expires(Instant.EPOCH).build());
    }

    private static SetCookie.Builder cookie(ServerRequest request, String value) {
        return SetCookie.builder(COOKIE, value).path("/").httpOnly(true).sameSite(SetCookie.SameSite.LAX)
                .secure(Requests.isHttps(request));
    }
}
