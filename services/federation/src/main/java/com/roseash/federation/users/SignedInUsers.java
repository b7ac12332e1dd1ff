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

/**
 * Federation's own sign-in session: an HttpOnly, SameSite=Lax cookie naming a session in Redis. A session counts
 * only while its user's session generation is the one it began in, so bumping the generation (a password changed
 * or reset) ends every session at once, even those Redis would still hold; {@link SessionIndex} knows them by user,
 * so each service is told (back-channel logout) of its sessions that ended.
 */
public final class SignedInUsers {

    public static final String COOKIE = "rose_ash_federation_session";

    private final SessionStore sessions;
    private final UserRepository users;
    private final SessionIndex index;
    private final Consumer<String> sessionEnded;

    /** @param sessionEnded told the id of every federation session that ends (back-channel logout) */
    public SignedInUsers(SessionStore sessions, UserRepository users, SessionIndex index, Consumer<String> sessionEnded) {
        this.sessions = sessions;
        this.users = users;
        this.index = index;
        this.sessionEnded = sessionEnded;
    }

    public record SignedIn(Session session, User user, Instant authTime) {
    }

    public Optional<SignedIn> current(ServerRequest request) {
        return request.headers().cookies().first(COOKIE).asOptional()
                .flatMap(sessions::find)
                .flatMap(session -> users.byId(Long.parseLong(session.attribute("user")))
                        .filter(user -> String.valueOf(user.sessionGeneration()).equals(generation(session)))
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
                "auth_time", String.valueOf(Instant.now().getEpochSecond()), "generation",
                String.valueOf(user.sessionGeneration())));
        session.ifPresent(s -> {
            index.add(s.id(), user.id());
            response.headers().addCookie(cookie(request, s.id()).build());
        });
        return session.isPresent();
    }

    /**
     * Ends every session of {@code user} but {@code keep} (the one that changed the password): in Redis, and in
     * each service through back-channel logout. Their generation was bumped already, so none counts any more
     * even if this cannot reach Redis.
     */
    public void endOtherSessions(long user, Optional<String> keep) {
        for (String id : index.of(user)) {
            if (keep.isPresent() && keep.get().equals(id)) {
                continue;
            }
            sessions.delete(id);
            sessionEnded.accept(id);
            index.remove(id);
        }
    }

    /** A session begun before generations were kept is of the first one. */
    private static String generation(Session session) {
        String generation = session.attribute("generation");
        return generation == null ? "0" : generation;
    }

    public void signOut(ServerRequest request, ServerResponse response) {
        current(request).ifPresent(signedIn -> {
            sessions.delete(signedIn.session().id());
            sessionEnded.accept(signedIn.session().id());
            index.remove(signedIn.session().id());
        });
        response.headers().addCookie(cookie(request, "").expires(Instant.EPOCH).build());
    }

    private static SetCookie.Builder cookie(ServerRequest request, String value) {
        return SetCookie.builder(COOKIE, value).path("/").httpOnly(true).sameSite(SetCookie.SameSite.LAX)
                .secure(Requests.isHttps(request));
    }
}
