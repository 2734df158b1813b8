package fr.education.imagin.core.mail;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code /:tenant/administration/courriels}: the académie's outbox for its academy office
 * (gestionnaires, national admins), newest first with each mail's state; a mail "en échec"
 * can be put back in the queue ({@code POST .../relance}, audited).
 */
public final class MailOutboxRoutes {

    static final String PATH = "/administration/courriels";
    /** Mails shown: the newest ones; the counts per state cover them all. */
    static final int SHOWN = 300;

    private final MailOutbox outbox;
    private final PageRenderer pages;

    public MailOutboxRoutes(MailOutbox outbox, PageRenderer pages) {
        this.outbox = outbox;
        this.pages = pages;
    }

    /** Behind the tenant, session, CSRF and access policy handlers. */
    public void mount(Router router) {
        router.route("/:tenant" + PATH).handler(new AcademyOffice());
        router.route("/:tenant" + PATH + "/relance").handler(new AcademyOffice());
        router.get("/:tenant" + PATH).handler(this::list);
        router.post("/:tenant" + PATH + "/relance").handler(this::retry);
    }

    private void list(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        outbox.recent(tenant, SHOWN).onSuccess(listing -> pages.respond(ctx, "administration/courriels.ftlh", Map.of(
                "courriels", listing.entries().stream().map(MailOutboxRoutes::toModel).toList(),
                "enAttente", listing.counts().get(MailOutbox.State.EN_ATTENTE),
                "envoyes", listing.counts().get(MailOutbox.State.ENVOYE),
                "enEchec", listing.counts().get(MailOutbox.State.EN_ECHEC),
                "affiches", SHOWN,
                "envoiConfigure", outbox.delivering()))).onFailure(ctx::fail);
    }

    static Map<String, Object> toModel(MailOutbox.Entry e) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", e.id());
        m.put("date", FrenchFormats.dateTime(e.createdAt()));
        m.put("etat", etat(e));
        m.put("badge", switch (e.state()) {
            case EN_ATTENTE -> "info";
            case ENVOYE -> "success";
            case EN_ECHEC -> "error";
        });
        m.put("enEchec", e.state() == MailOutbox.State.EN_ECHEC);
        m.put("detail", detail(e));
        m.put("destinataire", e.to());
        m.put("copie", e.cc() == null ? "" : e.cc());
        m.put("sujet", e.subject());
        m.put("pieces", e.attachments());
        return m;
    }

    /** The state as the office reads it: "En attente", "Envoyé le …", "En échec". */
    static String etat(MailOutbox.Entry e) {
        return switch (e.state()) {
            case EN_ATTENTE -> "En attente";
            case ENVOYE -> "Envoyé le " + FrenchFormats.dateTime(e.sentAt());
            case EN_ECHEC -> "En échec";
        };
    }

    /** What went wrong, and what comes next. */
    static String detail(MailOutbox.Entry e) {
        String tentatives = e.attempts() + (e.attempts() > 1 ? " tentatives" : " tentative");
        return switch (e.state()) {
            case ENVOYE -> "";
            case EN_ECHEC -> (e.lastError() == null ? "" : e.lastError() + " ") + "après " + tentatives
                    + " (dernière le " + FrenchFormats.dateTime(e.lastAttemptAt()) + ")";
            case EN_ATTENTE -> e.attempts() == 0 ? "" : tentatives + " sans succès : " + e.lastError()
                    + " ; prochain essai le " + FrenchFormats.dateTime(e.nextAttemptAt());
        };
    }

    private void retry(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        OptionalLong id = RecordIds.parse(ctx.request().getFormAttribute("courriel"));
        if (id.isEmpty()) {
            Console.erreur(ctx, "Erreur : courriel inconnu ; aucune relance n'a été faite.");
            SessionSync.redirect(ctx, "/" + tenant.code() + PATH);
            return;
        }
        outbox.retry(tenant, id.getAsLong(), SessionUser.of(ctx).login(), ctx.request().remoteAddress().hostAddress())
                .onSuccess(done -> {
                    if (done) {
                        Console.information(ctx, outbox.delivering()
                                ? "Le courriel n° " + id.getAsLong() + " est remis dans la file d'envoi : il repart pour une nouvelle série de tentatives."
                                : "Le courriel n° " + id.getAsLong() + " est remis dans la file d'envoi ; l'envoi de courriels n'est pas configuré : il y reste en attente.");
                    } else {
                        Console.erreur(ctx, "Erreur : le courriel n° " + id.getAsLong()
                                + " n'est pas en échec ; aucune relance n'a été faite.");
                    }
                    SessionSync.redirect(ctx, "/" + tenant.code() + PATH);
                })
                .onFailure(ctx::fail);
    }
}
