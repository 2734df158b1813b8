package fr.education.imagin.core.security;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;

/**
 * The last step of every login, built-in or OpenID Connect: from here on the rest of the code
 * only sees a {@link SessionUser} in the session, whichever way the person proved who they are.
 */
public final class SignIn {

    /** Shown to the person whose sign-in ended the establishment's other session (SH-10). */
    public static final String SESSION_REMPLACEE = "Une autre connexion était ouverte pour l'établissement %s : elle a été"
            + " fermée, car deux connexions simultanées pour le même établissement ne sont pas autorisées.";

    private final EstablishmentSlots slots;
    private final AuditTrail audit;
    private final PageRenderer pages;

    public SignIn(EstablishmentSlots slots, AuditTrail audit, PageRenderer pages) {
        this.slots = slots;
        this.audit = audit;
        this.pages = pages;
    }

    /** Opens the session for {@code user} and redirects to the académie's home, or answers why it cannot. */
    public Future<Void> complete(RoutingContext ctx, Tenant tenant, SessionUser user) {
        return complete(ctx, tenant.code(), user, "/" + tenant.code() + "/");
    }

    /**
     * Opens the session for {@code user} and redirects to {@code landing}, or answers why it
     * cannot; {@code tenantCode} is null for a login outside the académies (national admin console).
     */
    public Future<Void> complete(RoutingContext ctx, String tenantCode, SessionUser user, String landing) {
        String address = address(ctx);
        // A new id after login: a session id known before authentication is worthless.
        ctx.session().regenerateId();
        Future<Optional<String>> slot = user.uai() == null ? Future.succeededFuture(Optional.empty())
                : slots.takeOver(user.uai(), ctx.session().id());
        return slot.compose(endedSession -> {
            EstablishmentSlots.forgetReplacement(ctx.session());
            user.storeIn(ctx.session());
            Future<Void> replaced = endedSession.isEmpty() ? Future.succeededFuture() : replaced(ctx, tenantCode, user, address);
            return replaced.compose(v -> audit.record(entry(tenantCode, user.login(), "CONNEXION",
                            user.uai() == null ? "" : user.uai(), address)))
                    // Saved before the redirect, so the next request may reach any member.
                    .compose(v -> SessionSync.flush(ctx))
                    .onComplete(saved -> ctx.redirect(landing));
        });
    }

    /**
     * SH-10 after the password: the establishment's other session was ended. The person is told on
     * the page they land on, and the journal keeps who took over from whom.
     */
    public Future<Void> replaced(RoutingContext ctx, String tenantCode, SessionUser user, String address) {
        Console.avertissement(ctx, SESSION_REMPLACEE.formatted(user.uai()));
        return audit.record(entry(tenantCode, user.login(), "SESSION_REMPLACEE",
                "autre connexion fermée pour " + user.uai(), address));
    }

    /** Ends the session and frees the establishment's slot; returns the user who left, if any. */
    public Future<SessionUser> end(RoutingContext ctx, Tenant tenant) {
        return end(ctx, tenant.code());
    }

    /** Same, outside the académies ({@code tenantCode} null for the national admin console). */
    public Future<SessionUser> end(RoutingContext ctx, String tenantCode) {
        SessionUser user = SessionUser.of(ctx);
        String sessionId = ctx.session().id();
        ctx.session().destroy();
        if (user == null) {
            return Future.succeededFuture();
        }
        Future<Void> released = user.uai() == null ? Future.succeededFuture() : slots.release(user.uai(), sessionId);
        return released.compose(v -> audit.record(entry(tenantCode, user.login(), "DECONNEXION", "", address(ctx))))
                .map(v -> user);
    }

    public Future<Void> recordRefusal(RoutingContext ctx, Tenant tenant, String login, String detail) {
        return recordRefusal(ctx, tenant.code(), login, detail);
    }

    public Future<Void> recordRefusal(RoutingContext ctx, String tenantCode, String login, String detail) {
        return audit.record(entry(tenantCode, login, "CONNEXION_REFUSEE", detail, address(ctx)));
    }

    /** The login page with an error, for either kind of login. */
    public void refuse(RoutingContext ctx, int status, String message) {
        pages.respond(ctx, status, "connexion/login.ftlh", Map.of("erreur", message));
    }

    public static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress().hostAddress();
    }

    private static AuditTrail.Entry entry(String tenantCode, String actor, String action, String detail, String address) {
        return new AuditTrail.Entry(tenantCode, actor, action, detail, address);
    }
}
