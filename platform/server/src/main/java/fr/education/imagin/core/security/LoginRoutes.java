package fr.education.imagin.core.security;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** The built-in login of the embedded default: {@code /:tenant/connexion} and {@code /:tenant/quitter}. */
public final class LoginRoutes {

    static final String BAD_CREDENTIALS = "Erreur : Identifiant ou mot de passe incorrect.";
    static final String THROTTLED = "Erreur : Trop de tentatives de connexion infructueuses. Veuillez réessayer dans "
            + LoginThrottle.WINDOW.toMinutes() + " minutes.";

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final EstablishmentSlots slots;
    private final AuditTrail audit;
    private final PageRenderer pages;

    public LoginRoutes(AccountService accounts, LoginThrottle throttle, EstablishmentSlots slots, AuditTrail audit,
                       PageRenderer pages) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.slots = slots;
        this.audit = audit;
        this.pages = pages;
    }

    public void mount(Router router) {
        router.get("/:tenant/connexion").handler(ctx -> form(ctx, 200, null));
        router.post("/:tenant/connexion").handler(this::login);
        router.post("/:tenant/quitter").handler(this::logout);
    }

    private void form(RoutingContext ctx, int status, String error) {
        pages.respond(ctx, status, "connexion/login.ftlh", error == null ? Map.of() : Map.of("erreur", error));
    }

    private void login(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String login = trimmed(ctx.request().getFormAttribute("login"));
        String password = ctx.request().getFormAttribute("password");
        String address = ctx.request().remoteAddress().hostAddress();
        if (login.isEmpty() || password == null || password.isEmpty()) {
            form(ctx, 400, "Erreur : Veuillez saisir votre identifiant et votre mot de passe.");
            return;
        }
        throttle.allowed(login, address).compose(allowed -> {
            if (!allowed) {
                form(ctx, 429, THROTTLED);
                return Future.succeededFuture();
            }
            return accounts.authenticate(login, password).compose(found -> {
                SessionUser user = found.filter(u -> u.role() == Role.NATIONAL_ADMIN || tenant.code().equals(u.tenantCode()))
                        .orElse(null);
                if (user == null) {
                    form(ctx, 401, BAD_CREDENTIALS);
                    return throttle.recordFailure(login, address)
                            .compose(v -> audit.record(entry(tenant, login, "CONNEXION_REFUSEE", "", address)));
                }
                return signIn(ctx, tenant, user, address);
            });
        }).onFailure(ctx::fail);
    }

    private Future<Void> signIn(RoutingContext ctx, Tenant tenant, SessionUser user, String address) {
        // A new id after login: a session id known before authentication is worthless.
        ctx.session().regenerateId();
        Future<Boolean> slot = user.uai() == null ? Future.succeededFuture(true) : slots.claim(user.uai(), ctx.session().id());
        return slot.compose(granted -> {
            if (!granted) {
                form(ctx, 409, "Erreur : Une connexion est déjà ouverte pour l'établissement " + user.uai()
                        + ". Deux connexions simultanées pour le même établissement ne sont pas autorisées : "
                        + "quittez l'autre session ou attendez sa fin.");
                return audit.record(entry(tenant, user.login(), "CONNEXION_REFUSEE", "connexion déjà ouverte pour " + user.uai(),
                        ctx.request().remoteAddress().hostAddress()));
            }
            user.storeIn(ctx.session());
            return throttle.reset(user.login())
                    .compose(v -> audit.record(entry(tenant, user.login(), "CONNEXION", user.uai() == null ? "" : user.uai(), address)))
                    // Saved before the redirect, so the next request may reach any member.
                    .compose(v -> SessionSync.flush(ctx))
                    .onComplete(saved -> ctx.redirect("/" + tenant.code() + "/"));
        });
    }

    private void logout(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        SessionUser user = SessionUser.of(ctx);
        String sessionId = ctx.session().id();
        ctx.session().destroy();
        Future<Void> released = user == null || user.uai() == null ? Future.succeededFuture() : slots.release(user.uai(), sessionId);
        released.compose(v -> user == null ? Future.succeededFuture()
                        : audit.record(entry(tenant, user.login(), "DECONNEXION", "", ctx.request().remoteAddress().hostAddress())))
                .onComplete(done -> ctx.redirect("/" + tenant.code() + "/connexion"));
    }

    private static AuditTrail.Entry entry(Tenant tenant, String actor, String action, String detail, String address) {
        return new AuditTrail.Entry(tenant.code(), actor, action, detail, address);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
