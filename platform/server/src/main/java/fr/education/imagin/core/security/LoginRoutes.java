package fr.education.imagin.core.security;

import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** The built-in login of the embedded default: {@code /:tenant/connexion} and {@code /:tenant/quitter}. */
public final class LoginRoutes {

    private final AccountService accounts;
    private final PageRenderer pages;

    public LoginRoutes(AccountService accounts, PageRenderer pages) {
        this.accounts = accounts;
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
        String login = ctx.request().getFormAttribute("login");
        String password = ctx.request().getFormAttribute("password");
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            form(ctx, 400, "Erreur : Veuillez saisir votre identifiant et votre mot de passe.");
            return;
        }
        accounts.authenticate(login.trim(), password).onSuccess(found -> {
            boolean allowed = found.filter(user -> user.role() == Role.NATIONAL_ADMIN
                    || tenant.code().equals(user.tenantCode())).isPresent();
            if (!allowed) {
                form(ctx, 401, "Erreur : Identifiant ou mot de passe incorrect.");
                return;
            }
            // A new id after login: a session id known before authentication is worthless.
            ctx.session().regenerateId();
            found.get().storeIn(ctx.session());
            // Saved before the redirect, so the next request may reach any member.
            SessionSync.flush(ctx).onComplete(saved -> ctx.redirect("/" + tenant.code() + "/"));
        }).onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        ctx.session().destroy();
        ctx.redirect("/" + tenant.code() + "/connexion");
    }
}
