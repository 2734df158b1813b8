package fr.education.imagin.convocations;

import fr.education.imagin.frais.FraisService;
import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.list.Keyword;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.missions.MissionService;
import fr.education.imagin.missions.MissionTypeRules;
import fr.education.imagin.plugin.api.Qualites;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Convocation par mission" (guide §4.2): the centre's missions open to its convocations, who is
 * convened to one, and the centre's own convocations created, modified and deleted with the
 * rules of the mission's type read from the académie's plugins at the moment of the request.
 * Every change is one transaction with its audit entry and what the change tells other systems
 * ({@link ConvocationEffects}: SANTORIN, the person's home académie).
 */
public final class MissionConvocationService {

    /** Outcome of a save: done, refused with reasons, or waiting for the user's confirmation. */
    public sealed interface Resultat {
        record Enregistree(List<Long> affectations, int personnes) implements Resultat {
        }

        record Refusee(List<String> erreurs) implements Resultat {
        }

        /** Warnings the user must confirm ("Convoquer malgré tout"); nothing was written. */
        record AConfirmer(List<String> avertissements) implements Resultat {
        }

        /** CONV-8: the "Saisie sur la mission" question must be answered first; nothing was written. */
        record QuestionSurMission() implements Resultat {
        }
    }

    /** One convened intervenant of the mission, as the detail lists them (CONV-2). */
    public record Convoque(long affectation, long personnel, String nom, String prenom, String etablissement,
                           String discipline, String resume, boolean parCentre, boolean traiteGestionnaire, String mail) {
    }

    /** A person the search proposes (CONV-3). */
    public record Intervenant(long id, String nom, String prenom, String etablissement, String discipline) {
    }

    /** An affectation of the centre opened for modification: its person and its form as saved. */
    public record AffectationCentre(long id, Intervenant personne, SaisieConvocation saisie, boolean traiteGestionnaire) {
    }

    public static final String TRAITEE = "Cette convocation ne peut pas être modifiée ni supprimée : le frais qui en résulte"
            + " est en cours de traitement par le service gestionnaire.";

    private static final String MISSION = """
            select m.id, m.numero, m.type_code, t.libelle as type, s.examen_code, x.sigle, s.annee, s.libelle as session_libelle,
                   coalesce(""" + MissionService.SPECIALITE + """
            , '') as specialite, coalesce(""" + MissionService.EPREUVE + """
            , '') as epreuve, m.date_debut, m.date_fin, m.candidats_attendus, m.signature, m.observation_convocation
            from mission m
            join type_mission t on t.code = m.type_code
            join session_examen s on s.id = m.session_id
            join examen x on x.code = s.examen_code
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            left join specialite sp on sp.id = eo.specialite_id
            where m.id = $1""";

    /** A mission the centre {@code $2} may convene to (CONV-1): held there and targeted, or open by default. */
    private static final String MISSION_OF_CENTRE = MISSION
            + " and m.centre_uai = $2 and (m.convocation_etablissement or m.type_code = any($3))";

    /**
     * The days an affectation is planned on (its commission's, else the mission's days, else
     * every day of the mission), from a query whose affectation is {@code a}: what the résumé
     * compares the convened days with, and the days the academy office convenes to.
     */
    static final String JOURS_PREVUS = """
            case when exists (select 1 from commission_jour cj where cj.commission_id = a.commission_id)
                 then array(select cj.jour from commission_jour cj where cj.commission_id = a.commission_id order by cj.jour)
                 when exists (select 1 from mission_jour mj where mj.mission_id = a.mission_id)
                 then array(select mj.jour from mission_jour mj where mj.mission_id = a.mission_id order by mj.jour)
                 else array(select d::date from mission m, generate_series(m.date_debut, m.date_fin, interval '1 day') d
                            where m.id = a.mission_id order by 1) end""";

    private static final String CONVOQUES = """
            select a.id, a.personnel_id, p.nom, p.prenom, p.discipline_poste, a.statut, a.auteur, a.qualite, a.salle,
                   a.observation, c.code as commission, j.code as jury, """ + FraisService.TRAITE + """
                               as traite,
                   coalesce(nullif(p.mail_pro, ''), p.mail_perso) as mail, origine.nom as etablissement, origine.uai,
                   array(select k.jour from affectation_creneau k where k.affectation_id = a.id order by k.jour) as jours,
            """ + JOURS_PREVUS + """
             as jours_prevus
            from affectation a
            join personnel p on p.id = a.personnel_id
            left join commission c on c.id = a.commission_id
            left join jury j on j.id = a.jury_id
            left join lateral (
                select e.nom, e.uai from lieu_exercice le join etablissement e on e.uai = le.uai
                where le.personnel_id = p.id order by le.principal desc, e.nom limit 1) origine on true
            where a.mission_id = $1 and a.statut <> 'AFFECTEE'
            order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu", a.id""";

    private static final String INTERVENANT = """
            select p.id, p.nom, p.prenom, p.discipline_poste, origine.nom as etablissement, origine.uai, p.academie_origine
            from personnel p
            left join lateral (
                select e.nom, e.uai from lieu_exercice le join etablissement e on e.uai = le.uai
                where le.personnel_id = p.id order by le.principal desc, e.nom limit 1) origine on true
            """;

    /** Unavailabilities and other convocations of these persons that overlap the chosen créneaux. */
    private static final String CONFLITS = """
            with c as (select * from unnest($2::date[], $3::time[], $4::time[]) as c(jour, debut, fin))
            select distinct p.nom, p.prenom, 'INDISPONIBLE' as nature, i.debut, i.fin, i.motif, i.origine,
                   coalesce(i.academie_convocation, '') as academie, '' as numero, '' as centre
            from personnel p
            join indisponibilite i on i.personnel_id = p.id
            join c on i.debut < c.jour + c.fin and i.fin > c.jour + c.debut
            where p.id = any($1)
            union
            select distinct p.nom, p.prenom, 'CONVOQUE', k.jour + k.heure_debut, k.jour + k.heure_fin, '', '', '',
                   m.numero, e.nom
            from affectation a
            join personnel p on p.id = a.personnel_id
            join affectation_creneau k on k.affectation_id = a.id
            join c on c.jour = k.jour and k.heure_debut < c.fin and k.heure_fin > c.debut
            join mission m on m.id = a.mission_id
            join etablissement e on e.uai = m.centre_uai
            where a.personnel_id = any($1) and a.statut <> 'AFFECTEE' and a.mission_id <> $5 and a.id <> $6
            order by 1, 2, 4""";

    /** No affectation to leave out of the checks: a creation. */
    static final long NO_AFFECTATION = -1;

    private final TenantSql sql;
    private final MissionTypeRules rules;
    private final AuditTrail audit;
    private final ConvocationEffects effects;

    public MissionConvocationService(TenantSql sql, MissionTypeRules rules, AuditTrail audit, ConvocationEffects effects) {
        this.sql = sql;
        this.rules = rules;
        this.audit = audit;
        this.effects = effects;
    }

    public MissionTypeRules rules() {
        return rules;
    }

    /** The mission if it takes place in {@code uai} and is open to the centre's convocations (CONV-1). */
    public Future<Optional<MissionConvocation>> mission(Tenant tenant, String uai, long missionId) {
        return sql.inTenant(tenant, conn -> mission(conn, tenant, uai, missionId));
    }

    private Future<Optional<MissionConvocation>> mission(SqlConnection conn, Tenant tenant, String uai, long missionId) {
        String[] openByDefault = rules.openForConvocationByDefault(tenant).toArray(String[]::new);
        return conn.preparedQuery(MISSION_OF_CENTRE).execute(Tuple.tuple().addLong(missionId).addString(uai)
                .addArrayOfString(openByDefault)).compose(rows -> withDetails(conn, tenant, missionId, rows));
    }

    /**
     * Any mission of the académie, whatever its centre and whether the establishments convene to
     * it: the academy office's convocations ({@link OfficeConvocationService}), in its transaction.
     */
    Future<Optional<MissionConvocation>> missionOfAcademy(SqlConnection conn, Tenant tenant, long missionId) {
        return conn.preparedQuery(MISSION).execute(Tuple.of(missionId)).compose(rows -> withDetails(conn, tenant, missionId, rows));
    }

    private Future<Optional<MissionConvocation>> withDetails(SqlConnection conn, Tenant tenant, long missionId,
                                                             RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
        }
        Row m = rows.iterator().next();
        return details(conn, missionId).map(d -> Optional.of(toMission(tenant, m, d)));
    }

    private record Details(List<MissionConvocation.Commission> commissions, List<MissionConvocation.Jury> jurys,
                           List<LocalDate> jours, Map<LocalDate, MissionConvocation.Creneau> enregistres) {
    }

    private static Future<Details> details(SqlConnection conn, long missionId) {
        Tuple id = Tuple.of(missionId);
        Future<List<MissionConvocation.Commission>> commissions = conn.preparedQuery("""
                        select c.id, c.code, c.salle, c.nb_candidats,
                               coalesce(array_agg(cj.jour order by cj.jour) filter (where cj.jour is not null), '{}') as jours
                        from commission c left join commission_jour cj on cj.commission_id = c.id
                        where c.mission_id = $1 group by c.id order by c.code""").execute(id)
                .map(rows -> {
                    List<MissionConvocation.Commission> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new MissionConvocation.Commission(r.getLong("id"), r.getString("code"),
                            r.getString("salle"), r.getInteger("nb_candidats"), List.of(r.getArrayOfLocalDates("jours")))));
                    return list;
                });
        Future<List<MissionConvocation.Jury>> jurys = commissions.compose(c -> conn.preparedQuery(
                "select id, code from jury where mission_id = $1 order by code").execute(id).map(rows -> {
                    List<MissionConvocation.Jury> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new MissionConvocation.Jury(r.getLong("id"), r.getString("code"))));
                    return list;
                }));
        // The mission's days as the office set them; a mission without them spans its whole period.
        Future<List<LocalDate>> jours = jurys.compose(j -> conn.preparedQuery("""
                select jour from mission_jour where mission_id = $1
                union
                select d::date from mission m, generate_series(m.date_debut, m.date_fin, interval '1 day') d
                where m.id = $1 and not exists (select 1 from mission_jour where mission_id = $1)
                order by 1""").execute(id).map(rows -> {
                    List<LocalDate> list = new ArrayList<>();
                    rows.forEach(r -> list.add(r.getLocalDate(0)));
                    return list;
                }));
        Future<Map<LocalDate, MissionConvocation.Creneau>> enregistres = jours.compose(j -> conn.preparedQuery(
                "select jour, heure_debut, heure_fin from mission_creneau_convocation where mission_id = $1 order by jour")
                .execute(id).map(rows -> {
                    Map<LocalDate, MissionConvocation.Creneau> map = new LinkedHashMap<>();
                    rows.forEach(r -> map.put(r.getLocalDate(0), new MissionConvocation.Creneau(r.getLocalDate(0),
                            r.getLocalTime(1), r.getLocalTime(2))));
                    return map;
                }));
        return enregistres.map(e -> new Details(commissions.result(), jurys.result(), jours.result(), e));
    }

    private MissionConvocation toMission(Tenant tenant, Row m, Details d) {
        String typeCode = m.getString("type_code");
        return new MissionConvocation(m.getLong("id"), m.getString("numero"), typeCode, m.getString("type"),
                sessionLabel(m), m.getString("sigle"), m.getString("specialite"), m.getString("epreuve"), m.getLocalDate("date_debut"),
                m.getLocalDate("date_fin"), m.getInteger("candidats_attendus"),
                rules.signatureRole(tenant, typeCode, m.getString("signature")), d.commissions(), d.jurys(), d.jours(),
                d.enregistres(), m.getString("observation_convocation"), rules.type(tenant, typeCode));
    }

    /** The session's label is the whole Cyclades label, {@code 470, BCG, 2021 ,BGT 2021} (SPEC vocabulary). */
    static String sessionLabel(Row m) {
        return m.getString("session_libelle");
    }

    /** The convened intervenants of the mission, office's and centre's (CONV-2). */
    public Future<List<Convoque>> convoques(Tenant tenant, long missionId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(CONVOQUES).execute(Tuple.of(missionId))).map(rows -> {
            List<Convoque> list = new ArrayList<>();
            for (Row r : rows) {
                boolean parCentre = "CENTRE".equals(r.getString("auteur")) && "CONVOQUEE_PAR_CENTRE".equals(r.getString("statut"));
                list.add(new Convoque(r.getLong("id"), r.getLong("personnel_id"), r.getString("nom"), r.getString("prenom"),
                        r.getString("etablissement") == null ? "" : r.getString("etablissement") + " (" + r.getString("uai") + ")",
                        r.getString("discipline_poste"), resume(r, parCentre), parCentre, r.getBoolean("traite"),
                        r.getString("mail") == null ? "" : r.getString("mail")));
            }
            return list;
        });
    }

    /** "Convoquée par centre, Correcteur, salle 205, Com. 3GHG, Jury J1, Dates spéc, Obs. spéc" (guide §4.2.2). */
    private static String resume(Row r, boolean parCentre) {
        List<String> parts = new ArrayList<>();
        parts.add(parCentre ? "Convoquée par centre" : "Convoquée");
        Optional.ofNullable(r.getString("qualite")).filter(s -> !s.isBlank()).ifPresent(parts::add);
        Optional.ofNullable(r.getString("salle")).filter(s -> !s.isBlank()).ifPresent(s -> parts.add("salle " + s));
        Optional.ofNullable(r.getString("commission")).ifPresent(c -> parts.add("Com. " + c));
        Optional.ofNullable(r.getString("jury")).ifPresent(j -> parts.add("Jury " + j));
        // Specific dates: convened on days other than all those of the mission (or of its commission).
        LocalDate[] jours = r.getArrayOfLocalDates("jours");
        if (jours.length > 0 && !java.util.Arrays.equals(jours, r.getArrayOfLocalDates("jours_prevus"))) {
            parts.add("Dates spéc");
        }
        if (!r.getString("observation").isBlank()) {
            parts.add("Obs. spéc");
        }
        return String.join(", ", parts);
    }

    /** CONV-3: persons of the académie whose "NOM Prénom" starts with what was typed (at most 20). */
    public Future<List<Intervenant>> rechercher(Tenant tenant, String nomPrenom) {
        String typed = nomPrenom == null ? "" : nomPrenom.strip().replace("\0", "");
        if (typed.length() < 2) {
            return Future.succeededFuture(List.of());
        }
        String pattern = like(Keyword.fold(typed)) + "%";
        return sql.inTenant(tenant, conn -> conn.preparedQuery(INTERVENANT + " where " + Keyword.foldSql("p.nom || ' ' || p.prenom")
                + " like $1 or " + Keyword.foldSql("p.prenom || ' ' || p.nom") + """
                 like $1
                order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu" limit 20""").execute(Tuple.of(pattern)))
                .map(MissionConvocationService::intervenants);
    }

    /** CONV-3: the teachers of establishment {@code uai} whose discipline starts with what was typed. */
    public Future<List<Intervenant>> enseignants(Tenant tenant, String uai, String discipline) {
        String typed = discipline == null ? "" : discipline.strip().replace("\0", "");
        if (typed.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return sql.inTenant(tenant, conn -> conn.preparedQuery(INTERVENANT + """
                where exists (select 1 from lieu_exercice le where le.personnel_id = p.id and le.uai = $1)
                  and\s""" + Keyword.foldSql("p.discipline_poste") + """
                 like $2
                order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu" limit 200""")
                .execute(Tuple.of(uai, like(Keyword.fold(typed)) + "%"))).map(MissionConvocationService::intervenants);
    }

    /** The disciplines of the establishment's staff, for the discipline search's suggestions. */
    public Future<List<String>> disciplines(Tenant tenant, String uai) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                select distinct p.discipline_poste from personnel p join lieu_exercice le on le.personnel_id = p.id
                where le.uai = $1 order by 1""").execute(Tuple.of(uai))).map(rows -> {
            List<String> list = new ArrayList<>();
            rows.forEach(r -> list.add(r.getString(0)));
            return list;
        });
    }

    /** The persons behind these ids (unknown ones are left out), for the form drawn again. */
    public Future<List<Intervenant>> intervenants(Tenant tenant, List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return sql.inTenant(tenant, conn -> conn.preparedQuery(INTERVENANT + """
                where p.id = any($1) order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu\"""")
                .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)))).map(MissionConvocationService::intervenants);
    }

    private static List<Intervenant> intervenants(Iterable<Row> rows) {
        List<Intervenant> list = new ArrayList<>();
        for (Row r : rows) {
            // A person of another académie has no workplace here: the search says where they come from.
            String lieu = r.getString("etablissement") != null ? r.getString("etablissement") + " (" + r.getString("uai") + ")"
                    : r.getString("academie_origine") != null ? "Académie d'origine : " + r.getString("academie_origine") : "";
            list.add(new Intervenant(r.getLong("id"), r.getString("nom"), r.getString("prenom"), lieu, r.getString("discipline_poste")));
        }
        return list;
    }

    private static String like(String typed) {
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** CONV-4: the qualités the office keeps, in its order. */
    public Future<List<String>> qualitesBureau(Tenant tenant) {
        return sql.inTenant(tenant, conn -> conn.query("select libelle from qualite order by rang, libelle").execute())
                .map(rows -> {
                    List<String> list = new ArrayList<>();
                    rows.forEach(r -> list.add(r.getString(0)));
                    return list;
                });
    }

    /** A centre-authored convocation of the mission, for the modification form; empty if none such. */
    public Future<Optional<AffectationCentre>> affectationCentre(Tenant tenant, long missionId, long affectationId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select a.id, a.personnel_id, a.qualite, a.commission_id, a.jury_id, a.salle, a.observation,
                               """ + FraisService.TRAITE + """
                               as traite,
                               array(select k.jour from affectation_creneau k where k.affectation_id = a.id order by k.jour) as jours,
                               array(select k.heure_debut from affectation_creneau k where k.affectation_id = a.id order by k.jour) as debuts,
                               array(select k.heure_fin from affectation_creneau k where k.affectation_id = a.id order by k.jour) as fins
                        from affectation a
                        where a.id = $1 and a.mission_id = $2 and a.auteur = 'CENTRE' and a.statut = 'CONVOQUEE_PAR_CENTRE'""")
                .execute(Tuple.of(affectationId, missionId)).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<AffectationCentre>empty());
                    }
                    Row r = rows.iterator().next();
                    LocalDate[] jours = r.getArrayOfLocalDates("jours");
                    LocalTime[] debuts = r.getArrayOfLocalTimes("debuts");
                    LocalTime[] fins = r.getArrayOfLocalTimes("fins");
                    List<String> joursSaisis = new ArrayList<>();
                    Map<String, SaisieConvocation.Horaire> horaires = new LinkedHashMap<>();
                    for (int i = 0; i < jours.length; i++) {
                        joursSaisis.add(jours[i].toString());
                        horaires.put(jours[i].toString(), new SaisieConvocation.Horaire(FrenchFormats.time(debuts[i]),
                                FrenchFormats.time(fins[i])));
                    }
                    SaisieConvocation saisie = new SaisieConvocation(List.of(String.valueOf(r.getLong("personnel_id"))),
                            r.getString("qualite"), r.getLong("commission_id") == null ? "" : String.valueOf(r.getLong("commission_id")),
                            r.getLong("jury_id") == null ? "" : String.valueOf(r.getLong("jury_id")), r.getString("salle"),
                            r.getString("observation"), joursSaisis, horaires, "", false);
                    boolean traite = r.getBoolean("traite");
                    return conn.preparedQuery(INTERVENANT + " where p.id = $1").execute(Tuple.of(r.getLong("personnel_id")))
                            .map(p -> Optional.of(new AffectationCentre(affectationId, intervenants(p).get(0), saisie, traite)));
                }));
    }

    /**
     * Convenes the persons of the demand (CONV-3…CONV-8) in one transaction: refused with the
     * reasons when a rule says no, held for confirmation when the persons are unavailable or
     * convened elsewhere at the same time, held for the "Saisie sur la mission" answer when the
     * type asks it. {@code surMission} is that answer, when given.
     */
    public Future<Resultat> convoquer(Tenant tenant, String uai, String actor, MissionConvocation mission,
                                      SaisieConvocation.Demande demande, boolean confirmee, Optional<Boolean> surMission) {
        return rules.convocationRefusal(tenant, mission.id()).compose(refusal -> {
            if (refusal.isPresent()) {
                return Future.succeededFuture((Resultat) new Resultat.Refusee(List.of(refusal.get())));
            }
            return sql.inTenant(tenant, conn -> verifier(conn, mission, demande, NO_AFFECTATION).compose(erreurs -> {
                if (!erreurs.isEmpty()) {
                    return Future.succeededFuture((Resultat) new Resultat.Refusee(erreurs));
                }
                return deja(conn, mission.id(), demande.personnels()).compose(deja -> {
                    if (!deja.isEmpty()) {
                        return Future.succeededFuture((Resultat) new Resultat.Refusee(deja));
                    }
                    return avantEnregistrer(conn, mission, demande, NO_AFFECTATION, confirmee, surMission,
                            () -> inserer(conn, tenant, uai, actor, mission, demande, surMission.orElse(false)));
                });
            })).recover(MissionConvocationService::convenedMeanwhile).onSuccess(this::committed);
        });
    }

    /**
     * Two tabs or a double click can both pass the "already convened" check: the unique key of
     * (mission, person) refuses the second, whose transaction is rolled back, and it says so.
     */
    private static Future<Resultat> convenedMeanwhile(Throwable failure) {
        if (failure instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
            return Future.succeededFuture(new Resultat.Refusee(List.of(
                    "Cette personne vient d'être convoquée sur cette mission (autre onglet ou double clic) : rien n'a été enregistré.")));
        }
        return Future.failedFuture(failure);
    }

    /** Modifies a centre-authored convocation (CONV-2), with the same rules as its creation. */
    public Future<Resultat> modifier(Tenant tenant, String uai, String actor, MissionConvocation mission, long affectationId,
                                     SaisieConvocation.Demande demande, boolean confirmee, Optional<Boolean> surMission) {
        return rules.convocationRefusal(tenant, mission.id()).compose(refusal -> refusal.isPresent()
                ? Future.succeededFuture(new Resultat.Refusee(List.of(refusal.get())))
                : modifierAutorise(tenant, uai, actor, mission, affectationId, demande, confirmee, surMission));
    }

    private Future<Resultat> modifierAutorise(Tenant tenant, String uai, String actor, MissionConvocation mission, long affectationId,
                                              SaisieConvocation.Demande demande, boolean confirmee, Optional<Boolean> surMission) {
        return sql.inTenant(tenant, conn -> centreAffectation(conn, mission.id(), affectationId).compose(state -> {
            Optional<Resultat> refus = nonModifiable(state);
            if (refus.isPresent()) {
                return Future.succeededFuture(refus.get());
            }
            SaisieConvocation.Demande pourLaPersonne = new SaisieConvocation.Demande(List.of(state.get().personnel()),
                    demande.qualite(), demande.commissionId(), demande.juryId(), demande.salle(), demande.observation(),
                    demande.creneaux());
            return verifier(conn, mission, pourLaPersonne, affectationId).compose(erreurs -> !erreurs.isEmpty()
                    ? Future.succeededFuture((Resultat) new Resultat.Refusee(erreurs))
                    : avantEnregistrer(conn, mission, pourLaPersonne, affectationId, confirmee, surMission,
                    () -> mettreAJour(conn, tenant, uai, actor, mission, affectationId, pourLaPersonne, surMission.orElse(false))));
        })).onSuccess(this::committed);
    }

    /** Deletes a centre-authored convocation unless its expense is being processed (CONV-2). */
    public Future<Resultat> supprimer(Tenant tenant, String actor, MissionConvocation mission, long affectationId) {
        return sql.inTenant(tenant, conn -> centreAffectation(conn, mission.id(), affectationId).compose(state -> {
            Optional<Resultat> refus = nonModifiable(state);
            if (refus.isPresent()) {
                return Future.succeededFuture(refus.get());
            }
            return effects.beforeDelete(conn, tenant, affectationId)
                    .compose(v -> conn.preparedQuery("delete from affectation where id = $1").execute(Tuple.of(affectationId)))
                    .compose(v -> effects.afterChange(conn, tenant, mission, List.of()))
                    .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "CONVOCATION_SUPPRIMEE",
                            "mission=" + mission.numero() + " affectation=" + affectationId + " personnel=" + state.get().personnel(), null)))
                    .map(v -> (Resultat) new Resultat.Enregistree(List.of(affectationId), 1));
        })).onSuccess(this::committed);
    }

    /** CONV-2: only the centre's own convocations, and not once their expense is being processed. */
    private static Optional<Resultat> nonModifiable(Optional<EtatAffectation> state) {
        if (state.isEmpty()) {
            return Optional.of(new Resultat.Refusee(List.of("Cette convocation n'est pas une convocation de votre centre sur cette mission.")));
        }
        return state.get().traite() ? Optional.of(new Resultat.Refusee(List.of(TRAITEE))) : Optional.empty();
    }

    private void committed(Resultat resultat) {
        if (resultat instanceof Resultat.Enregistree) {
            effects.afterCommit();
        }
    }

    private record EtatAffectation(long personnel, boolean traite) {
    }

    private static Future<Optional<EtatAffectation>> centreAffectation(SqlConnection conn, long missionId, long affectationId) {
        return conn.preparedQuery("""
                        select a.personnel_id, """ + FraisService.TRAITE + """
                               as traite
                        from affectation a
                        where a.id = $1 and a.mission_id = $2 and a.auteur = 'CENTRE' and a.statut = 'CONVOQUEE_PAR_CENTRE'
                        for update of a""")
                .execute(Tuple.of(affectationId, missionId)).map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new EtatAffectation(rows.iterator().next().getLong(0), rows.iterator().next().getBoolean(1))));
    }


    /** Rules that need the database: the persons exist, the qualité is on the office's list. */
    private static Future<List<String>> verifier(SqlConnection conn, MissionConvocation mission,
                                                 SaisieConvocation.Demande demande, long affectationId) {
        Long[] ids = demande.personnels().toArray(Long[]::new);
        return conn.preparedQuery("select id from personnel where id = any($1)").execute(Tuple.tuple().addArrayOfLong(ids)).compose(rows -> {
            List<String> erreurs = new ArrayList<>();
            Set<Long> found = new LinkedHashSet<>();
            rows.forEach(r -> found.add(r.getLong(0)));
            for (Long id : demande.personnels()) {
                if (!found.contains(id)) {
                    erreurs.add("Intervenant inconnu (n° " + id + ") : contactez le gestionnaire IMAG'IN de l'académie.");
                }
            }
            if (mission.qualites().source() != Qualites.Source.OFFICE_LIST || demande.qualite().isEmpty()) {
                return Future.succeededFuture(erreurs);
            }
            return conn.preparedQuery("select 1 from qualite where libelle = $1").execute(Tuple.of(demande.qualite()))
                    .map(q -> {
                        if (q.size() == 0) {
                            erreurs.add("La qualité « " + demande.qualite() + " » n'est pas dans la liste du service gestionnaire.");
                        }
                        return erreurs;
                    });
        });
    }

    /** A person has one affectation per mission: convening them again is a modification. */
    private static Future<List<String>> deja(SqlConnection conn, long missionId, List<Long> personnels) {
        return conn.preparedQuery("""
                        select p.nom, p.prenom, a.statut, a.auteur from affectation a join personnel p on p.id = a.personnel_id
                        where a.mission_id = $1 and a.personnel_id = any($2) order by p.nom, p.prenom""")
                .execute(Tuple.tuple().addLong(missionId).addArrayOfLong(personnels.toArray(Long[]::new))).map(rows -> {
                    List<String> erreurs = new ArrayList<>();
                    for (Row r : rows) {
                        String who = r.getString("nom") + " " + r.getString("prenom");
                        erreurs.add("AFFECTEE".equals(r.getString("statut"))
                                ? who + " est déjà affecté(e) à cette mission par le service gestionnaire : contactez-le."
                                : "ACADEMIE".equals(r.getString("auteur"))
                                ? who + " est déjà convoqué(e) sur cette mission par le service gestionnaire : contactez-le pour toute modification."
                                : who + " est déjà convoqué(e) sur cette mission : modifiez sa convocation.");
                    }
                    return erreurs;
                });
    }

    private Future<Resultat> avantEnregistrer(SqlConnection conn, MissionConvocation mission, SaisieConvocation.Demande demande,
                                              long affectationId, boolean confirmee, Optional<Boolean> surMission,
                                              java.util.function.Supplier<Future<Resultat>> enregistrer) {
        Future<List<String>> avertissements = confirmee ? Future.succeededFuture(List.of())
                : conflits(conn, mission.id(), demande, affectationId);
        return avertissements.compose(warnings -> {
            if (!warnings.isEmpty()) {
                return Future.succeededFuture((Resultat) new Resultat.AConfirmer(warnings));
            }
            if (surMission.isEmpty() && SaisieConvocation.demandeSaisieSurMission(mission, demande)) {
                return Future.succeededFuture((Resultat) new Resultat.QuestionSurMission());
            }
            return enregistrer.get();
        });
    }

    /** What the screen says before saving (README: these warn, and are saved once confirmed). */
    private static Future<List<String>> conflits(SqlConnection conn, long missionId, SaisieConvocation.Demande demande,
                                                 long affectationId) {
        return conflits(conn, missionId, demande.personnels(), demande.creneaux(), affectationId);
    }

    /**
     * The warnings convening {@code personnels} on {@code creneaux} of mission {@code missionId}
     * earns: their unavailabilities (a convocation by another académie included) and their other
     * convocations in this académie overlapping those times; the mission's own affectations and
     * {@code affectationId} are left out. The centre's form and the office's convocations ask it.
     */
    static Future<List<String>> conflits(SqlConnection conn, long missionId, List<Long> personnels,
                                         List<MissionConvocation.Creneau> creneaux, long affectationId) {
        LocalDate[] jours = creneaux.stream().map(MissionConvocation.Creneau::jour).toArray(LocalDate[]::new);
        LocalTime[] debuts = creneaux.stream().map(MissionConvocation.Creneau::debut).toArray(LocalTime[]::new);
        LocalTime[] fins = creneaux.stream().map(MissionConvocation.Creneau::fin).toArray(LocalTime[]::new);
        return conn.preparedQuery(CONFLITS).execute(Tuple.tuple().addArrayOfLong(personnels.toArray(Long[]::new))
                .addArrayOfLocalDate(jours).addArrayOfLocalTime(debuts).addArrayOfLocalTime(fins).addLong(missionId)
                .addLong(affectationId)).map(rows -> {
            List<String> warnings = new ArrayList<>();
            for (Row r : rows) {
                String who = r.getString("nom") + " " + r.getString("prenom");
                LocalDateTime debut = r.getLocalDateTime("debut");
                LocalDateTime fin = r.getLocalDateTime("fin");
                String periode = "du " + FrenchFormats.dateTime(debut) + " au " + FrenchFormats.dateTime(fin);
                if ("CONVOQUE".equals(r.getString("nature"))) {
                    warnings.add(who + " est déjà convoqué(e) le " + FrenchFormats.date(debut.toLocalDate()) + " de "
                            + FrenchFormats.time(debut.toLocalTime()) + " à " + FrenchFormats.time(fin.toLocalTime())
                            + " (mission n° " + r.getString("numero") + ", " + r.getString("centre") + ").");
                } else if ("AUTRE_ACADEMIE".equals(r.getString("origine"))) {
                    warnings.add(who + " est convoqué(e) par une autre académie (" + r.getString("academie") + ") "
                            + periode + ".");
                } else {
                    warnings.add(who + " est indisponible " + periode + " (" + r.getString("motif") + ").");
                }
            }
            return warnings;
        });
    }

    private Future<Resultat> inserer(SqlConnection conn, Tenant tenant, String uai, String actor, MissionConvocation mission,
                                     SaisieConvocation.Demande demande, boolean surMission) {
        List<Tuple> rows = demande.personnels().stream().map(p -> Tuple.of(mission.id(), p, demande.qualite(),
                demande.commissionId().orElse(null), demande.juryId().orElse(null), demande.salle(), demande.observation())).toList();
        List<Long> ids = new ArrayList<>();
        return conn.preparedQuery("""
                        insert into affectation (mission_id, personnel_id, qualite, commission_id, jury_id, salle, observation,
                                                 statut, auteur, convoquee_le)
                        values ($1, $2, $3, $4, $5, $6, $7, 'CONVOQUEE_PAR_CENTRE', 'CENTRE', now()) returning id""")
                .executeBatch(rows).compose(result -> {
                    for (var set = result; set != null; set = set.next()) {
                        set.forEach(r -> ids.add(r.getLong(0)));
                    }
                    return creneaux(conn, ids, demande.creneaux());
                })
                .compose(v -> surMission ? enregistrerSurMission(conn, mission, demande) : Future.succeededFuture())
                .compose(v -> effects.afterChange(conn, tenant, mission, ids))
                .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "CONVOCATION_CREEE",
                        "centre=" + uai + " mission=" + mission.numero() + " affectations=" + ids, null)))
                .map(v -> (Resultat) new Resultat.Enregistree(List.copyOf(ids), ids.size()));
    }

    private Future<Resultat> mettreAJour(SqlConnection conn, Tenant tenant, String uai, String actor, MissionConvocation mission,
                                         long affectationId, SaisieConvocation.Demande demande, boolean surMission) {
        return conn.preparedQuery("""
                        update affectation set qualite = $2, commission_id = $3, jury_id = $4, salle = $5, observation = $6,
                                               convoquee_le = now()
                        where id = $1""")
                .execute(Tuple.of(affectationId, demande.qualite(), demande.commissionId().orElse(null),
                        demande.juryId().orElse(null), demande.salle(), demande.observation()))
                .compose(v -> conn.preparedQuery("delete from affectation_creneau where affectation_id = $1").execute(Tuple.of(affectationId)))
                .compose(v -> creneaux(conn, List.of(affectationId), demande.creneaux()))
                .compose(v -> surMission ? enregistrerSurMission(conn, mission, demande) : Future.succeededFuture())
                .compose(v -> effects.afterChange(conn, tenant, mission, List.of(affectationId)))
                .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "CONVOCATION_MODIFIEE",
                        "centre=" + uai + " mission=" + mission.numero() + " affectation=" + affectationId, null)))
                .map(v -> (Resultat) new Resultat.Enregistree(List.of(affectationId), 1));
    }

    private static Future<Void> creneaux(SqlConnection conn, List<Long> affectations, List<MissionConvocation.Creneau> creneaux) {
        List<Tuple> rows = new ArrayList<>();
        for (Long a : affectations) {
            for (MissionConvocation.Creneau c : creneaux) {
                rows.add(Tuple.of(a, c.jour(), c.debut(), c.fin()));
            }
        }
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        return conn.preparedQuery("insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin) values ($1, $2, $3, $4)")
                .executeBatch(rows).mapEmpty();
    }

    /** CONV-8 "Oui": the dates and the observation become the mission's defaults for the next convocations. */
    private static Future<Void> enregistrerSurMission(SqlConnection conn, MissionConvocation mission, SaisieConvocation.Demande demande) {
        List<Tuple> rows = demande.creneaux().stream().map(c -> Tuple.of(mission.id(), c.jour(), c.debut(), c.fin())).toList();
        return conn.preparedQuery("delete from mission_creneau_convocation where mission_id = $1").execute(Tuple.of(mission.id()))
                .compose(v -> conn.preparedQuery("update mission set observation_convocation = $2 where id = $1")
                        .execute(Tuple.of(mission.id(), demande.observation())))
                .compose(v -> conn.preparedQuery("""
                        insert into mission_creneau_convocation (mission_id, jour, heure_debut, heure_fin)
                        values ($1, $2, $3, $4)""").executeBatch(rows))
                .mapEmpty();
    }
}
