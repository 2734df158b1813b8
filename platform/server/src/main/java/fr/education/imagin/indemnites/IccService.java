package fr.education.imagin.indemnites;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.plugins.Contribution;
import fr.education.imagin.core.plugins.PluginFailure;
import fr.education.imagin.core.plugins.PluginHost;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.plugin.api.IccPeriode;
import fr.education.imagin.plugin.api.IccScheme;
import fr.education.imagin.plugin.api.IccTranche;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Indemnités des chefs de centre (guide §4.5, SPEC ICC-1…5): which scheme covers an exam (the
 * académie's enabled plugin that declares it), the brackets with their daily rates for a
 * session year (the académie's {@code icc_taux}, else the scheme's regulatory default) and the
 * global amount. Money is exact decimal, rounded half-up to the cent. Bad input fails the
 * future with an {@link IllegalArgumentException} whose French message the screen shows.
 */
public final class IccService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Where a bracket's daily rate comes from. */
    public enum Origine {
        /** Configured by the académie for the session year. */
        ACADEMIE,
        /** The regulatory rate the scheme provides by default. */
        REGLEMENTAIRE,
        /** Neither: the académie must configure it before days can be entered for the bracket. */
        NON_CONFIGURE
    }

    /** A bracket and its daily rate for the session year. */
    public record TrancheTaux(IccTranche tranche, Optional<BigDecimal> taux, Origine origine) {
    }

    /** A scheme as it applies to one académie and session year. */
    public record Bareme(String pluginId, String scheme, String libelle, Set<IccPeriode> periodes,
                         List<TrancheTaux> tranches) {
    }

    private final PluginHost plugins;
    private final TenantSql sql;

    public IccService(PluginHost plugins, TenantSql sql) {
        this.plugins = plugins;
        this.sql = sql;
    }

    /** Whether an enabled plugin covers the exam: drives which sessions the ICC list shows (ICC-1). */
    public boolean covers(Tenant tenant, String examCode) {
        return schemes(tenant).stream().anyMatch(s -> exams(s).contains(examCode));
    }

    /** The brackets and rates of the scheme covering the exam, for the session year. */
    public Future<Bareme> bareme(Tenant tenant, String examCode, int annee) {
        return schemeFor(tenant, examCode).compose(scheme -> rates(tenant, scheme, annee).map(configured -> {
            List<TrancheTaux> tranches = new ArrayList<>();
            for (IccTranche tranche : tranches(scheme)) {
                tranches.add(rate(scheme, tranche, annee, configured));
            }
            IccScheme s = scheme.extension();
            return new Bareme(scheme.pluginId(), code(scheme), plugins.call(scheme.pluginId(), "libellé", s::libelle),
                    plugins.call(scheme.pluginId(), "périodes", s::periodes), List.copyOf(tranches));
        }));
    }

    /**
     * The "Montant global calculé" for the days entered per bracket code (a missing bracket
     * counts zero days).
     */
    public Future<BigDecimal> montantGlobal(Tenant tenant, String examCode, int annee, IccPeriode periode,
                                            Map<String, BigDecimal> jours) {
        return schemeFor(tenant, examCode).compose(scheme -> {
            List<IccTranche> tranches = tranches(scheme);
            Map<String, BigDecimal> days = new LinkedHashMap<>();
            try {
                checkPeriode(scheme, periode);
                days.putAll(checkedDays(tranches, jours));
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(e);
            }
            return rates(tenant, scheme, annee).compose(configured -> {
                Map<String, BigDecimal> rates = new HashMap<>();
                for (IccTranche tranche : tranches) {
                    if (days.get(tranche.code()).signum() == 0) {
                        continue;
                    }
                    TrancheTaux rate = rate(scheme, tranche, annee, configured);
                    if (rate.taux().isEmpty()) {
                        return Future.failedFuture(new IllegalArgumentException("Aucun taux journalier n'est configuré pour « "
                                + tranche.libelle() + " » (" + code(scheme) + ", session " + annee
                                + ") : le gestionnaire académique doit le saisir."));
                    }
                    rates.put(tranche.code(), rate.taux().get());
                }
                BigDecimal amount = plugins.call(scheme.pluginId(), "calcul du montant global",
                        () -> Objects.requireNonNull(scheme.extension().amount(Map.copyOf(days), Map.copyOf(rates)),
                                "the scheme computed no amount"));
                if (amount.signum() < 0) {
                    return Future.failedFuture(new IllegalStateException("Le barème " + code(scheme)
                            + " a calculé un montant négatif : " + amount));
                }
                return Future.succeededFuture(amount.setScale(2, RoundingMode.HALF_UP));
            });
        });
    }

    /** Records the académie's daily rate of a bracket for a session year (ICC-5: rates change by decree). */
    public Future<Void> configurerTaux(Tenant tenant, String schemeCode, int annee, String trancheCode, BigDecimal taux) {
        try {
            Optional<Contribution<IccScheme>> scheme = schemes(tenant).stream()
                    .filter(s -> code(s).equals(schemeCode)).findFirst();
            if (scheme.isEmpty()) {
                return Future.failedFuture(new IllegalArgumentException("Aucun barème « " + schemeCode
                        + " » n'est activé pour l'académie."));
            }
            if (tranches(scheme.get()).stream().noneMatch(t -> t.code().equals(trancheCode))) {
                return Future.failedFuture(new IllegalArgumentException("Le barème " + schemeCode
                        + " n'a pas de tranche « " + trancheCode + " »."));
            }
        } catch (PluginFailure e) {
            return Future.failedFuture(e);
        }
        if (annee < 2000 || annee > 2100) {
            return Future.failedFuture(new IllegalArgumentException("Année de session " + annee + " invalide."));
        }
        if (taux == null || taux.signum() < 0 || taux.stripTrailingZeros().scale() > 2 || taux.compareTo(new BigDecimal("100000")) >= 0) {
            return Future.failedFuture(new IllegalArgumentException("Taux journalier « " + (taux == null ? "" : euros(taux))
                    + " » invalide (montant positif, deux décimales au plus)."));
        }
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        insert into icc_taux (scheme, annee, tranche_code, taux_journalier) values ($1, $2, $3, $4)
                        on conflict (scheme, annee, tranche_code) do update set taux_journalier = excluded.taux_journalier""")
                .execute(Tuple.of(schemeCode, annee, trancheCode, taux))).mapEmpty();
    }

    /**
     * The amount of a "Répartition" percentage of the global amount (ICC-3): {@code x,x <= 100},
     * rounded half-up to the cent (5,5 % of 1268,00 € = 69,74 €).
     */
    public static BigDecimal part(BigDecimal montantGlobal, BigDecimal pourcentage) {
        if (pourcentage == null || pourcentage.signum() <= 0 || pourcentage.compareTo(HUNDRED) > 0
                || pourcentage.stripTrailingZeros().scale() > 1) {
            throw new IllegalArgumentException("Répartition « " + (pourcentage == null ? "" : pourcentage.toPlainString().replace('.', ','))
                    + " » invalide (format x,x <= 100).");
        }
        return montantGlobal.multiply(pourcentage).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    private List<Contribution<IccScheme>> schemes(Tenant tenant) {
        return plugins.contributions(tenant.code(), IccScheme.class);
    }

    private Future<Contribution<IccScheme>> schemeFor(Tenant tenant, String examCode) {
        List<Contribution<IccScheme>> covering = schemes(tenant).stream().filter(s -> exams(s).contains(examCode)).toList();
        if (covering.isEmpty()) {
            return Future.failedFuture(new IllegalArgumentException("Aucun barème d'indemnités des chefs de centre "
                    + "n'est activé pour l'examen " + examCode + "."));
        }
        if (covering.size() > 1) {
            return Future.failedFuture(new IllegalStateException("Plusieurs barèmes couvrent l'examen " + examCode + " ("
                    + covering.stream().map(Contribution::pluginId).collect(Collectors.joining(", "))
                    + ") : l'administrateur national doit n'en garder qu'un."));
        }
        return Future.succeededFuture(covering.get(0));
    }

    private void checkPeriode(Contribution<IccScheme> scheme, IccPeriode periode) {
        if (!plugins.call(scheme.pluginId(), "périodes", scheme.extension()::periodes).contains(periode)) {
            throw new IllegalArgumentException("La période « " + periode.libelle() + " » n'existe pas pour le barème "
                    + code(scheme) + ".");
        }
    }

    private static Map<String, BigDecimal> checkedDays(List<IccTranche> tranches, Map<String, BigDecimal> jours) {
        Map<String, BigDecimal> days = new LinkedHashMap<>();
        Set<String> known = tranches.stream().map(IccTranche::code).collect(Collectors.toSet());
        jours.keySet().stream().filter(code -> !known.contains(code)).findFirst().ifPresent(code -> {
            throw new IllegalArgumentException("Tranche « " + code + " » inconnue du barème.");
        });
        List<String> refusals = new ArrayList<>();
        for (IccTranche tranche : tranches) {
            BigDecimal value = jours.getOrDefault(tranche.code(), BigDecimal.ZERO);
            tranche.refusal(value).ifPresent(refusals::add);
            days.put(tranche.code(), value);
        }
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ; ", refusals));
        }
        return days;
    }

    private Future<Map<String, BigDecimal>> rates(Tenant tenant, Contribution<IccScheme> scheme, int annee) {
        return sql.inTenant(tenant, conn -> conn
                        .preparedQuery("select tranche_code, taux_journalier from icc_taux where scheme = $1 and annee = $2")
                        .execute(Tuple.of(code(scheme), annee)))
                .map(rows -> {
                    Map<String, BigDecimal> rates = new HashMap<>();
                    for (Row row : rows) {
                        rates.put(row.getString("tranche_code"), row.getBigDecimal("taux_journalier"));
                    }
                    return rates;
                });
    }

    private TrancheTaux rate(Contribution<IccScheme> scheme, IccTranche tranche, int annee, Map<String, BigDecimal> configured) {
        BigDecimal academie = configured.get(tranche.code());
        if (academie != null) {
            return new TrancheTaux(tranche, Optional.of(academie), Origine.ACADEMIE);
        }
        Optional<BigDecimal> regulatory = plugins.call(scheme.pluginId(), "taux réglementaire",
                () -> Objects.requireNonNull(scheme.extension().regulatoryRate(tranche.code(), annee), "no Optional returned"));
        return regulatory.map(r -> new TrancheTaux(tranche, Optional.of(r), Origine.REGLEMENTAIRE))
                .orElseGet(() -> new TrancheTaux(tranche, Optional.empty(), Origine.NON_CONFIGURE));
    }

    private String code(Contribution<IccScheme> scheme) {
        return plugins.call(scheme.pluginId(), "code du barème", scheme.extension()::code);
    }

    /** A scheme that fails to say its exams covers none (its failure is recorded for the admin). */
    private Set<String> exams(Contribution<IccScheme> scheme) {
        try {
            return plugins.call(scheme.pluginId(), "examens du barème", scheme.extension()::examCodes);
        } catch (PluginFailure e) {
            return Set.of();
        }
    }

    private List<IccTranche> tranches(Contribution<IccScheme> scheme) {
        return plugins.call(scheme.pluginId(), "tranches du barème", scheme.extension()::tranches);
    }

    private static String euros(BigDecimal amount) {
        return amount.toPlainString().replace('.', ',');
    }

    // --- ICC-5 rates screen (academy office) ---

    /** A bracket with both rates the office compares: the decree's default and the académie's own. */
    public record TauxConfigure(IccTranche tranche, Optional<BigDecimal> reglementaire, Optional<BigDecimal> academie) {
    }

    /** An enabled scheme's brackets for a session year, as the rates screen shows them. */
    public record BaremeTaux(String scheme, String libelle, List<TauxConfigure> tranches) {
    }

    /**
     * Every scheme enabled for the académie, independently of any exam code, with each bracket's
     * regulatory default and the académie's configured rate for the session year (ICC-5).
     */
    public Future<List<BaremeTaux>> baremesTaux(Tenant tenant, int annee) {
        List<Contribution<IccScheme>> enabled;
        try {
            enabled = schemes(tenant);
        } catch (PluginFailure e) {
            return Future.failedFuture(e);
        }
        List<Future<BaremeTaux>> all = new ArrayList<>();
        for (Contribution<IccScheme> scheme : enabled) {
            all.add(rates(tenant, scheme, annee).map(configured -> {
                List<TauxConfigure> tranches = new ArrayList<>();
                for (IccTranche tranche : tranches(scheme)) {
                    Optional<BigDecimal> regulatory = plugins.call(scheme.pluginId(), "taux réglementaire",
                            () -> Objects.requireNonNull(scheme.extension().regulatoryRate(tranche.code(), annee), "no Optional returned"));
                    tranches.add(new TauxConfigure(tranche, regulatory, Optional.ofNullable(configured.get(tranche.code()))));
                }
                return new BaremeTaux(code(scheme), plugins.call(scheme.pluginId(), "libellé", scheme.extension()::libelle),
                        List.copyOf(tranches));
            }));
        }
        return Future.all(all).map(done -> all.stream().map(Future::result)
                .sorted(java.util.Comparator.comparing(BaremeTaux::scheme)).toList());
    }
}
