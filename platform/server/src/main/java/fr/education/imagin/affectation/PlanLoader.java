package fr.education.imagin.affectation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the affectation of an exam session needs from the académie's schema: its missions
 * and their places, and the people who may fill them with their compétences, workplaces, busy
 * days and load. Set-based queries, a handful per session whatever its size.
 */
final class PlanLoader {

    /** A mission of the session as the plan sees it. */
    record MissionPlan(long id, String numero, Long epreuveOption, String centre, Position position, Integer requis,
                       List<LocalDate> jours, int dejaSansCommission, List<CommissionPlan> commissions, Set<Long> dejaAffectes) {
    }

    record CommissionPlan(long id, String code, List<LocalDate> jours, int deja) {
    }

    /** What the session's page says about it before any run. */
    record Bilan(int missions, int sansNombreRequis, int postes) {
    }

    private static final String MISSIONS = """
            select m.id, m.numero, m.epreuve_option_id, m.centre_uai, e.latitude, e.longitude, m.intervenants_requis,
                   case when exists (select 1 from mission_jour mj where mj.mission_id = m.id)
                        then array(select mj.jour from mission_jour mj where mj.mission_id = m.id order by mj.jour)
                        else array(select d::date from generate_series(m.date_debut, m.date_fin, interval '1 day') d) end as jours,
                   (select count(*) from affectation a where a.mission_id = m.id and a.commission_id is null)::int as deja,
                   array(select a.personnel_id from affectation a where a.mission_id = m.id) as affectes
            from mission m
            join etablissement e on e.uai = m.centre_uai
            where m.session_id = $1
            order by m.numero""";

    private static final String COMMISSIONS = """
            select c.id, c.mission_id, c.code,
                   array(select cj.jour from commission_jour cj where cj.commission_id = c.id order by cj.jour) as jours,
                   (select count(*) from affectation a where a.commission_id = c.id)::int as deja
            from commission c
            join mission m on m.id = c.mission_id
            where m.session_id = $1
            order by c.mission_id, c.code""";

    /** COMP-2/3: competent when some author says (C) and none says (I); for these épreuves, or these people. */
    private static final String COMPETENCES = """
            select personnel_id, epreuve_option_id
            from competence_auteur
            where ($1::bigint[] is null or epreuve_option_id = any($1)) and ($2::bigint[] is null or personnel_id = any($2))
            group by personnel_id, epreuve_option_id
            having bool_or(avis = 'C') and not bool_or(avis = 'I')""";

    /** Missions without épreuve-option (numérisation, jury) take the centre's own staff. */
    private static final String PERSONNELS_DES_CENTRES = "select personnel_id, uai from lieu_exercice where uai = any($1)";

    private static final String PERSONNES = """
            select p.id, p.nom, p.prenom, coalesce(le.uai, '') as uai, e.latitude, e.longitude, coalesce(ch.n, 0)::int as charge
            from personnel p
            left join lieu_exercice le on le.personnel_id = p.id and le.principal
            left join etablissement e on e.uai = le.uai
            left join (select a.personnel_id, count(*) as n
                       from affectation a
                       join mission m on m.id = a.mission_id
                       join session_examen s on s.id = m.session_id
                       where s.annee = $2 and a.personnel_id = any($1)
                       group by a.personnel_id) ch on ch.personnel_id = p.id
            where p.id = any($1)""";

    /**
     * The days each person is already taken between $2 and $3: unavailabilities (those another
     * académie's convocations left included), and every affectation here on its créneaux, else its
     * commission's days, else its mission's days.
     */
    private static final String OCCUPATIONS = """
            select i.personnel_id, greatest(i.debut::date, $2) as du, least((i.fin - interval '1 second')::date, $3) as au
            from indisponibilite i
            where i.personnel_id = any($1) and i.debut < $3 + 1 and i.fin > $2
            union all
            select a.personnel_id, d.jour, d.jour
            from affectation a
            join mission m on m.id = a.mission_id
            cross join lateral (
                select k.jour from affectation_creneau k where k.affectation_id = a.id
                union all
                select cj.jour from commission_jour cj
                where cj.commission_id = a.commission_id
                  and not exists (select 1 from affectation_creneau k where k.affectation_id = a.id)
                union all
                select mj.jour from mission_jour mj
                where mj.mission_id = a.mission_id
                  and not exists (select 1 from affectation_creneau k where k.affectation_id = a.id)
                  and not exists (select 1 from commission_jour cj where cj.commission_id = a.commission_id)
                union all
                select g::date from generate_series(m.date_debut, m.date_fin, interval '1 day') g
                where not exists (select 1 from affectation_creneau k where k.affectation_id = a.id)
                  and not exists (select 1 from commission_jour cj where cj.commission_id = a.commission_id)
                  and not exists (select 1 from mission_jour mj where mj.mission_id = a.mission_id)) d
            where a.personnel_id = any($1) and m.date_fin >= $2 and m.date_debut <= $3 and d.jour between $2 and $3""";

