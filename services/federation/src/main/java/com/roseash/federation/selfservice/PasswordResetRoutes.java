package com.roseash.federation.selfservice;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * "Forgot your password?": a link mailed to the address, usable once within an hour, to choose a new password,
 * which signs the account out everywhere. The form answers the same whether or not the address has an account
 * (and the mail goes out in the background, so not by its timing either): nobody learns who has one.
 */
public final class PasswordResetRoutes implements HttpService {

    static final Duration RESET_TTL = Duration.ofHours(1);

    private final UserRepository users;
    private final SignedInUsers signedIn;
    private final AccountLinks links;
    private final AccountMails mails;
    private final PageRenderer renderer;

    public PasswordResetRoutes(UserRepository users, SignedInUsers signedIn, AccountLinks links, AccountMails mails,
                               PageRenderer renderer) {
        this.users = users;
        this.signedIn = signedIn;
        this.links = links;
        this.mails = mails;
        this.renderer = renderer;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/password/forgot", (req, res) -> renderer.render(req, res, new Page("Forgot your password?",
                        "federation/forgot", Map.of("mailEnabled", mails.enabled()))))
                .post("/password/forgot", this::forgot)
                .get("/password/reset", this::resetForm)
                .post("/password/reset", this::reset);
    }

    private void forgot(ServerRequest request, ServerResponse response) {
        String email = FormData.of(request).first("email").orElse("").strip();
        users.credentials(email).map(UserRepository.Credentials::user).ifPresent(user ->
                mails.resetPassword(user.email(), links.issue(user.id(), AccountLinks.Purpose.RESET_PASSWORD, null, RESET_TTL)));
        renderer.render(request, response, new Page("Check your mail", "federation/check-mail",
                Map.of("email", email, "reset", true)));
    }

    private void resetForm(ServerRequest request, ServerResponse response) {
        String token = request.query().first("token").orElse("");
        if (token.isEmpty() || !links.usable(token, AccountLinks.Purpose.RESET_PASSWORD)) {
            invalid(request, response);
            return;
        }
        form(request, response, Status.OK_200, token, "");
    }

    private void reset(ServerRequest request, ServerResponse response) {
        Parameters form = FormData.of(request);
        String token = form.first("token").orElse("");
        String password = form.first("password").orElse("");
        String problem = Passwords.problem(password);
        if (!problem.isEmpty()) {
            form(request, response, Status.BAD_REQUEST_400, token, problem);
            return;
        }
        Optional<AccountLinks.Used> used = token.isEmpty() ? Optional.empty()
                : links.use(token, AccountLinks.Purpose.RESET_PASSWORD);
        if (used.isEmpty()) {
            invalid(request, response);
            return;
        }
        User user = users.setPassword(used.get().userId(), Passwords.hash(password));
        // Whoever had the old password is signed out too: on every device and every service.
        signedIn.endOtherSessions(user.id(), Optional.empty());
        // Following the link proved the address as well.
        users.confirmEmail(user.id());
        renderer.render(request, response, new Page("Password changed", "federation/done",
                Map.of("message", "Your password is changed, and every session was signed out. Sign in with the new one.",
                        "signIn", true)));
    }

    private void form(ServerRequest request, ServerResponse response, Status status, String token, String problem) {
        renderer.renderStatus(request, response, status, new Page("Choose a new password", "federation/reset",
                Map.of("token", token, "problem", problem)));
    }

    private void invalid(ServerRequest request, ServerResponse response) {
        renderer.renderStatus(request, response, Status.BAD_REQUEST_400, new Page("Link not valid",
                "federation/link-invalid", Map.of("what", "reset your password", "reset", true)));
    }
}
