package fr.education.imagin.frais;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.frais.FraisService.Statut;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The academy office's work on the expenses (GEST-3): the sessions with their counts, and the
 * actions on a selection of a session's expenses. Each action is one transaction over the whole
 * selection: a line whose statut does not allow it refuses the action and nothing changes. The
 * statut written here is what the CSF lock ({@link FraisService#TRAITE}) and the ICC suivi
 * ({@link FraisService#SUIVI_ICC}) read.
 */
public final class FraisOfficeService {

    /** A motif longer than this is refused (it is printed in lists and exports). */
    public static final int MOTIF_MAX = 300;

    /** What the office does to the selected expenses, and from which statuts. */
    public enum Action {
        VALIDER("Valider", Statut.VALIDE, EnumSet.of(Statut.A_TRAITER, Statut.REJETE)),
        REJETER("Rejeter", Statut.REJETE, EnumSet.of(Statut.A_TRAITER, Statut.VALIDE)),
        PAYER("Marquer payé", Statut.PAYE, EnumSet.of(Statut.VALIDE)),
        REMETTRE("Remettre à traiter", Statut.A_TRAITER, EnumSet.of(Statut.REJETE, Statut.VALIDE));

        private final String libelle;
        private final Statut cible;
        private final Set<Statut> depuis;

        Action(String libelle, Statut cible, Set<Statut> depuis) {
            this.libelle = libelle;
            this.cible = cible;
            this.depuis = depuis;
        }

        public String libelle() {
            return libelle;
        }

        /** The action sent by a form button, if it is one. */
        public static Optional<Action> of(String value) {
            return Arrays.stream(values()).filter(a -> a.name().equals(value)).findFirst();
        }

        /** "À traiter ou Rejeté", for the refusal message. */
        String depuisLibelle() {
            return depuis.stream().map(Statut::libelle).collect(Collectors.joining(" ou "));
        }
    }

    /** A session with expenses, and how many are in each statut. */
    public record SessionFrais(long id, String libelle, String examen, int annee, long aTraiter, long valides,
                               long rejetes, long payes, long annules) {
    }

    /** The outcome of an action: how many expenses changed, or why none did (French, for the console). */
    public record Resultat(int traites, List<String> refus) {
        public boolean ok() {
            return refus.isEmpty();
        }

        static Resultat refuse(String... refus) {
            return new Resultat(0, List.of(refus));
        }
    }

    private final TenantSql sql;
    private final AuditTrail audit;

    public FraisOfficeService(TenantSql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    /** The académie's sessions that have expenses, latest year first. */
    public Future<List<SessionFrais>> sessions(Tenant tenant) {
        return sql.inTenant(tenant, conn -> conn.query("""
                        select s.id, s.libelle, s.examen_code, s.annee,
                               count(*) filter (where f.statut = 'A_TRAITER') as a_traiter,
                               count(*) filter (where f.statut = 'VALIDE') as valides,
                               count(*) filter (where f.statut = 'REJETE') as rejetes,
                               count(*) filter (where f.statut = 'PAYE') as payes,
                               count(*) filter (where f.statut = 'ANNULE') as annules
                        from session_examen s join frais f on f.session_id = s.id
                        group by s.id order by s.annee desc, s.examen_code, s.id""").execute())
                .map(rows -> {
                    List<SessionFrais> sessions = new ArrayList<>();
                    for (Row r : rows) {
                        sessions.add(new SessionFrais(r.getLong("id"), r.getString("libelle"), r.getString("examen_code"),
                                r.getInteger("annee"), r.getLong("a_traiter"), r.getLong("valides"), r.getLong("rejetes"),
                                r.getLong("payes"), r.getLong("annules")));
                    }
                    return sessions;
                });
    }

    /** A session's label, empty when the académie has no such session. */
    public Future<Optional<String>> session(Tenant tenant, long sessionId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("select libelle from session_examen where id = $1")
                        .execute(Tuple.of(sessionId)))
                .map(rows -> rows.size() == 1 ? Optional.of(rows.iterator().next().getString(0)) : Optional.empty());
    }

    /**
     * Applies {@code action} to the expenses {@code ids} of the session, all or none. Rejecting
     * needs a motif; any line not in a statut the action starts from (an ANNULE line never is)
     * refuses the whole selection, each such line named.
     */
    public Future<Resultat> traiter(Tenant tenant, String actor, long sessionId, List<Long> ids, Action action, String motif) {
        String reason = motif == null ? "" : motif.strip();
        if (ids.isEmpty()) {
            return Future.succeededFuture(Resultat.refuse("Aucune ligne n'est sélectionnée : cochez les frais à traiter."));
        }
        if (action == Action.REJETER && reason.isEmpty()) {
            return Future.succeededFuture(Resultat.refuse("Le motif du rejet est obligatoire : aucun frais n'a été rejeté."));
        }
        if (reason.length() > MOTIF_MAX) {
            return Future.succeededFuture(Resultat.refuse("Le motif ne peut dépasser " + MOTIF_MAX + " caractères."));
        }
        Long[] selection = ids.stream().distinct().toArray(Long[]::new);
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select f.id, f.statut, p.nom, p.prenom,
                               case f.nature when 'ICC' then 'indemnité chef de centre' else 'rémunération ' || m.numero end as objet
                        from frais f join personnel p on p.id = f.personnel_id
                        left join affectation a on a.id = f.affectation_id left join mission m on m.id = a.mission_id
                        where f.id = any($1) and f.session_id = $2
                        order by p.nom, p.prenom, f.id
                        for update of f""")
                .execute(Tuple.of(selection, sessionId))
                .compose(rows -> {
                    if (rows.size() != selection.length) {
                        return Future.succeededFuture(Resultat.refuse("Des lignes sélectionnées ne sont pas des frais de cette session"
                                + " (la liste a changé ?) : aucun frais n'a été traité. Rechargez la liste."));
                    }
                    List<String> refused = new ArrayList<>();
                    for (Row r : rows) {
                        Statut statut = Statut.valueOf(r.getString("statut"));
                        if (!action.depuis.contains(statut)) {
                            refused.add(r.getString("nom") + " " + r.getString("prenom") + " (" + r.getString("objet") + ") : "
                                    + statut.libelle());
                        }
                    }
                    if (!refused.isEmpty()) {
                        List<String> messages = new ArrayList<>();
                        messages.add("« " + action.libelle() + " » n'est possible que pour des frais " + action.depuisLibelle()
                                + " : aucun frais n'a été traité. Lignes refusées : " + String.join(" ; ", refused) + ".");
                        return Future.succeededFuture(new Resultat(0, messages));
                    }
                    return ecrire(conn, tenant, actor, sessionId, selection, action, reason);
                }));
    }

    private Future<Resultat> ecrire(SqlConnection conn, Tenant tenant, String actor, long sessionId, Long[] ids, Action action,
                                    String motif) {
        // A rejection keeps its motif; any other move clears the previous one.
        return conn.preparedQuery("""
                        update frais set statut = $2, motif = $3, traite_par = $4, traite_le = now()
                        where id = any($1)""")
                .execute(Tuple.of(ids, action.cible.name(), action == Action.REJETER ? motif : null, actor))
                .compose(updated -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "FRAIS_" + action.name(),
                        "Session " + sessionId + " : " + ids.length + " frais (" + Arrays.stream(ids).map(String::valueOf)
                                .collect(Collectors.joining(", ")) + ")" + (action == Action.REJETER ? ", motif : " + motif : ""),
                        null)))
                .map(x -> new Resultat(ids.length, List.of()));
    }
}
