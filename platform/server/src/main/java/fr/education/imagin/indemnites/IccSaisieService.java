package fr.education.imagin.indemnites;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.frais.FraisService;
import fr.education.imagin.indemnites.IccSessions.Session;
import fr.education.imagin.plugin.api.IccPeriode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One centre's ICC for a session and period (ICC-2…4): the days per bracket, the global amount and
 * its distribution among intervenants, saved, deleted, transmitted to the office, reopened by it.
 * Every amount is computed here by {@link IccService} from the inputs, whatever the browser sent;
 * a refused saisie writes nothing, and nothing changes a transmitted one but the office's reopening.
 */
final class IccSaisieService {


    /** A line of the distribution: by percentage ({@code pourcentage} set) or by amount. */
    record Ligne(long personnelId, String nom, String prenom, String discipline, BigDecimal pourcentage, BigDecimal montant) {
    }

    /** A saved saisie; {@code suivi} null until transmitted. */
    record Saisie(long id, String statut, LocalDate premierJour, BigDecimal montantGlobal, Map<String, BigDecimal> jours,
                  List<Ligne> lignes, String prerempliPar, OffsetDateTime transmisLe, String suivi) {
        boolean transmise() {
            return "TRANSMIS".equals(statut);
        }

        BigDecimal reparti() {
            return lignes.stream().map(Ligne::montant).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * Our stand-in for Cyclades' values (ICC-2): the first day of the centre's missions of the
     * session and the number of distinct days they cover (their office days when set, else every
     * day from start to end). The plugin API gives no candidate thresholds per bracket, so the days
     * are suggested in the scheme's first bracket; the chef de centre moves them if need be.
     */
    record Suggestion(LocalDate premierJour, BigDecimal jours) {
    }

    /** Saved when {@code erreurs} is empty; else nothing was written. */
    record Resultat(List<String> erreurs) {
        boolean ok() {
            return erreurs.isEmpty();
        }

        static Resultat refus(String message) {
            return new Resultat(List.of(message));
        }
    }

    /** The saisie's key: the centre, the session, the period. */
    record Cle(String uai, Session session, IccPeriode periode) {
        Tuple tuple() {
            return Tuple.of(uai, session.id(), periode.name());
        }

        String libelle() {
            return uai + " " + session.titre() + " " + periode.libelle();
        }
    }

    static final String TRANSMISE = "Cette saisie d'indemnités a été transmise au service Gestionnaire : elle ne peut plus être"
            + " modifiée en ligne. Pour toute modification, veuillez contacter ce service.";

    private final TenantSql sql;
    private final IccService icc;
    private final FraisService frais;
    private final AuditTrail audit;
    private final IccSaisieCheck check;

    IccSaisieService(TenantSql sql, IccService icc, FraisService frais, AuditTrail audit) {
        this.sql = sql;
        this.icc = icc;
        this.check = new IccSaisieCheck(icc);
        this.frais = frais;
        this.audit = audit;
    }

    IccService icc() {
        return icc;
    }

    Future<Optional<Saisie>> saisie(Tenant tenant, Cle cle) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select s.id, s.statut, s.premier_jour, s.montant_global, s.prerempli_par, s.transmis_le, (%s) as suivi
                        from icc_saisie s where s.uai = $1 and s.session_id = $2 and s.periode = $3""".formatted(FraisService.SUIVI_ICC))
                .execute(cle.tuple()).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    Row s = rows.iterator().next();
                    long id = s.getLong("id");
                    return conn.preparedQuery("select tranche_code, jours from icc_jours where saisie_id = $1").execute(Tuple.of(id))
                            .compose(jours -> conn.preparedQuery("""
                                    select r.personnel_id, p.nom, p.prenom, p.discipline_poste, r.pourcentage, r.montant
                                    from icc_repartition r join personnel p on p.id = r.personnel_id where r.saisie_id = $1
                                    order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu"
                                    """)
                                    .execute(Tuple.of(id)).map(lignes -> {
                                        Map<String, BigDecimal> days = new LinkedHashMap<>();
                                        jours.forEach(j -> days.put(j.getString(0), j.getBigDecimal(1)));
                                        List<Ligne> list = new ArrayList<>();
                                        lignes.forEach(l -> list.add(new Ligne(l.getLong(0), l.getString(1), l.getString(2),
                                                l.getString(3), l.getBigDecimal(4), l.getBigDecimal(5))));
                                        return Optional.of(new Saisie(id, s.getString("statut"), s.getLocalDate("premier_jour"),
                                                s.getBigDecimal("montant_global"), days, List.copyOf(list), s.getString("prerempli_par"),
                                                s.getOffsetDateTime("transmis_le"), s.getString("suivi")));
                                    }));
                }));
    }

    /** The id of a saisie, for the office's reopening. */
    Future<OptionalLong> identifiant(Tenant tenant, String uai, long sessionId, String periode) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("select id from icc_saisie where uai = $1 and session_id = $2 and periode = $3")
                .execute(Tuple.of(uai, sessionId, periode)))
                .map(rows -> rows.size() == 1 ? OptionalLong.of(rows.iterator().next().getLong(0)) : OptionalLong.empty());
    }

    /** See {@link Suggestion}; empty when the centre has no mission day in the session. */
    Future<Optional<Suggestion>> suggestion(Tenant tenant, String uai, long sessionId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select min(m.date_debut), count(distinct d.jour)
                        from mission m cross join lateral (
                            select j.jour from mission_jour j where j.mission_id = m.id
                            union
                            select g::date from generate_series(m.date_debut, m.date_fin, interval '1 day') g
                            where not exists (select 1 from mission_jour j where j.mission_id = m.id)) d
                        where m.session_id = $2 and m.centre_uai = $1""").execute(Tuple.of(uai, sessionId)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    LocalDate first = r.getLocalDate(0);
                    return first == null ? Optional.empty() : Optional.of(new Suggestion(first, BigDecimal.valueOf(r.getLong(1))));
                });
    }

    /**
     * "Enregistrer" (by the centre, or the office's prefill when {@code office}): checks every
     * input, recomputes the global amount and each line's, then writes all in one transaction, or
     * nothing with the reasons.
     */
    Future<Resultat> enregistrer(Tenant tenant, String actor, boolean office, Cle cle, IccSaisieCheck.Demande demande) {
        return check.verifier(tenant, cle, demande).compose(v -> sql.inTenant(tenant, conn -> personnes(conn, v.lignes())
                .compose(x -> conn.preparedQuery("""
                                insert into icc_saisie (uai, session_id, periode, premier_jour, montant_global, prerempli_par)
                                values ($1, $2, $3, $4, $5, $6)
                                on conflict (uai, session_id, periode) do update set premier_jour = excluded.premier_jour,
                                    montant_global = excluded.montant_global, updated_at = now(),
                                    prerempli_par = coalesce(excluded.prerempli_par, icc_saisie.prerempli_par)
                                where icc_saisie.statut = 'SAISIE'
                                returning id""")
                        .execute(Tuple.of(cle.uai(), cle.session().id(), cle.periode().name(), v.premierJour(), v.montantGlobal(),
                                office ? actor : null)))
                .compose(rows -> rows.size() == 1 ? ecrire(conn, rows.iterator().next().getLong(0), v)
                        // Transmitted meanwhile or before: the transaction writes nothing.
                        : Future.failedFuture(new IllegalStateException(TRANSMISE)))
                .compose(x -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor,
                        office ? "ICC_PREREMPLIE" : "ICC_ENREGISTREE",
                        cle.libelle() + " : " + FrenchFormats.amount(v.montantGlobal()), null)))
                .map(x -> new Resultat(List.of()))))
                .recover(IccSaisieService::refus);
    }

    /** A refused input or state becomes the console's message; anything else is a failure. */
    private static Future<Resultat> refus(Throwable failure) {
        return failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                ? Future.succeededFuture(Resultat.refus(failure.getMessage())) : Future.failedFuture(failure);
    }

    /** "Supprimer" (ICC-4): until "Transmettre". */
    Future<Resultat> supprimer(Tenant tenant, String actor, Cle cle) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select id, statut from icc_saisie where uai = $1 and session_id = $2 and periode = $3 for update""")
                .execute(cle.tuple()).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Resultat.refus("Aucune saisie d'indemnités n'est enregistrée pour cette période."));
                    }
                    Row row = rows.iterator().next();
                    if (!"SAISIE".equals(row.getString("statut"))) {
                        return Future.succeededFuture(Resultat.refus(TRANSMISE));
                    }
                    return conn.preparedQuery("delete from icc_saisie where id = $1").execute(Tuple.of(row.getLong("id")))
                            .compose(x -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "ICC_SUPPRIMEE",
                                    cle.libelle(), null)))
                            .map(x -> new Resultat(List.of()));
                }));
    }

    /**
     * "Transmettre" (ICC-4): statut TRANSMIS and one expense per line of the distribution, at the
     * amounts saved by {@link #enregistrer}, in one transaction.
     */
    Future<Resultat> transmettre(Tenant tenant, String actor, Cle cle) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select s.id, s.statut, (select count(*) from icc_repartition r where r.saisie_id = s.id) as lignes
                        from icc_saisie s where s.uai = $1 and s.session_id = $2 and s.periode = $3 for update""")
                .execute(cle.tuple()).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Resultat.refus("Enregistrez la saisie d'indemnités avant de la transmettre."));
                    }
                    Row row = rows.iterator().next();
                    if (!"SAISIE".equals(row.getString("statut"))) {
                        return Future.succeededFuture(Resultat.refus(TRANSMISE));
                    }
                    if (row.getLong("lignes") == 0) {
                        return Future.succeededFuture(Resultat.refus(
                                "Ajoutez au moins un intervenant à la répartition avant de transmettre la saisie."));
                    }
                    long id = row.getLong("id");
                    return conn.preparedQuery("update icc_saisie set statut = 'TRANSMIS', transmis_le = now(), updated_at = now()"
                                    + " where id = $1").execute(Tuple.of(id))
                            .compose(x -> frais.transmettreIcc(conn, id))
                            .compose(x -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "ICC_TRANSMISE",
                                    cle.libelle(), null)))
                            .map(x -> new Resultat(List.of()));
                })).recover(IccSaisieService::refus);
    }

    /** The office reopens a transmitted saisie: its expenses are withdrawn, refused once one is paid. */
    Future<Resultat> rouvrir(Tenant tenant, String actor, long saisieId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("select statut from icc_saisie where id = $1 for update")
                .execute(Tuple.of(saisieId)).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Resultat.refus("Saisie d'indemnités introuvable."));
                    }
                    if (!"TRANSMIS".equals(rows.iterator().next().getString(0))) {
                        return Future.succeededFuture(Resultat.refus("Cette saisie d'indemnités n'est pas transmise : elle est déjà modifiable par le centre."));
                    }
                    return frais.rouvrirIcc(conn, saisieId)
                            .compose(x -> conn.preparedQuery("update icc_saisie set statut = 'SAISIE', transmis_le = null,"
                                    + " updated_at = now() where id = $1").execute(Tuple.of(saisieId)))
                            .compose(x -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "ICC_ROUVERTE",
                                    "Saisie " + saisieId, null)))
                            .map(x -> new Resultat(List.of()));
                })).recover(IccSaisieService::refus);
    }

    /** Every line's person is one of the académie's. */
    private static Future<Void> personnes(SqlConnection conn, List<IccSaisieCheck.Part> lignes) {
        Long[] ids = lignes.stream().map(IccSaisieCheck.Part::personnelId).toArray(Long[]::new);
        return conn.preparedQuery("select count(*) from personnel where id = any($1)").execute(Tuple.of((Object) ids))
                .compose(rows -> rows.iterator().next().getLong(0) == ids.length ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalArgumentException("Un intervenant de la répartition n'existe pas dans l'académie.")));
    }

    private static Future<Void> ecrire(SqlConnection conn, long id, IccSaisieCheck.Verifiee v) {
        List<Tuple> jours = new ArrayList<>();
        v.jours().forEach((code, days) -> jours.add(Tuple.of(id, code, days)));
        List<Tuple> lignes = new ArrayList<>();
        v.lignes().forEach(l -> lignes.add(Tuple.of(id, l.personnelId(), l.pourcentage(), l.montant())));
        Future<Void> writes = conn.preparedQuery("delete from icc_jours where saisie_id = $1").execute(Tuple.of(id))
                .compose(x -> conn.preparedQuery("delete from icc_repartition where saisie_id = $1").execute(Tuple.of(id)))
                .compose(x -> conn.preparedQuery("insert into icc_jours (saisie_id, tranche_code, jours) values ($1, $2, $3)")
                        .executeBatch(jours)).mapEmpty();
        if (lignes.isEmpty()) {
            return writes;
        }
        return writes.compose(x -> conn.preparedQuery("""
                insert into icc_repartition (saisie_id, personnel_id, pourcentage, montant) values ($1, $2, $3, $4)""")
                .executeBatch(lignes)).mapEmpty();
    }
}
