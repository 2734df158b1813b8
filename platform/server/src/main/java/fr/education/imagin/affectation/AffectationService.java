package fr.education.imagin.affectation;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The office's affectation of an exam session (GEST-2, issue #15): the sessions to affect, a
 * run's proposal, and its acceptance, all or part, which designates the people (affectation
 * "AFFECTEE" by the académie; convening them is the next step, from the mission's page). The
 * acceptance checks every hard constraint again against the académie as it is now, with the
 * predicates the solver uses, and writes all of the selection or nothing.
 */
public final class AffectationService {

    /** A session of the académie, with what its affectation stands at. */
    public record Session(long id, String libelle, int annee, int missions, int affectations, Optional<String> dernierCalcul,
                          boolean convocationOuverte) {
    }

    /** One place of a proposal, as the review table shows it. */
    public record Proposition(int poste, long missionId, String mission, String type, String epreuve, String centre,
                              String commission, Long personnelId, String intervenant, String etablissement, Integer distanceKm,
                              int charge, boolean acceptee) {
    }

    public sealed interface Acceptation {
        record Faite(int designes) implements Acceptation {
        }

        record Refusee(List<String> raisons) implements Acceptation {
        }
    }

    private static final String SESSIONS = """
            select s.id, s.libelle, s.annee, s.convocation_ouverte, count(distinct m.id)::int as missions,
                   count(a.id)::int as affectations,
                   (select c.etat from affectation_calcul c where c.session_id = s.id order by c.id desc limit 1) as dernier
            from session_examen s
            join mission m on m.session_id = s.id
            left join affectation a on a.mission_id = m.id
            where s.annee between $1 and $2
            group by s.id
            order by s.annee desc, s.examen_code""";

    private static final String PROPOSITION = """
            select p.poste, p.mission_id, m.numero, t.libelle as type,
                   coalesce(eo.code || ', ' || eo.libelle, '') as epreuve, ce.uai || ' - ' || ce.nom as centre,
                   coalesce(c.code, '') as commission, p.personnel_id, pe.nom, pe.prenom,
                   coalesce(le.uai || ' - ' || e.nom, '') as etablissement, p.distance_km, p.acceptee_le is not null as acceptee,
                   (select count(*) from affectation a where a.personnel_id = p.personnel_id)::int as charge
            from affectation_proposition p
            join mission m on m.id = p.mission_id
            join type_mission t on t.code = m.type_code
            join etablissement ce on ce.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            left join commission c on c.id = p.commission_id
            left join personnel pe on pe.id = p.personnel_id
            left join lieu_exercice le on le.personnel_id = pe.id and le.principal
            left join etablissement e on e.uai = le.uai
            where p.calcul_id = $1
            order by m.numero, c.code nulls first, p.poste""";

    private final TenantSql sql;
    private final AuditTrail audit;

