package fr.education.imagin.indemnites;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.indemnites.IccSaisieService.Cle;
import fr.education.imagin.indemnites.IccSessions.Session;
import fr.education.imagin.plugin.api.IccTranche;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checks of an ICC saisie as typed (ICC-2, ICC-3): the first day, the days per bracket, then
 * the global amount and each line's from {@link IccService}, and the totals against 100 % and the
 * global amount. A refusal fails with an {@link IllegalArgumentException} listing every reason.
 */
final class IccSaisieCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the form sent, as typed. */
    record Demande(String premierJour, Map<String, String> jours, List<DemandeLigne> lignes) {
    }

    /** A line as typed: the person's id, and a percentage or an amount (the percentage wins). */
    record DemandeLigne(String personnel, String pourcentage, String montant) {
    }

    /** A checked line: the person, the percentage (null for a line by amount) and the server's amount. */
    record Part(long personnelId, BigDecimal pourcentage, BigDecimal montant) {
    }

    /** The saisie as it will be written: every amount computed here. */
    record Verifiee(LocalDate premierJour, Map<String, BigDecimal> jours, BigDecimal montantGlobal, List<Part> lignes) {
    }

    private final IccService icc;

    IccSaisieCheck(IccService icc) {
        this.icc = icc;
    }

    /** The inputs with the server's amounts; refusals fail with IllegalArgumentException. */
    Future<Verifiee> verifier(Tenant tenant, Cle cle, Demande demande) {
        Session session = cle.session();
        return icc.bareme(tenant, session.examCode(), session.annee()).compose(bareme -> {
            List<String> erreurs = new ArrayList<>();
            if (!bareme.periodes().contains(cle.periode())) {
                return Future.failedFuture(new IllegalArgumentException("La période « " + cle.periode().libelle()
                        + " » n'existe pas pour cet examen."));
            }
            Parsed<LocalDate> date = FrenchInput.date(demande.premierJour(), "date de début des épreuves");
            if (date.isError()) {
                erreurs.add(date.error());
            } else if (date.isEmpty()) {
                erreurs.add("La date de début des épreuves est obligatoire (format JJ/MM/AAAA).");
            }
            Map<String, BigDecimal> jours = new LinkedHashMap<>();
            for (IccService.TrancheTaux t : bareme.tranches()) {
                IccTranche tranche = t.tranche();
                Parsed<BigDecimal> days = FrenchInput.decimal(demande.jours().get(tranche.code()), "« " + tranche.libelle() + " »");
                if (days.isError()) {
                    erreurs.add(days.error());
                }
                jours.put(tranche.code(), days.value().orElse(BigDecimal.ZERO));
            }
            if (!erreurs.isEmpty()) {
                return Future.failedFuture(new IllegalArgumentException(String.join(" ", erreurs)));
            }
            return icc.montantGlobal(tenant, session.examCode(), session.annee(), cle.periode(), jours)
                    .map(global -> new Verifiee(date.value().orElseThrow(), jours, global, lignes(global, demande.lignes())));
        });
    }

    /** Each line's amount, and the totals against 100 % and the global amount (ICC-3). */
    private static List<Part> lignes(BigDecimal global, List<DemandeLigne> demandes) {
        List<String> erreurs = new ArrayList<>();
        List<Part> lignes = new ArrayList<>();
        Set<Long> vus = new HashSet<>();
        BigDecimal pourcentages = BigDecimal.ZERO;
        for (DemandeLigne d : demandes) {
            OptionalLong id = RecordIds.parse(d.personnel());
            if (id.isEmpty() || !vus.add(id.getAsLong())) {
                erreurs.add(id.isEmpty() ? "Intervenant « " + d.personnel() + " » inconnu."
                        : "Un intervenant ne figure qu'une fois dans la répartition.");
                continue;
            }
            Parsed<BigDecimal> pct = FrenchInput.decimal(d.pourcentage(), "répartition (%)");
            Parsed<BigDecimal> montant = FrenchInput.decimal(d.montant(), "montant (€)");
            try {
                if (pct.isError()) {
                    erreurs.add(pct.error());
                } else if (pct.value().isPresent()) {
                    // By percentage: the amount is the server's, whatever the browser sent along.
                    BigDecimal p = pct.value().get();
                    lignes.add(new Part(id.getAsLong(), p, IccService.part(global, p)));
                    pourcentages = pourcentages.add(p);
                } else if (montant.isError()) {
                    erreurs.add(montant.error());
                } else if (montant.value().isEmpty()) {
                    erreurs.add("Saisissez la répartition (%) ou le montant (€) de chaque intervenant.");
                } else {
                    BigDecimal m = montant.value().get();
                    if (m.signum() <= 0 || m.stripTrailingZeros().scale() > 2) {
                        erreurs.add("Montant « " + d.montant().strip() + " » invalide (format x,xx > 0).");
                    } else {
                        lignes.add(new Part(id.getAsLong(), null, m.setScale(2)));
                    }
                }
            } catch (IllegalArgumentException e) {
                erreurs.add(e.getMessage());
            }
        }
        if (pourcentages.compareTo(HUNDRED) > 0) {
            erreurs.add("La répartition totale (" + FrenchFormats.decimal(pourcentages, 1) + " %) dépasse 100 %.");
        }
        BigDecimal reparti = lignes.stream().map(Part::montant).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (erreurs.isEmpty() && reparti.compareTo(global) > 0) {
            erreurs.add("Le total réparti (" + FrenchFormats.amount(reparti) + ") dépasse le montant global calculé ("
                    + FrenchFormats.amount(global) + ").");
        }
        if (!erreurs.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", erreurs));
        }
        return lignes;
    }
}
