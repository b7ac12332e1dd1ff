package com.roseash.federation.selfservice;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.roseash.federation.links.AccountLinks;
import com.roseash.federation.links.AccountMails;
import com.roseash.federation.users.Passwords;
import com.roseash.federation.users.SignedInUsers;
import com.roseash.federation.users.User;
import com.roseash.federation.users.UserRepository;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * A signed-in member changes their account on federation's host: the password (other sessions are signed out),
 * the address (it changes when the link mailed to the new one is used; the old one is told), or deletes the account.
 * Each asks for the current password, so a browser left signed in is not enough.
 */
public final class AccountChangesRoutes implements HttpService {

    static final Duration CHANGE_TTL = Duration.ofDays(1);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserRepository users;
    private final SignedInUsers signedIn;
    private final AccountLinks links;
    private final AccountMails mails;
    private final AccountDeletion deletion;
    private final PageRenderer renderer;

    public AccountChangesRoutes(UserRepository users, SignedInUsers signedIn, AccountLinks links, AccountMails mails,
                                AccountDeletion deletion, PageRenderer renderer) {
        this.users = users;
        this.signedIn = signedIn;
        this.links = links;
        this.mails = mails;
        this.deletion = deletion;
        this.renderer = renderer;
    }

    /** A handler for a signed-in user, given who it is. */
    @FunctionalInterface
    private interface UserHandler {
        void handle(ServerRequest request, ServerResponse response, SignedInUsers.SignedIn current);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/account/password", signedIn((req, res, me) -> page(req, res, Status.OK_200, "password", Map.of())))
                .post("/account/password", signedIn(this::changePassword))
                .get("/account/email", signedIn((req, res, me) -> page(req, res, Status.OK_200, "email",
                        Map.of("mailEnabled", mails.enabled()))))
                .post("/account/email", signedIn(this::changeEmail))
                .get("/account/email/confirm", this::confirmNewEmail)
                .get("/account/delete", signedIn((req, res, me) -> page(req, res, Status.OK_200, "delete", Map.of())))
                .post("/account/delete", signedIn(this::delete));
    }

    private Handler signedIn(UserHandler handler) {
        return (request, response) -> {
            Optional<SignedInUsers.SignedIn> current = signedIn.current(request);
            if (current.isEmpty()) {
                response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION,
                        "/login?return=" + request.path().rawPath()).send();
                return;
            }
            handler.handle(request, response, current.get());
        };
    }

    private void changePassword(ServerRequest request, ServerResponse response, SignedInUsers.SignedIn me) {
        Parameters form = FormData.of(request);
        if (!currentPasswordMatches(form, me.user())) {
            page(request, response, Status.FORBIDDEN_403, "password", Map.of("problem", "Your current password is not that."));
            return;
        }
        String password = form.first("password").orElse("");
        String problem = Passwords.problem(password);
        if (!problem.isEmpty()) {
            page(request, response, Status.BAD_REQUEST_400, "password", Map.of("problem", problem));
            return;
        }
        User changed = users.setPassword(me.user().id(), Passwords.hash(password));
        // Every session ends (other devices, every service's); this browser gets a new one and stays signed in.
        signedIn.endOtherSessions(changed.id(), Optional.empty());
        signedIn.signIn(request, response, changed);
        renderer.render(request, response, new Page("Password changed", "federation/done",
                Map.of("message", "Your password is changed. Every other session was signed out.")));
    }

    private void changeEmail(ServerRequest request, ServerResponse response, SignedInUsers.SignedIn me) {
        Parameters form = FormData.of(request);
        String email = form.first("email").orElse("").strip();
        if (!currentPasswordMatches(form, me.user())) {
            page(request, response, Status.FORBIDDEN_403, "email", Map.of("problem", "Your current password is not that.",
                    "email", email, "mailEnabled", mails.enabled()));
            return;
        }
        String problem = !EMAIL.matcher(email).matches() ? "Enter an e-mail address such as name@example.org."
                : email.equalsIgnoreCase(me.user().email()) ? "That is your address already."
                : users.emailTaken(email) ? "Another account uses that address."
                : !mails.enabled() ? "This platform sends no mail, so a new address cannot be confirmed." : "";
        if (!problem.isEmpty()) {
            page(request, response, Status.BAD_REQUEST_400, "email", Map.of("problem", problem, "email", email,
                    "mailEnabled", mails.enabled()));
            return;
        }
        mails.confirmNewAddress(email, links.issue(me.user().id(), AccountLinks.Purpose.CHANGE_EMAIL, email, CHANGE_TTL));
        mails.addressChanging(me.user().email(), email);
        renderer.render(request, response, new Page("Check your mail", "federation/check-mail",
                Map.of("email", email, "newAddress", true)));
    }

    private void confirmNewEmail(ServerRequest request, ServerResponse response) {
        String token = request.query().first("token").orElse("");
        Optional<AccountLinks.Used> used = token.isEmpty() ? Optional.empty()
                : links.use(token, AccountLinks.Purpose.CHANGE_EMAIL);
        if (used.isEmpty()) {
            renderer.renderStatus(request, response, Status.BAD_REQUEST_400, new Page("Link not valid",
                    "federation/link-invalid", Map.of("what", "confirm your new address")));
            return;
        }
        if (!users.changeEmail(used.get().userId(), used.get().newEmail())) {
            renderer.renderStatus(request, response, Status.CONFLICT_409, new Page("Address taken", "federation/done",
                    Map.of("message", "Another account took that address meanwhile: yours is unchanged.")));
            return;
        }
        renderer.render(request, response, new Page("Address changed", "federation/done",
                Map.of("message", "Your account uses " + used.get().newEmail() + " from now on.")));
    }

    private void delete(ServerRequest request, ServerResponse response, SignedInUsers.SignedIn me) {
        Parameters form = FormData.of(request);
        if (!currentPasswordMatches(form, me.user())) {
            page(request, response, Status.FORBIDDEN_403, "delete", Map.of("problem", "Your current password is not that."));
            return;
        }
        if (!"delete".equals(form.first("confirm").orElse("").strip())) {
            page(request, response, Status.BAD_REQUEST_400, "delete", Map.of("problem", "Type delete to confirm."));
            return;
        }
        signedIn.endOtherSessions(me.user().id(), Optional.empty());
        signedIn.signOut(request, response);
        deletion.delete(me.user());
        renderer.render(request, response, new Page("Account deleted", "federation/done",
                Map.of("message", "Your account is deleted. Your subscriptions, bookings and personal details go with it;"
                        + " paid orders keep only what the accounts need, without your name or address.")));
    }

    private boolean currentPasswordMatches(Parameters form, User user) {
        return Passwords.matches(form.first("currentPassword").orElse(""), users.passwordHash(user.id()));
    }

    private void page(ServerRequest request, ServerResponse response, Status status, String which, Map<String, Object> model) {
        String title = switch (which) {
            case "password" -> "Change your password";
            case "email" -> "Change your address";
            default -> "Delete your account";
        };
        renderer.renderStatus(request, response, status, new Page(title, "federation/account-" + which, model));
    }
}
