package com.roseash.federation.users;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.roseash.federation.links.AccountLinks;
import com.roseash.federation.links.AccountMails;
import com.roseash.platform.auth.OidcLogin;
import com.roseash.platform.web.FormData;
import com.roseash.platform.web.Page;
import com.roseash.platform.web.PageRenderer;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Register (with a link to confirm the address, when the platform sends mail), sign in (once the address is
 * confirmed), sign out: federation's own pages, a route group mounted at the root.
 */
public final class AccountRoutes implements HttpService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** How long a link to confirm an address works. */
    static final Duration CONFIRM_TTL = Duration.ofDays(1);

    private final UserRepository users;
    private final SignedInUsers signedIn;
    private final SignInLimiter limiter;
    private final PageRenderer renderer;
    private final AccountLinks links;
    private final AccountMails mails;

    public AccountRoutes(UserRepository users, SignedInUsers signedIn, SignInLimiter limiter, PageRenderer renderer,
                         AccountLinks links, AccountMails mails) {
        this.users = users;
        this.signedIn = signedIn;
        this.limiter = limiter;
        this.renderer = renderer;
        this.links = links;
        this.mails = mails;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::home)
                .get("/login", (req, res) -> loginForm(req, res, Status.OK_200, "", "",
                        returnPath(req.query().first("return").orElse("/"))))
                .post("/login", this::login)
                .get("/register", (req, res) -> registerForm(req, res, Status.OK_200, Map.of()))
                .post("/register", this::register)
                .get("/confirm-email", this::confirmEmail)
                .post("/confirm-email/resend", this::resendConfirmation)
                .post("/logout", (req, res) -> {
                    signedIn.signOut(req, res);
                    redirect(res, "/");
                });
    }

    private void home(ServerRequest request, ServerResponse response) {
        Map<String, Object> model = new HashMap<>();
        signedIn.current(request).ifPresent(current -> model.put("user", current.user()));
        renderer.render(request, response, new Page("Your account", "federation/home", model));
    }

    private void login(ServerRequest request, ServerResponse response) {
        Parameters form = FormData.of(request);
        String email = form.first("email").orElse("").strip();
        String password = form.first("password").orElse("");
        String returnTo = returnPath(form.first("return").orElse("/"));
        String address = ClientAddress.of(request);
        switch (limiter.check(email, address)) {
            case TOO_MANY_FOR_ACCOUNT -> {
                loginForm(request, response, Status.TOO_MANY_REQUESTS_429, email,
                        "Too many failed sign-ins for this account. Wait a quarter of an hour and try again.", returnTo);
                return;
            }
            case TOO_MANY_FROM_ADDRESS -> {
                loginForm(request, response, Status.TOO_MANY_REQUESTS_429, email,
                        "Too many failed sign-ins from your network. Wait a quarter of an hour and try again.", returnTo);
                return;
            }
            case UNAVAILABLE -> {
                loginForm(request, response, Status.SERVICE_UNAVAILABLE_503, email,
                        "Signing in is unavailable for a moment. Try again shortly.", returnTo);
                return;
            }
            case ALLOWED -> {
            }
        }
        var credentials = users.credentials(email);
        // Hash even for unknown accounts, so timing does not tell which addresses have accounts.
        String hash = credentials.map(UserRepository.Credentials::passwordHash).orElse(UNKNOWN_USER_HASH);
        boolean valid = Passwords.matches(password, hash) && credentials.isPresent();
        if (!valid) {
            limiter.recordFailure(email, address);
            loginForm(request, response, Status.UNAUTHORIZED_401, email, "Wrong e-mail address or password.", returnTo);
            return;
        }
        if (!credentials.get().user().emailConfirmed() && mails.enabled()) {
            renderer.renderStatus(request, response, Status.FORBIDDEN_403, new Page("Confirm your address",
                    "federation/confirm-first", Map.of("email", email)));
            return;
        }
        if (!signedIn.signIn(request, response, credentials.get().user())) {
            loginForm(request, response, Status.SERVICE_UNAVAILABLE_503, email,
                    "Signing in is unavailable for a moment. Try again shortly.", returnTo);
            return;
        }
        redirect(response, returnTo);
    }

    private void register(ServerRequest request, ServerResponse response) {
        Parameters form = FormData.of(request);
        String email = form.first("email").orElse("").strip();
        String name = form.first("name").orElse("").strip();
        String password = form.first("password").orElse("");
        Map<String, Object> errors = new HashMap<>();
        if (!EMAIL.matcher(email).matches()) {
            errors.put("emailError", "Enter an e-mail address such as name@example.org.");
        }
        if (name.isEmpty() || name.length() > 100) {
            errors.put("nameError", "Enter a name of up to 100 characters.");
        }
        String passwordProblem = Passwords.problem(password);
        if (!passwordProblem.isEmpty()) {
            errors.put("passwordError", passwordProblem);
        }
        if (!errors.isEmpty()) {
            errors.put("email", email);
            errors.put("name", name);
            registerForm(request, response, Status.BAD_REQUEST_400, errors);
            return;
        }
        // A platform that sends no mail cannot confirm addresses: its accounts work unconfirmed (docs/sign-on.md).
        var user = mails.enabled() ? users.create(email, name, Passwords.hash(password), Set.of("member"))
                : users.createConfirmed(email, name, Passwords.hash(password), Set.of("member"));
        if (user.isEmpty()) {
            registerForm(request, response, Status.CONFLICT_409, Map.of("email", email, "name", name,
                    "emailError", "An account with this e-mail address exists already. Sign in instead."));
            return;
        }
        if (mails.enabled()) {
            mails.confirmAddress(email, name, links.issue(user.get().id(), AccountLinks.Purpose.CONFIRM_EMAIL, null,
                    CONFIRM_TTL));
            renderer.render(request, response, new Page("Confirm your address", "federation/check-mail",
                    Map.of("email", email, "registered", true)));
            return;
        }
        signedIn.signIn(request, response, user.get());
        redirect(response, "/");
    }

    private void confirmEmail(ServerRequest request, ServerResponse response) {
        String token = request.query().first("token").orElse("");
        var used = token.isEmpty() ? Optional.<AccountLinks.Used>empty() : links.use(token, AccountLinks.Purpose.CONFIRM_EMAIL);
        if (used.isEmpty()) {
            renderer.renderStatus(request, response, Status.BAD_REQUEST_400, new Page("Link not valid",
                    "federation/link-invalid", Map.of("what", "confirm your address", "resend", true)));
            return;
        }
        users.confirmEmail(used.get().userId());
        renderer.render(request, response, new Page("Address confirmed", "federation/done",
                Map.of("message", "Your address is confirmed. You can sign in now.", "signIn", true)));
    }

    /** The same answer whether or not the address has an unconfirmed account: nobody learns who has one. */
    private void resendConfirmation(ServerRequest request, ServerResponse response) {
        String email = FormData.of(request).first("email").orElse("").strip();
        users.credentials(email).map(UserRepository.Credentials::user).filter(user -> !user.emailConfirmed())
                .ifPresent(user -> mails.confirmAddress(user.email(), user.displayName(),
                        links.issue(user.id(), AccountLinks.Purpose.CONFIRM_EMAIL, null, CONFIRM_TTL)));
        renderer.render(request, response, new Page("Confirm your address", "federation/check-mail",
                Map.of("email", email)));
    }

    private void loginForm(ServerRequest request, ServerResponse response, Status status, String email, String error,
                           String returnTo) {
        renderer.renderStatus(request, response, status, new Page("Sign in", "federation/login",
                Map.of("email", email, "error", error, "return", returnTo)));
    }

    private void registerForm(ServerRequest request, ServerResponse response, Status status, Map<String, Object> model) {
        renderer.renderStatus(request, response, status, new Page("Create an account", "federation/register", model));
    }

    private static String returnPath(String requested) {
        return OidcLogin.localPath(requested);
    }

    private static void redirect(ServerResponse response, String location) {
        response.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }

    private static final String UNKNOWN_USER_HASH = Passwords.hash("no such user, no such password");
}