    public AffectationService(TenantSql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    /** The sessions of last year, this year and next year that have missions. */
    public Future<List<Session>> sessions(Tenant tenant) {
        int year = Year.now().getValue();
        return sql.inTenant(tenant, conn -> conn.preparedQuery(SESSIONS).execute(Tuple.of(year - 1, year + 1))).map(rows -> {
            List<Session> list = new ArrayList<>();
            rows.forEach(r -> list.add(session(r)));
            return list;
        });
    }

    private static Session session(Row r) {
        return new Session(r.getLong("id"), r.getString("libelle"), r.getInteger("annee"), r.getInteger("missions"),
                r.getInteger("affectations"), Optional.ofNullable(r.getString("dernier")), r.getBoolean("convocation_ouverte"));
    }

    public Future<Optional<Session>> session(Tenant tenant, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(SESSIONS.replace("where s.annee between $1 and $2", "where s.id = $1"))
                .execute(Tuple.of(id))).map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(session(rows.iterator().next())));
    }

    /** EC-6: opens the session to convocations (the centres' and the office's), or closes it again; audited. */
    public Future<Void> convocation(Tenant tenant, String actor, String address, long sessionId, boolean ouverte) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("update session_examen set convocation_ouverte = $2 where id = $1")
                .execute(Tuple.of(sessionId, ouverte))
                .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor,
                        ouverte ? "SESSION_CONVOCATION_OUVERTE" : "SESSION_CONVOCATION_FERMEE", "session=" + sessionId, address))));
    }

    /** How many missions and places the session has, and how many missions lack their count. */
    public Future<PlanLoader.Bilan> bilan(Tenant tenant, long sessionId) {
        return sql.inTenant(tenant, conn -> PlanLoader.missions(conn, sessionId)).map(PlanLoader::bilan);
    }

    public Future<List<Proposition>> proposition(Tenant tenant, long calculId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(PROPOSITION).execute(Tuple.of(calculId))).map(rows -> {
            List<Proposition> list = new ArrayList<>();
            for (Row r : rows) {
                Long person = r.getLong("personnel_id");
                list.add(new Proposition(r.getInteger("poste"), r.getLong("mission_id"), r.getString("numero"), r.getString("type"),
                        r.getString("epreuve"), r.getString("centre"), r.getString("commission"), person,
                        person == null ? "" : r.getString("nom") + " " + r.getString("prenom"), r.getString("etablissement"),
                        r.getInteger("distance_km"), person == null ? 0 : r.getInteger("charge"), r.getBoolean("acceptee")));
            }
            return list;
        });
    }

    /**
     * Designates the people of the chosen places of a finished run ({@code postes} empty: all of
     * its filled places not yet accepted), in one transaction, or refuses with the reasons and
     * writes nothing when one of them no longer holds.
     */
    public Future<Acceptation> accepter(Tenant tenant, String actor, String address, long sessionId, long calculId,
                                        Optional<Set<Integer>> postes) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select c.session_id, s.annee, c.etat from affectation_calcul c join session_examen s on s.id = c.session_id
                        where c.id = $1 and c.session_id = $2 for update of c""").execute(Tuple.of(calculId, sessionId)).compose(rows -> {
            if (rows.size() == 0 || "EN_COURS".equals(rows.iterator().next().getString("etat"))
                    || "ECHEC".equals(rows.iterator().next().getString("etat"))) {
                return Future.succeededFuture((Acceptation) new Acceptation.Refusee(List.of(
                        "Ce calcul n'a pas de proposition à accepter (en cours, échoué ou inconnu).")));
            }
            Row run = rows.iterator().next();
            return choisies(conn, calculId, postes).compose(choix -> {
                if (choix.isEmpty()) {
                    return Future.succeededFuture((Acceptation) new Acceptation.Refusee(List.of(
                            "Aucune proposition à accepter : sélectionnez au moins une place pourvue et non encore acceptée.")));
                }
                return verifier(conn, run.getLong("session_id"), run.getInteger("annee"), choix).compose(raisons -> raisons.isEmpty()
                        ? designer(conn, tenant, actor, address, Optional.of(calculId), choix)
                        : Future.succeededFuture(new Acceptation.Refusee(raisons)));
            });
        }));
    }

    /** A person proposed for one mission, as its proposals page ranks them. */
    public record Candidat(long id, String nom, String etablissement, Integer distanceKm, int charge, boolean disponible) {
    }

    public record Commission(long id, String code) {
    }

    /** One mission's proposals: the competent people, free ones first, then nearest, then least loaded. */
    public record MissionCandidats(long missionId, String numero, String session, long sessionId, String type, String epreuve,
                                   String centre, int placesLibres, List<Commission> commissions, List<Candidat> candidats) {
    }

    static final int CANDIDATS_AFFICHES = 60;

    private static final String MISSION = """
            select m.id, m.numero, m.session_id, s.annee, s.libelle as session, t.libelle as type,
                   coalesce(eo.code || ', ' || eo.libelle, '') as epreuve, ce.uai || ' - ' || ce.nom as centre
            from mission m
            join session_examen s on s.id = m.session_id
            join type_mission t on t.code = m.type_code
            join etablissement ce on ce.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            where m.id = $1""";

    public Future<Optional<MissionCandidats>> candidats(Tenant tenant, long missionId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(MISSION).execute(Tuple.of(missionId)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(Optional.<MissionCandidats>empty());
            }
            Row m = rows.iterator().next();
            int annee = m.getInteger("annee");
            return PlanLoader.missions(conn, m.getLong("session_id")).compose(missions -> {
                PlanLoader.MissionPlan plan = missions.stream().filter(x -> x.id() == missionId).findFirst().orElseThrow();
                LocalDate premier = plan.jours().get(0);
                LocalDate dernier = plan.jours().get(plan.jours().size() - 1);
                return PlanLoader.people(conn, List.of(plan), annee, premier, dernier).map(people -> {
                    BitSet jours = PlanLoader.days(plan.jours(), premier);
                    List<Intervenant> pool = plan.epreuveOption() == null ? people.byCentre().getOrDefault(plan.centre(), List.of())
                            : people.byEpreuve().getOrDefault(plan.epreuveOption(), List.of());
                    List<Candidat> candidats = new ArrayList<>();
                    for (Intervenant person : pool) {
                        if (plan.dejaAffectes().contains(person.id())) {
                            continue;
                        }
                        Integer km = person.position().isPresent() && plan.position() != null
                                ? person.position().get().kilometresTo(plan.position()) : null;
                        candidats.add(new Candidat(person.id(), person.nom() + " " + person.prenom(), person.etablissement(), km,
                                person.charge(), person.disponible(jours)));
                    }
                    candidats.sort(Comparator.comparing((Candidat c) -> !c.disponible())
                            .thenComparingInt(c -> c.distanceKm() == null ? Poste.DISTANCE_INCONNUE : c.distanceKm())
                            .thenComparingInt(Candidat::charge).thenComparing(Candidat::nom));
                    return Optional.of(new MissionCandidats(missionId, m.getString("numero"), m.getString("session"),
                            m.getLong("session_id"), m.getString("type"), m.getString("epreuve"), m.getString("centre"),
                            Places.of(plan).size(), plan.commissions().stream().map(c -> new Commission(c.id(), c.code())).toList(),
                            List.copyOf(candidats.subList(0, Math.min(CANDIDATS_AFFICHES, candidats.size())))));
                });
            });
        }));
    }

    /**
     * Designates these people on the mission (on one of its commissions, when chosen), with the
     * same checks as an accepted proposal: all of them or none.
     */
    public Future<Acceptation> designer(Tenant tenant, String actor, String address, long missionId, List<Long> personnes,
                                        Optional<Long> commission) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select m.numero, m.session_id, s.annee from mission m join session_examen s on s.id = m.session_id
                        where m.id = $1 for update of m""").execute(Tuple.of(missionId)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture((Acceptation) new Acceptation.Refusee(List.of("Cette mission n'existe pas.")));
            }
            Row m = rows.iterator().next();
            return conn.preparedQuery("select id, nom || ' ' || prenom from personnel where id = any($1) order by nom, prenom")
                    .execute(Tuple.tuple().addArrayOfLong(personnes.toArray(Long[]::new))).compose(found -> {
                        List<Choix> choix = new ArrayList<>();
                        int n = 0;
                        for (Row p : found) {
                            choix.add(new Choix(n++, missionId, m.getString("numero"), commission.orElse(null), p.getLong(0), p.getString(1)));
                        }
                        if (choix.size() != personnes.size()) {
                            return Future.succeededFuture((Acceptation) new Acceptation.Refusee(List.of(
                                    "Une des personnes choisies n'existe plus : rechargez la page.")));
                        }
                        return verifier(conn, m.getLong("session_id"), m.getInteger("annee"), choix).compose(raisons -> raisons.isEmpty()
                                ? designer(conn, tenant, actor, address, Optional.empty(), choix)
                                : Future.succeededFuture(new Acceptation.Refusee(raisons)));
                    });
        }));
    }

    /** A chosen place: its mission, commission and the person proposed. */
    record Choix(int poste, long missionId, String numero, Long commissionId, long personnelId, String intervenant) {
    }

    private static Future<List<Choix>> choisies(SqlConnection conn, long calculId, Optional<Set<Integer>> postes) {
        Integer[] selected = postes.map(s -> s.toArray(Integer[]::new)).orElse(null);
        return conn.preparedQuery("""
                        select p.poste, p.mission_id, m.numero, p.commission_id, p.personnel_id, pe.nom || ' ' || pe.prenom as intervenant
                        from affectation_proposition p
                        join mission m on m.id = p.mission_id
                        join personnel pe on pe.id = p.personnel_id
                        where p.calcul_id = $1 and p.acceptee_le is null and ($2::int[] is null or p.poste = any($2))
                        order by p.poste""")
                .execute(Tuple.tuple().addLong(calculId).addArrayOfInteger(selected)).map(rows -> {
                    List<Choix> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Choix(r.getInteger("poste"), r.getLong("mission_id"), r.getString("numero"),
                            r.getLong("commission_id"), r.getLong("personnel_id"), r.getString("intervenant"))));
                    return list;
                });
    }

    /** The hard constraints, read again now: compétence, availability, no double booking. */
    private static Future<List<String>> verifier(SqlConnection conn, long sessionId, int annee, List<Choix> choix) {
        return PlanLoader.missions(conn, sessionId).compose(missions -> {
            Map<Long, PlanLoader.MissionPlan> byId = new HashMap<>();
            missions.forEach(m -> byId.put(m.id(), m));
            Map<Choix, List<LocalDate>> jours = new HashMap<>();
            for (Choix c : choix) {
                PlanLoader.MissionPlan m = byId.get(c.missionId());
                List<LocalDate> days = m == null ? List.of() : m.commissions().stream()
                        .filter(k -> k.id() == (c.commissionId() == null ? -1 : c.commissionId()) && !k.jours().isEmpty())
                        .findFirst().map(PlanLoader.CommissionPlan::jours).orElse(m.jours());
                jours.put(c, days);
            }
            LocalDate premier = jours.values().stream().flatMap(List::stream).min(Comparator.naturalOrder()).orElse(LocalDate.now());
            LocalDate dernier = jours.values().stream().flatMap(List::stream).max(Comparator.naturalOrder()).orElse(premier);
            Set<Long> ids = new HashSet<>();
            choix.forEach(c -> ids.add(c.personnelId()));
            return PlanLoader.competences(conn, null, ids.toArray(Long[]::new)).compose(competences ->
                    PlanLoader.intervenants(conn, ids, annee, premier, dernier, competences)).map(people -> {
                List<String> raisons = new ArrayList<>();
                List<Poste> retenus = new ArrayList<>();
                for (Choix c : choix) {
                    PlanLoader.MissionPlan m = byId.get(c.missionId());
                    Intervenant person = people.get(c.personnelId());
                    String where = "Mission " + c.numero() + " : " + c.intervenant();
                    if (m == null || person == null) {
                        raisons.add(where + " n'existe plus dans la session.");
                        continue;
                    }
                    BitSet days = PlanLoader.days(jours.get(c), premier);
                    Poste poste = new Poste(c.poste(), c.missionId(), c.commissionId(), m.epreuveOption(), days, List.of(person), Map.of());
                    poste.setIntervenant(person);
                    if (c.commissionId() != null && m.commissions().stream().noneMatch(k -> k.id() == c.commissionId())) {
                        raisons.add(where + " : cette commission n'est pas une commission de la mission.");
                    } else if (m.dejaAffectes().contains(person.id())) {
                        raisons.add(where + " est déjà affecté(e) ou convoqué(e) sur cette mission.");
                    } else if (!person.competent(m.epreuveOption())) {
                        raisons.add(where + " n'a plus la compétence de l'épreuve.");
                    } else if (!person.disponible(days)) {
                        raisons.add(where + " n'est plus disponible à ces dates (indisponibilité, autre affectation ou convocation).");
                    }
                    for (Poste other : retenus) {
                        if (other.getIntervenant().equals(person) && other.chevauche(poste)) {
                            raisons.add(where + " serait affecté(e) deux fois aux mêmes dates.");
                            break;
                        }
                    }
                    retenus.add(poste);
                }
                return raisons;
            });
        });
    }

    /** The designation itself: the qualité the office's list gives the mission's kind of work. */
    private Future<Acceptation> designer(SqlConnection conn, Tenant tenant, String actor, String address, Optional<Long> calculId,
                                         List<Choix> choix) {
        List<Tuple> rows = choix.stream().map(c -> Tuple.of(c.missionId(), c.personnelId(), c.commissionId())).toList();
        return conn.preparedQuery("""
                        insert into affectation (mission_id, personnel_id, qualite, commission_id, statut, auteur)
                        select $1, $2, case t.remuneration when 'ECRIT' then 'Correcteur' when 'ORAL' then 'Examinateur'
                                                         when 'PRATIQUE' then 'Examinateur' when 'JURY' then 'Membre de jury'
                                                         when 'AIDE_EXAMEN' then 'Surveillant' else '' end,
                               $3, 'AFFECTEE', 'ACADEMIE'
                        from mission m join type_mission t on t.code = m.type_code where m.id = $1""").executeBatch(rows)
                .compose(v -> calculId.isEmpty() ? Future.succeededFuture() : conn.preparedQuery("""
                        update affectation_proposition set acceptee_le = now() where calcul_id = $1 and poste = any($2)""")
                        .execute(Tuple.tuple().addLong(calculId.get()).addArrayOfInteger(choix.stream().map(Choix::poste).toArray(Integer[]::new))))
                .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "AFFECTATION_ACCEPTEE",
                        calculId.map(id -> "calcul=" + id).orElse("mission=" + choix.get(0).numero()) + " designations=" + choix.size(),
                        address)))
                .map(v -> new Acceptation.Faite(choix.size()));
    }
}
