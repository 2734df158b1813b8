package fr.education.imagin.indemnites;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.indemnites.IccSessions.Etat;
import fr.education.imagin.indemnites.IccSessions.Ligne;
import fr.education.imagin.plugin.api.IccPeriode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Indemnités des chefs de centre" of the exam centre (guide §4.5, ICC-1…4): the list of its
 * sessions with each period's statut and suivi, then one period's ICC ({@link IndemnitesPages}).
 */
public final class IndemnitesActivity implements ActivityModule {

    /** ICC-1: the current year, and on demand the 3 before it. */
    static final int ANNEES_ANTERIEURES = 3;

    private final IndemnitesPages pages;
    private final PageRenderer renderer;

    IndemnitesActivity(IndemnitesPages pages, PageRenderer renderer) {
        this.pages = pages;
        this.renderer = renderer;
    }

    @Override
    public Activity activity() {
        return Activity.INDEMNITES;
    }

    @Override
    public void mount(ActivityRouter routes) {
        routes.get("/").handler(this::liste);
        routes.get("/intervenants").handler(pages::intervenants);
        routes.get("/:session").handler(this::session);
        routes.get("/:session/:periode").handler(ctx -> pages.afficher(ctx, acces(ctx)));
        routes.post("/:session/:periode").handler(ctx -> pages.enregistrer(ctx, acces(ctx)));
        routes.post("/:session/:periode/supprimer").handler(ctx -> pages.supprimer(ctx, acces(ctx)));
        routes.post("/:session/:periode/transmettre").handler(ctx -> pages.transmettre(ctx, acces(ctx)));
    }

    private static IndemnitesPages.Acces acces(RoutingContext ctx) {
        String base = Activity.INDEMNITES.path(TenantHandler.current(ctx).code());
        return new IndemnitesPages.Acces(WorkContext.establishment(ctx).uai(), base, base, base + "intervenants", false);
    }

    /** A session of the centre without its period opens the session normale. */
    private void session(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String base = Activity.INDEMNITES.path(tenant.code());
        OptionalLong id = RecordIds.parse(ctx.pathParam("session"));
        if (id.isEmpty()) {
            ctx.fail(IndemnitesPages.introuvable());
            return;
        }
        pages.sessions().duCentre(tenant, WorkContext.establishment(ctx).uai(), id.getAsLong()).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(IndemnitesPages.introuvable());
            } else {
                ctx.redirect(base + id.getAsLong() + "/" + IndemnitesPages.periodePath(IccPeriode.NORMALE));
            }
        }).onFailure(ctx::fail);
    }

    private void liste(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String uai = WorkContext.establishment(ctx).uai();
        int courante = LocalDate.now(FrenchFormats.ZONE).getYear();
        Set<Integer> annees = new TreeSet<>();
        for (String a : ctx.queryParam("annee")) {
            try {
                int y = Integer.parseInt(a.strip());
                if (y <= courante && y >= courante - ANNEES_ANTERIEURES) {
                    annees.add(y);
                }
            } catch (NumberFormatException ignored) {
                // a forged year is left out, as an unchecked box
            }
        }
        if (annees.isEmpty()) {
            annees.add(courante);
        }
        String base = Activity.INDEMNITES.path(tenant.code());
        pages.sessions().duCentre(tenant, uai, annees).compose(lignes -> periodes(tenant, lignes).compose(withPeriods -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map.Entry<Ligne, Set<IccPeriode>> e : withPeriods.entrySet()) {
                Ligne l = e.getKey();
                Map<String, Object> row = new HashMap<>();
                row.put("titre", l.session().titre());
                row.put("url", base + l.session().id() + "/" + IndemnitesPages.periodePath(IccPeriode.NORMALE));
                for (IccPeriode p : IccPeriode.values()) {
                    String key = IndemnitesPages.periodePath(p);
                    if (!e.getValue().contains(p)) {
                        row.put(key + "Statut", "N/A");
                        row.put(key + "Suivi", "N/A");
                        continue;
                    }
                    Etat etat = l.etats().get(p);
                    row.put(key + "Statut", IndemnitesPages.statutLibelle(etat == null ? null : etat.statut()));
                    row.put(key + "Suivi", etat == null ? "" : IndemnitesPages.suiviLibelle(etat.suivi()));
                    row.put(key + "Url", base + l.session().id() + "/" + key);
                }
                rows.add(row);
            }
            List<Map<String, Object>> choix = new ArrayList<>();
            for (int y = courante; y >= courante - ANNEES_ANTERIEURES; y--) {
                choix.add(Map.of("annee", y, "coche", annees.contains(y)));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("sessions", rows);
            model.put("annees", choix);
            model.put("action", base);
            return renderer.respond(ctx, "indemnites/liste.ftlh", model);
        })).onFailure(ctx::fail);
    }

    /** Each session's periods, from its scheme (a BTS has no épreuves de remplacement: "N/A"). */
    private Future<Map<Ligne, Set<IccPeriode>>> periodes(Tenant tenant, List<Ligne> lignes) {
        Map<Ligne, Set<IccPeriode>> out = new LinkedHashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (Ligne l : lignes) {
            chain = chain.compose(x -> pages.sessions().icc().bareme(tenant, l.session().examCode(), l.session().annee())
                    .map(b -> {
                        out.put(l, b.periodes());
                        return null;
                    }));
        }
        return chain.map(x -> out);
    }
}
