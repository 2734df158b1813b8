package fr.education.imagin.core.security;

import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageRenderer;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** The built-in login of the embedded default: {@code /:tenant/connexion} and {@code /:tenant/quitter}. */
public final class LoginRoutes implements LoginFlow {

    static final String BAD_CREDENTIALS = "Erreur : Identifiant ou mot de passe incorrect.";
    public static final String THROTTLED = "Erreur : Trop de tentatives de connexion infructueuses. Veuillez réessayer plus tard.";

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final SignIn signIn;
    private final PageRenderer pages;

    public LoginRoutes(AccountService accounts, LoginThrottle throttle, SignIn signIn, PageRenderer pages) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.signIn = signIn;
        this.pages = pages;
    }

    @Override
    public void mount(Router router) {
        router.get("/:tenant/connexion").handler(ctx -> pages.respond(ctx, "connexion/login.ftlh", Map.of()));
        router.post("/:tenant/connexion").handler(this::login);
        router.post("/:tenant/quitter").handler(this::logout);
    }

    private void login(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String login = trimmed(ctx.request().getFormAttribute("login"));
        String password = ctx.request().getFormAttribute("password");
        String address = SignIn.address(ctx);
        if (login.isEmpty() || password == null || password.isEmpty()) {
            signIn.refuse(ctx, 400, "Erreur : Veuillez saisir votre identifiant et votre mot de passe.");
            return;
        }
        throttle.tryAttempt(login, address).compose(allowed -> {
            if (!allowed) {
                signIn.refuse(ctx, 429, THROTTLED);
                return Future.succeededFuture();
            }
            return accounts.authenticate(login, password).compose(found -> {
                SessionUser user = found.filter(u -> u.role() == Role.NATIONAL_ADMIN || tenant.code().equals(u.tenantCode()))
                        .orElse(null);
                if (user == null) {
                    signIn.refuse(ctx, 401, BAD_CREDENTIALS);
                    return signIn.recordRefusal(ctx, tenant, login, "mot de passe ou identifiant incorrect");
                }
                return throttle.succeeded(login, address).compose(v -> signIn.complete(ctx, tenant, user));
            });
        }).onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        SessionUser user = SessionUser.of(ctx);
        if (user != null && user.visits(tenant)) {
            // Leaving a visited académie closes that tab's work only: the home session goes on (guide §4.6).
            ctx.redirect("/" + user.tenantCode() + "/");
            return;
        }
        signIn.end(ctx, tenant).onComplete(done -> ctx.redirect("/" + tenant.code() + "/connexion"));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
