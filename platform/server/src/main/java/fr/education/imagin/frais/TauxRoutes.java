package fr.education.imagin.frais;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.indemnites.IccService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * "Taux des indemnités des chefs de centre" (ICC-5): for a session year, each bracket of every
 * enabled scheme with the decree's default and the académie's rate, which the office sets here
 * (rates change by decree). Mounted by {@link FraisOfficeRoutes} behind its office guard.
 */
final class TauxRoutes {

    private final IccService icc;
    private final PageRenderer pages;

    TauxRoutes(IccService icc, PageRenderer pages) {
        this.icc = icc;
        this.pages = pages;
    }

    void mount(Router router, String path) {
        router.get(path).handler(this::page);
        router.post(path).handler(this::configurer);
    }

    private static int anneeCourante() {
        return LocalDate.now(FrenchFormats.ZONE).getYear();
    }

    /** A session year as typed, if it is one (2000–2100). */
    private static OptionalInt annee(String text) {
        if (text == null || !text.strip().matches("\\d{4}")) {
            return OptionalInt.empty();
        }
        int year = Integer.parseInt(text.strip());
        return year >= 2000 && year <= 2100 ? OptionalInt.of(year) : OptionalInt.empty();
    }

    private void page(RoutingContext ctx) {
        String asked = ctx.request().getParam("annee");
        OptionalInt parsed = annee(asked);
        if (asked != null && parsed.isEmpty()) {
            Console.erreur(ctx, "L'année de session « " + asked.strip() + " » n'est pas valide : les taux de "
                    + anneeCourante() + " sont affichés.");
        }
        int annee = parsed.orElse(anneeCourante());
        icc.baremesTaux(TenantHandler.current(ctx), annee).compose(baremes -> {
            List<Map<String, Object>> schemes = new ArrayList<>();
            for (IccService.BaremeTaux b : baremes) {
                List<Map<String, Object>> tranches = new ArrayList<>();
                for (IccService.TauxConfigure t : b.tranches()) {
                    tranches.add(Map.of("code", t.tranche().code(), "libelle", t.tranche().libelle(),
                            "reglementaire", t.reglementaire().map(TauxRoutes::euros).orElse("Aucun"),
                            "academie", t.academie().map(TauxRoutes::euros).orElse("Non configuré"),
                            "valeur", t.academie().map(TauxRoutes::nombre).orElse(""),
                            "applique", t.academie().or(t::reglementaire).map(TauxRoutes::euros)
                                    .orElse("Aucun : à configurer")));
                }
                schemes.add(Map.of("code", b.scheme(), "libelle", b.libelle(), "tranches", tranches));
            }
            TreeSet<Integer> annees = new TreeSet<>(ExportYears.proposed());
            annees.add(annee);
            return pages.respond(ctx, "frais/taux.ftlh", Map.of("annee", String.valueOf(annee),
                    "annees", annees.stream().map(String::valueOf).toList(), "baremes", schemes,
                    "action", ctx.request().path(), "retour", "/" + TenantHandler.current(ctx).code() + FraisOfficeRoutes.PATH));
        }).onFailure(ctx::fail);
    }

    /** One bracket's rate for the year; a bad value changes nothing and says why. */
    private void configurer(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        OptionalInt annee = annee(form.get("annee"));
        String page = ctx.request().path() + "?annee=" + annee.orElse(anneeCourante());
        String scheme = Optional.ofNullable(form.get("scheme")).orElse("");
        String tranche = Optional.ofNullable(form.get("tranche")).orElse("");
        Parsed<BigDecimal> taux = FrenchInput.decimal(form.get("taux"), "« Taux de l'académie »");
        String refus = annee.isEmpty() ? "L'année de session « " + Optional.ofNullable(form.get("annee")).orElse("") + " » n'est pas valide."
                : taux.isError() ? taux.error()
                : taux.isEmpty() ? "Saisissez le taux journalier de l'académie (exemple : 173,00)." : null;
        if (refus != null) {
            Console.erreur(ctx, refus + " Aucun taux n'a été modifié.");
            SessionSync.redirect(ctx, page);
            return;
        }
        BigDecimal value = taux.value().orElseThrow();
        icc.configurerTaux(TenantHandler.current(ctx), scheme, annee.getAsInt(), tranche, value).onComplete(done -> {
            if (done.succeeded()) {
                Console.information(ctx, "Taux journalier " + scheme + " « " + tranche + " » de la session " + annee.getAsInt()
                        + " enregistré : " + euros(value) + ".");
            } else if (done.cause() instanceof IllegalArgumentException refused) {
                Console.erreur(ctx, refused.getMessage() + " Aucun taux n'a été modifié.");
            } else {
                ctx.fail(done.cause());
                return;
            }
            SessionSync.redirect(ctx, page);
        });
    }

    /** {@code 173,00 €}, as the guide prints amounts. */
    private static String euros(BigDecimal amount) {
        return nombre(amount) + FrenchFormats.NO_BREAK_SPACE + "€";
    }

    /** {@code 173,00}: the value an input is prefilled with. */
    private static String nombre(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