    private PlanLoader() {
    }

    static Future<List<MissionPlan>> missions(SqlConnection conn, long sessionId) {
        Tuple id = Tuple.of(sessionId);
        return conn.preparedQuery(COMMISSIONS).execute(id).compose(commissionRows -> {
            Map<Long, List<CommissionPlan>> commissions = new HashMap<>();
            for (Row r : commissionRows) {
                commissions.computeIfAbsent(r.getLong("mission_id"), k -> new ArrayList<>()).add(new CommissionPlan(r.getLong("id"),
                        r.getString("code"), List.of(r.getArrayOfLocalDates("jours")), r.getInteger("deja")));
            }
            return conn.preparedQuery(MISSIONS).execute(id).map(rows -> {
                List<MissionPlan> missions = new ArrayList<>();
                for (Row r : rows) {
                    Set<Long> affectes = new HashSet<>(List.of(r.getArrayOfLongs("affectes")));
                    missions.add(new MissionPlan(r.getLong("id"), r.getString("numero"), r.getLong("epreuve_option_id"),
                            r.getString("centre_uai"), position(r), r.getInteger("intervenants_requis"),
                            List.of(r.getArrayOfLocalDates("jours")), r.getInteger("deja"),
                            commissions.getOrDefault(r.getLong("id"), List.of()), affectes));
                }
                return missions;
            });
        });
    }

    private static Position position(Row r) {
        Double latitude = r.getDouble("latitude");
        Double longitude = r.getDouble("longitude");
        return latitude == null || longitude == null ? null : new Position(latitude, longitude);
    }

    /** The places a mission still has to fill, one per seat; see {@link Places}. */
    static List<Places.Place> places(MissionPlan mission) {
        return Places.of(mission);
    }

    static Bilan bilan(List<MissionPlan> missions) {
        int sansNombre = 0;
        int postes = 0;
        for (MissionPlan m : missions) {
            if (m.requis() == null && m.commissions().isEmpty()) {
                sansNombre++;
            }
            postes += places(m).size();
        }
        return new Bilan(missions.size(), sansNombre, postes);
    }

    /** The whole plan of a session: its places, each with its candidates, nearest first. */
    static Future<PlanAffectation> plan(SqlConnection conn, long sessionId, int annee, int candidatsMax) {
        return missions(conn, sessionId).compose(missions -> {
            List<Places.Place> places = new ArrayList<>();
            missions.forEach(m -> places.addAll(places(m)));
            if (places.isEmpty()) {
                return Future.succeededFuture(new PlanAffectation(LocalDate.now(), List.of(), List.of()));
            }
            LocalDate premier = places.stream().flatMap(p -> p.jours().stream()).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate dernier = places.stream().flatMap(p -> p.jours().stream()).max(Comparator.naturalOrder()).orElseThrow();
            return people(conn, missions, annee, premier, dernier).map(people -> build(places, people, premier, candidatsMax));
        });
    }

    /**
     * The plan of these places: each place gets as candidates the people competent for its
     * épreuve (or working in its centre when it has none), free on its days and not already on
     * its mission, nearest first then least loaded, at most {@code candidatsMax} of them.
     */
    static PlanAffectation build(List<Places.Place> places, People people, LocalDate premier, int candidatsMax) {
        List<Poste> postes = new ArrayList<>();
        int numero = 0;
        for (Places.Place place : places) {
            MissionPlan mission = place.mission();
            BitSet jours = days(place.jours(), premier);
            List<Intervenant> pool = mission.epreuveOption() == null
                    ? people.byCentre().getOrDefault(mission.centre(), List.of())
                    : people.byEpreuve().getOrDefault(mission.epreuveOption(), List.of());
            Map<Long, Integer> distances = new HashMap<>();
            List<Intervenant> candidats = new ArrayList<>();
            for (Intervenant person : pool) {
                if (mission.dejaAffectes().contains(person.id()) || !person.disponible(jours)) {
                    continue;
                }
                candidats.add(person);
                Optional<Position> from = person.position();
                if (from.isPresent() && mission.position() != null) {
                    distances.put(person.id(), from.get().kilometresTo(mission.position()));
                }
            }
            candidats.sort(Comparator.<Intervenant>comparingInt(p -> distances.getOrDefault(p.id(), Poste.DISTANCE_INCONNUE))
                    .thenComparingInt(Intervenant::charge).thenComparingLong(Intervenant::id));
            List<Intervenant> kept = List.copyOf(candidats.subList(0, Math.min(candidatsMax, candidats.size())));
            distances.keySet().retainAll(kept.stream().map(Intervenant::id).toList());
            postes.add(new Poste(numero++, mission.id(), place.commissionId(), mission.epreuveOption(), jours, kept, distances));
        }
        return new PlanAffectation(premier, people.all(), postes);
    }

