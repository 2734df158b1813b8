package fr.education.imagin.frais;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;

/**
 * États de frais (GEST-3): the expenses the academy office validates, rejects and pays. The
 * constat de service fait and the ICC transmission create them through the methods below, in
 * their own transaction; the office's actions move their statut, which the other activities read
 * through {@link #TRAITE} and {@link #SUIVI_ICC} rather than keeping a copy.
 */
public final class FraisService {

    /** The statut of one expense. */
    public enum Statut {
        A_TRAITER("À traiter"),
        VALIDE("Validé"),
        REJETE("Rejeté"),
        PAYE("Payé"),
        ANNULE("Annulé");

        private final String libelle;

        Statut(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }

        /** Validated or paid: the centre can no longer change what it comes from. */
        public boolean traite() {
            return this == VALIDE || this == PAYE;
        }
    }

    /** What a remuneration's quantity counts. */
    public enum Unite {
        COPIES, CANDIDATS, HEURES
    }

    /**
     * SQL predicate, over an {@code affectation a}: the office has processed the expense of this
     * affectation (CSF "Traité par gestionnaire", convocation no longer modifiable).
     */
    public static final String TRAITE = "exists (select 1 from frais f_traite where f_traite.affectation_id = a.id"
            + " and f_traite.statut in ('VALIDE', 'PAYE'))";

    /**
     * SQL expression, over an {@code icc_saisie s}: its "suivi de traitement" (ICC-4), null until
     * transmitted; REJETE as soon as one line is rejected, ACCEPTE when all are paid, VALIDE when
     * all are validated, INITIALISE otherwise.
     */
    public static final String SUIVI_ICC = """
            case when s.statut <> 'TRANSMIS' then null else (
                select case when bool_or(f.statut = 'REJETE') then 'REJETE'
                            when count(*) > 0 and bool_and(f.statut = 'PAYE') then 'ACCEPTE'
                            when count(*) > 0 and bool_and(f.statut in ('VALIDE', 'PAYE')) then 'VALIDE'
                            else 'INITIALISE' end
                from frais f where f.icc_saisie_id = s.id and f.statut <> 'ANNULE') end""";

    /** Why a processed expense's source cannot change (French, shown as is). */
    public static final String DEJA_TRAITE = "Le frais a déjà été traité par le service gestionnaire :"
            + " le constat ne peut plus être modifié.";

    /**
     * Service fait on a remunerated mission: the intervenant's remuneration expense is created or
     * updated and goes back to "À traiter" (a rejected one is thereby corrected). Fails with
     * {@link IllegalStateException} when the office has validated or paid it.
     *
     * @param unite    null for a remuneration kind without quantity (jury)
     * @param quantite null with {@code unite}
     */
    public Future<Void> constaterFait(SqlConnection conn, long affectationId, Unite unite, BigDecimal quantite) {
        return conn.preparedQuery("""
                        insert into frais (nature, session_id, personnel_id, affectation_id, unite, quantite)
                        select 'REMUNERATION', m.session_id, a.personnel_id, a.id, $2, $3
                        from affectation a join mission m on m.id = a.mission_id where a.id = $1
                        on conflict (affectation_id) do update set unite = excluded.unite, quantite = excluded.quantite,
                            statut = 'A_TRAITER', motif = null, traite_par = null, traite_le = null
                        where frais.statut not in ('VALIDE', 'PAYE')
                        returning id""")
                .execute(Tuple.of(affectationId, unite == null ? null : unite.name(), quantite))
                .compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalStateException(DEJA_TRAITE)));
    }

    /**
     * Service non fait (CSF-4): the person's expense on the mission is cancelled, with the reason.
     * Fails with {@link IllegalStateException} when the office has validated or paid it.
     */
    public Future<Void> constaterNonFait(SqlConnection conn, long affectationId, String motif) {
        return conn.preparedQuery("""
                        insert into frais (nature, session_id, personnel_id, affectation_id, statut, motif)
                        select 'REMUNERATION', m.session_id, a.personnel_id, a.id, 'ANNULE', $2
                        from affectation a join mission m on m.id = a.mission_id where a.id = $1
                        on conflict (affectation_id) do update set statut = 'ANNULE', motif = excluded.motif,
                            unite = null, quantite = null, traite_par = null, traite_le = null
                        where frais.statut not in ('VALIDE', 'PAYE')
                        returning id""")
                .execute(Tuple.of(affectationId, "Service non fait : " + motif))
                .compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalStateException(DEJA_TRAITE)));
    }

    /** The constat is withdrawn ("Annuler"): its unprocessed expense goes with it. */
    public Future<Void> retirer(SqlConnection conn, long affectationId) {
        return conn.preparedQuery("select statut from frais where affectation_id = $1 for update")
                .execute(Tuple.of(affectationId)).compose(rows -> {
                    if (rows.size() == 1 && Statut.valueOf(rows.iterator().next().getString(0)).traite()) {
                        return Future.failedFuture(new IllegalStateException(DEJA_TRAITE));
                    }
                    return conn.preparedQuery("delete from frais where affectation_id = $1")
                            .execute(Tuple.of(affectationId)).mapEmpty();
                });
    }

    /**
     * "Transmettre" (ICC-4): one expense per line of the distribution, at the amount the server
     * computed; lines of an earlier transmission that are gone from the distribution are withdrawn.
     * Fails with {@link IllegalStateException} when a line was already validated or paid.
     */
    public Future<Void> transmettreIcc(SqlConnection conn, long saisieId) {
        return conn.preparedQuery("""
                        select count(*) from frais where icc_saisie_id = $1 and statut in ('VALIDE', 'PAYE')""")
                .execute(Tuple.of(saisieId)).compose(rows -> {
                    if (rows.iterator().next().getLong(0) > 0) {
                        return Future.failedFuture(new IllegalStateException(
                                "Des indemnités de cette saisie ont déjà été traitées par le service gestionnaire."));
                    }
                    return conn.preparedQuery("delete from frais where icc_saisie_id = $1").execute(Tuple.of(saisieId))
                            .compose(deleted -> conn.preparedQuery("""
                                    insert into frais (nature, session_id, personnel_id, icc_saisie_id, montant)
                                    select 'ICC', s.session_id, r.personnel_id, s.id, r.montant
                                    from icc_repartition r join icc_saisie s on s.id = r.saisie_id
                                    where s.id = $1""").execute(Tuple.of(saisieId)))
                            .mapEmpty();
                });
    }

    /**
     * The office reopens a transmitted ICC so that the centre may correct it: its unprocessed
     * lines are withdrawn, validated ones included: the office validates the corrected
     * distribution at the next transmission. Refused once a line is paid.
     */
    public Future<Void> rouvrirIcc(SqlConnection conn, long saisieId) {
        return conn.preparedQuery("select count(*) from frais where icc_saisie_id = $1 and statut = 'PAYE'")
                .execute(Tuple.of(saisieId)).compose(rows -> {
                    if (rows.iterator().next().getLong(0) > 0) {
                        return Future.failedFuture(new IllegalStateException(
                                "Des indemnités de cette saisie ont déjà été payées : elle ne peut plus être rouverte."));
                    }
                    return conn.preparedQuery("delete from frais where icc_saisie_id = $1")
                            .execute(Tuple.of(saisieId)).mapEmpty();
                });
    }
}