    static BitSet days(List<LocalDate> jours, LocalDate premier) {
        BitSet bits = new BitSet();
        for (LocalDate jour : jours) {
            long index = jour.toEpochDay() - premier.toEpochDay();
            if (index >= 0) {
                bits.set((int) index);
            }
        }
        return bits;
    }

    /** The people of a plan, indexed the two ways places look for candidates. */
    record People(List<Intervenant> all, Map<Long, List<Intervenant>> byEpreuve, Map<String, List<Intervenant>> byCentre) {
    }

    static Future<People> people(SqlConnection conn, List<MissionPlan> missions, int annee, LocalDate premier,
                                         LocalDate dernier) {
        Long[] epreuves = missions.stream().map(MissionPlan::epreuveOption).filter(e -> e != null).distinct().toArray(Long[]::new);
        String[] centres = missions.stream().filter(m -> m.epreuveOption() == null).map(MissionPlan::centre).distinct()
                .toArray(String[]::new);
        Map<Long, Set<Long>> competences = new HashMap<>();
        Map<String, Set<Long>> centreStaff = new HashMap<>();
        return competences(conn, epreuves, null).compose(found -> {
            competences.putAll(found);
            return conn.preparedQuery(PERSONNELS_DES_CENTRES).execute(Tuple.tuple().addArrayOfString(centres));
        }).compose(rows -> {
            rows.forEach(r -> centreStaff.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getLong(0)));
            Set<Long> ids = new HashSet<>(competences.keySet());
            centreStaff.values().forEach(ids::addAll);
            return intervenants(conn, ids, annee, premier, dernier, competences);
        }).map(all -> {
            Map<Long, List<Intervenant>> byEpreuve = new HashMap<>();
            Map<String, List<Intervenant>> byCentre = new HashMap<>();
            for (Intervenant person : all.values()) {
                for (Long epreuve : competences.getOrDefault(person.id(), Set.of())) {
                    byEpreuve.computeIfAbsent(epreuve, k -> new ArrayList<>()).add(person);
                }
            }
            centreStaff.forEach((uai, staff) -> byCentre.put(uai, staff.stream().map(all::get).toList()));
            return new People(List.copyOf(all.values()), byEpreuve, byCentre);
        });
    }

    /** Person → the épreuve-options they are competent for, among these épreuves or of these people (null: any). */
    static Future<Map<Long, Set<Long>>> competences(SqlConnection conn, Long[] epreuves, Long[] personnes) {
        return conn.preparedQuery(COMPETENCES).execute(Tuple.tuple().addArrayOfLong(epreuves).addArrayOfLong(personnes)).map(rows -> {
            Map<Long, Set<Long>> map = new HashMap<>();
            rows.forEach(r -> map.computeIfAbsent(r.getLong(0), k -> new HashSet<>()).add(r.getLong(1)));
            return map;
        });
    }

    /** These people with their workplace, load of the year and busy days between the two dates. */
    static Future<Map<Long, Intervenant>> intervenants(SqlConnection conn, Set<Long> ids, int annee, LocalDate premier,
                                                        LocalDate dernier, Map<Long, Set<Long>> competences) {
        Long[] array = ids.toArray(Long[]::new);
        Map<Long, BitSet> occupe = new HashMap<>();
        return conn.preparedQuery(OCCUPATIONS).execute(Tuple.tuple().addArrayOfLong(array).addLocalDate(premier).addLocalDate(dernier))
                .compose(rows -> {
                    for (Row r : rows) {
                        long from = r.getLocalDate("du").toEpochDay() - premier.toEpochDay();
                        long to = r.getLocalDate("au").toEpochDay() - premier.toEpochDay();
                        if (to >= from) {
                            occupe.computeIfAbsent(r.getLong("personnel_id"), k -> new BitSet()).set((int) from, (int) to + 1);
                        }
                    }
                    return conn.preparedQuery(PERSONNES).execute(Tuple.tuple().addArrayOfLong(array).addInteger(annee));
                }).map(rows -> {
                    Map<Long, Intervenant> people = new LinkedHashMap<>();
                    for (Row r : rows) {
                        long id = r.getLong("id");
                        people.put(id, new Intervenant(id, r.getString("nom"), r.getString("prenom"), r.getString("uai"), position(r),
                                Set.copyOf(competences.getOrDefault(id, Set.of())), occupe.getOrDefault(id, new BitSet()),
                                r.getInteger("charge")));
                    }
                    return people;
                });
    }
}
