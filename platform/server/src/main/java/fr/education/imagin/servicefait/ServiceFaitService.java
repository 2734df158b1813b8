package fr.education.imagin.servicefait;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.frais.FraisService;
import fr.education.imagin.missions.MissionService;
import fr.education.imagin.missions.MissionTypeRules;
import fr.education.imagin.plugin.api.MissionType;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Constat de service fait (guide §4.3, CSF-1…CSF-5, EC-4): which missions it applies to, their
 * state, the convened intervenants with their constat, and the one method that records constats
 * (the centre's screen, the office's screen and SANTORIN's import all call {@link #enregistrer}).
 * Every save is one transaction: the constats, their expenses ({@link FraisService}) and the audit
 * entry; a single refused row refuses all of them.
 */
public final class ServiceFaitService {

    /** Who records a constat (column {@code service_fait.origine}). */
    public enum Origine { CENTRE, ACADEMIE, SANTORIN }

    /** The state of a mission for the CSF (guide §4.3). */
    public enum Etat {
        NON_EFFECTUEE("Mission non effectuée"),
        COMMENCEE("Mission commencée"),
        EFFECTUEE("Mission effectuée"),
        CONSTATEE("Mission constatée");

        private final String libelle;

        Etat(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /** What the user asks for one intervenant. */
    public enum Action { FAIT, NON_FAIT, ANNULER }

    /** The exams the CSF does not concern (guide §4.3: concours and the DCS exam). */
    static final String FAMILLES_EXCLUES = " x.famille not in ('CONCOURS', 'DCS') ";

    /**
     * SQL of a mission's state, over {@code mission m} and {@code type_mission t}, {@code today}
     * being a bound date. A mission is done once its last day is reached (the centre records at
     * the end of that day); a practical one (PRATIQUE) is "commencée" from its first day until
     * then, and its hours may be entered. Constatée: at least one convened person, and every
     * convened person (CONVOQUEE or CONVOQUEE_PAR_CENTRE) has a constat.
     */
    static String etatSql(String today) {
        return " " + """
                case when m.date_debut > %1$s then 'NON_EFFECTUEE'
                     when m.date_fin > %1$s and t.remuneration = 'PRATIQUE' then 'COMMENCEE'
                     when m.date_fin > %1$s then 'NON_EFFECTUEE'
                     when exists (select 1 from affectation ae where ae.mission_id = m.id and ae.statut <> 'AFFECTEE')
                      and not exists (select 1 from affectation ae where ae.mission_id = m.id and ae.statut <> 'AFFECTEE'
                                      and not exists (select 1 from service_fait sfe where sfe.affectation_id = ae.id))
                     then 'CONSTATEE'
                     else 'EFFECTUEE' end""".formatted(today).replace('\n', ' ') + " ";
    }

    /** A mission as the CSF screens show it. */
    public record Mission(long id, String numero, String typeCode, String type, String remuneration, boolean secondGroupe,
                          String session, String specialite, String epreuve, LocalDate debut, LocalDate fin,
                          String centreUai, String centreNom, int candidatsAttendus, boolean ouvreDroit, Etat etat,
                          List<LocalDate> jours) {

        /** Whether constats may be recorded now: done missions, and practical ones once begun. */
        public boolean saisieOuverte() {
            return etat == Etat.EFFECTUEE || etat == Etat.CONSTATEE
                    || etat == Etat.COMMENCEE && "PRATIQUE".equals(remuneration);
        }
    }

    /** One half-day pair of a day of presence (PRATIQUE). */
    public record Horaire(LocalDate jour, LocalTime matinDebut, LocalTime matinFin, LocalTime apresMidiDebut,
                          LocalTime apresMidiFin) {

        BigDecimal heures() {
            long minutes = 0;
            if (matinDebut != null && matinFin != null) {
                minutes += java.time.Duration.between(matinDebut, matinFin).toMinutes();
            }
            if (apresMidiDebut != null && apresMidiFin != null) {
                minutes += java.time.Duration.between(apresMidiDebut, apresMidiFin).toMinutes();
            }
            return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
        }
    }

    /** The constat recorded for one intervenant. */
    public record Constat(boolean fait, String motif, Integer nbCopies, Integer candidatsExamines, BigDecimal heures,
                          String origine) {
    }

    /** A convened intervenant and their constat (empty when none). */
    public record Intervenant(long affectation, String numen, String nom, String prenom, String etablissement,
                              String telephone, int candidatsInscrits, boolean traite, Optional<Constat> constat,
                              List<Horaire> horaires) {

        String libelle() {
            return nom + " " + prenom;
        }

        BigDecimal heuresHoraires() {
            return horaires.stream().map(Horaire::heures).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * What is asked for one intervenant, as typed: {@code quantite} is the number of copies,
     * candidates or hours according to the mission's remuneration; {@code horaires} the days of
     * presence of a practical mission when the hours page sends them (null: keep the saved ones).
     * {@code libelle} names the row in the messages ("DUPONT Marie", "Ligne 3").
     */
    public record Demande(long affectation, Action action, String quantite, String motif, List<Horaire> horaires,
                          String libelle) {
    }

    /** The answer to a save: the refusals (nothing written) or how many constats were recorded. */
    public record Resultat(List<Refus> refus, int enregistres) {

        public boolean ok() {
            return refus.isEmpty();
        }

        public List<String> erreurs() {
            return refus.stream().map(Refus::message).toList();
        }
    }

    /** Why one demande was refused ({@code affectation} -1 when it is not about a row). */
    public record Refus(long affectation, String message) {
    }

    static final int COPIES_MAX = 999;
    static final int CANDIDATS_MAX = 9999;
    static final BigDecimal HEURES_MAX = new BigDecimal("999.99");
    static final int MOTIF_MAX = 500;

    private static final String MISSION = """
            select m.id, m.numero, m.type_code, t.libelle as type, t.remuneration,
                   t.second_groupe and x.famille in ('BAC_GENERAL', 'BAC_TECHNO') as second_groupe,
                   s.libelle as session, coalesce(""" + MissionService.SPECIALITE + """
            , '') as specialite, coalesce(""" + MissionService.EPREUVE + """
            , '') as epreuve, m.date_debut, m.date_fin, m.centre_uai, centre.nom as centre_nom,
                   m.candidats_attendus, m.ouvre_droit_remuneration, """ + etatSql("$3::date") + """
             as etat,
                   case when exists (select 1 from mission_jour mj where mj.mission_id = m.id)
                        then array(select mj.jour from mission_jour mj where mj.mission_id = m.id order by mj.jour)
                        else array(select d::date from generate_series(m.date_debut, m.date_fin, interval '1 day') d order by 1)
                   end as jours
            from mission m
            join type_mission t on t.code = m.type_code
            join session_examen s on s.id = m.session_id
            join examen x on x.code = s.examen_code
            join etablissement centre on centre.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            left join specialite sp on sp.id = eo.specialite_id
            where %s and ($2::text is null or m.centre_uai = $2) and m.type_code <> all($4::text[])
              and """ + FAMILLES_EXCLUES;

    /**
     * The convened intervenants. "Candidats inscrits": the candidates of the intervenant's
     * commission when they sit on one (the office's count per commission, the closest to what
     * they examined or corrected), else the mission's expected candidates from Cyclades
     * ({@code mission.candidats_attendus}).
     */
    private static final String INTERVENANTS = """
            select a.id, p.numen, p.nom, p.prenom, coalesce(origine.nom || ' (' || origine.uai || ')', '') as etablissement,
                   coalesce(nullif(p.tel_pro, ''), p.tel_perso) as telephone,
                   coalesce(c.nb_candidats, m.candidats_attendus) as inscrits,
                   """ + FraisService.TRAITE + """
             as traite,
                   sf.affectation_id is not null as constate, sf.fait, sf.motif_non_fait, sf.nb_copies, sf.candidats_examines,
                   sf.heures, sf.origine
            from affectation a
            join mission m on m.id = a.mission_id
            join personnel p on p.id = a.personnel_id
            left join commission c on c.id = a.commission_id
            left join service_fait sf on sf.affectation_id = a.id
            left join lateral (
                select e.nom, e.uai from lieu_exercice le join etablissement e on e.uai = le.uai
                where le.personnel_id = p.id order by le.principal desc, e.nom limit 1) origine on true
            where a.mission_id = $1 and a.statut in ('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')
            order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu", a.id""";

    private final TenantSql sql;
    private final MissionTypeRules rules;
    private final FraisService frais;
    private final AuditTrail audit;

    public ServiceFaitService(TenantSql sql, MissionTypeRules rules, FraisService frais, AuditTrail audit) {
        this.sql = sql;
        this.rules = rules;
        this.frais = frais;
        this.audit = audit;
    }

    public MissionTypeRules rules() {
        return rules;
    }

    /** The codes of the types whose CSF the centre does not record (dematerialised correction, CSF-1). */
    String[] typesExclus(Tenant tenant) {
        return rules.types(tenant).stream().filter(t -> !t.serviceFaitByCentre()).map(MissionType::code).toArray(String[]::new);
    }

    static LocalDate today() {
        return LocalDate.now(FrenchFormats.ZONE);
    }

    /** The mission if the CSF concerns it and it is held in {@code uai} (null: any centre, for the office). */
    public Future<Optional<Mission>> mission(Tenant tenant, String uai, long missionId) {
        return sql.inTenant(tenant, conn -> mission(conn, tenant, "m.id = $1", Tuple.tuple().addLong(missionId), uai));
    }

    private Future<Optional<Mission>> mission(SqlConnection conn, Tenant tenant, String where, Tuple first, String uai) {
        Tuple tuple = Tuple.tuple().addValue(first.getValue(0)).addString(uai).addLocalDate(today())
                .addArrayOfString(typesExclus(tenant));
        return conn.preparedQuery(MISSION.formatted(where)).execute(tuple).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            List<LocalDate> jours = new ArrayList<>();
            for (Object d : r.getArrayOfLocalDates("jours")) {
                jours.add((LocalDate) d);
            }
            return Optional.of(new Mission(r.getLong("id"), r.getString("numero"), r.getString("type_code"), r.getString("type"),
                    r.getString("remuneration"), r.getBoolean("second_groupe"), r.getString("session"), r.getString("specialite"),
                    r.getString("epreuve"), r.getLocalDate("date_debut"), r.getLocalDate("date_fin"), r.getString("centre_uai").trim(),
                    r.getString("centre_nom"), r.getInteger("candidats_attendus"), r.getBoolean("ouvre_droit_remuneration"),
                    Etat.valueOf(r.getString("etat")), List.copyOf(jours)));
        });
    }

    /** The mission's convened intervenants with their constat and hours. */
    public Future<List<Intervenant>> intervenants(Tenant tenant, long missionId) {
        return sql.inTenant(tenant, conn -> intervenants(conn, missionId));
    }

    private Future<List<Intervenant>> intervenants(SqlConnection conn, long missionId) {
        return conn.preparedQuery(INTERVENANTS).execute(Tuple.of(missionId)).compose(rows -> conn.preparedQuery("""
                        select h.affectation_id, h.jour, h.matin_debut, h.matin_fin, h.apres_midi_debut, h.apres_midi_fin
                        from service_fait_horaire h join affectation a on a.id = h.affectation_id
                        where a.mission_id = $1 order by h.jour""").execute(Tuple.of(missionId)).map(hours -> {
                    Map<Long, List<Horaire>> byAffectation = new HashMap<>();
                    hours.forEach(h -> byAffectation.computeIfAbsent(h.getLong("affectation_id"), k -> new ArrayList<>())
                            .add(new Horaire(h.getLocalDate("jour"), h.getLocalTime("matin_debut"), h.getLocalTime("matin_fin"),
                                    h.getLocalTime("apres_midi_debut"), h.getLocalTime("apres_midi_fin"))));
                    List<Intervenant> list = new ArrayList<>();
                    for (Row r : rows) {
                        Optional<Constat> constat = r.getBoolean("constate")
                                ? Optional.of(new Constat(r.getBoolean("fait"), r.getString("motif_non_fait"), r.getInteger("nb_copies"),
                                r.getInteger("candidats_examines"), r.getBigDecimal("heures"), r.getString("origine")))
                                : Optional.empty();
                        list.add(new Intervenant(r.getLong("id"), r.getString("numen"), r.getString("nom"), r.getString("prenom"),
                                r.getString("etablissement"), r.getString("telephone"), r.getInteger("inscrits"), r.getBoolean("traite"),
                                constat, List.copyOf(byAffectation.getOrDefault(r.getLong("id"), List.of()))));
                    }
                    return list;
                }));
    }

    // ---- recording ----

    /** What one checked demande will write. */
    private record Ecriture(Mission mission, Demande demande, Intervenant intervenant, boolean fait, String motif, Integer copies,
                            Integer candidats, BigDecimal heures, List<Horaire> horaires, FraisService.Unite unite,
                            BigDecimal quantite) {
    }

    /** The demandes of one mission, for {@link #enregistrer(Tenant, String, Origine, List)}. */
    public record Lot(long missionId, List<Demande> demandes) {
    }

    /** Records the constats of one mission's screen (centre or office). */
    public Future<Resultat> enregistrer(Tenant tenant, String actor, Origine origine, Mission mission, List<Demande> demandes) {
        return enregistrer(tenant, actor, origine, List.of(new Lot(mission.id(), demandes)));
    }

    /**
     * Records the constats of several missions (a SANTORIN file) in one transaction: every
     * demande is checked first; any refusal and nothing is written. The missions are read again
     * inside the transaction (any centre: the callers checked who may reach them).
     */
    public Future<Resultat> enregistrer(Tenant tenant, String actor, Origine origine, List<Lot> lots) {
        return enregistrer(tenant, actor, origine, lots, List.of());
    }

    /**
     * As {@link #enregistrer(Tenant, String, Origine, List)}, {@code prealables} being refusals
     * the caller already found (a file's unreadable lines): the lots are still checked, so that
     * every error is listed, and nothing is written.
     */
    public Future<Resultat> enregistrer(Tenant tenant, String actor, Origine origine, List<Lot> lots, List<Refus> prealables) {
        return sql.inTenant(tenant, conn -> {
            List<Refus> erreurs = new ArrayList<>(prealables);
            List<Ecriture> ecritures = new ArrayList<>();
            Map<Long, Mission> missions = new LinkedHashMap<>();
            Future<Void> checks = Future.succeededFuture();
            for (Lot lot : lots) {
                checks = checks.compose(v -> mission(conn, tenant, "m.id = $1", Tuple.tuple().addLong(lot.missionId()), null)
                        .compose(found -> {
                            if (found.isEmpty()) {
                                erreurs.add(new Refus(-1, "Mission " + lot.missionId() + " introuvable pour le constat de service fait."));
                                return Future.succeededFuture();
                            }
                            missions.put(lot.missionId(), found.get());
                            return intervenants(conn, lot.missionId()).map(people -> {
                                verifier(found.get(), people, lot.demandes(), erreurs, ecritures);
                                return null;
                            });
                        }));
            }
            return checks.compose(v -> {
                if (!erreurs.isEmpty() || ecritures.isEmpty()) {
                    // Refused, or nothing changes: nothing is written.
                    return Future.succeededFuture(new Resultat(List.copyOf(erreurs), 0));
                }
                Future<Void> writes = Future.succeededFuture();
                for (Ecriture e : ecritures) {
                    writes = writes.compose(x -> ecrire(conn, actor, origine, e));
                }
                String detail = missions.values().stream().map(Mission::numero).reduce((a, b) -> a + ", " + b).orElse("")
                        + " : " + ecritures.size() + " constat(s)";
                return writes.compose(x -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor,
                                "SERVICE_FAIT_" + origine.name(), "Mission(s) " + detail, null)))
                        .map(x -> new Resultat(List.of(), ecritures.size()));
            });
        }).recover(failure -> failure instanceof IllegalStateException
                // An expense processed by the office between the check and the write: nothing is kept.
                ? Future.succeededFuture(new Resultat(List.of(new Refus(-1, failure.getMessage())), 0))
                : Future.failedFuture(failure));
    }

    private static void verifier(Mission mission, List<Intervenant> people, List<Demande> demandes, List<Refus> erreurs,
                                 List<Ecriture> ecritures) {
        Map<Long, Intervenant> byId = new HashMap<>();
        people.forEach(p -> byId.put(p.affectation(), p));
        for (Demande d : demandes) {
            Intervenant who = byId.get(d.affectation());
            String nom = d.libelle();
            if (who == null) {
                erreurs.add(new Refus(d.affectation(), nom + " : cet intervenant n'est pas convoqué sur la mission n° " + mission.numero() + "."));
                continue;
            }
            if (nom == null || nom.isBlank()) {
                nom = who.libelle();
            }
            if (!mission.saisieOuverte()) {
                erreurs.add(new Refus(d.affectation(), nom + " : le constat de service fait de la mission n° " + mission.numero() + " n'est pas ouvert ("
                        + mission.etat().libelle() + ")."));
                continue;
            }
            // The row as asked; a row that changes nothing is left alone (its expense keeps its statut).
            List<Refus> refus = new ArrayList<>();
            List<Ecriture> lue = new ArrayList<>();
            lire(mission, who, d, nom, refus, lue);
            boolean inchangee = refus.isEmpty() && lue.size() == 1 && inchangee(lue.get(0));
            if (who.traite() && !inchangee) {
                // CSF-4: once the office has validated or paid the expense, the constat stays as it is.
                erreurs.add(new Refus(d.affectation(), nom + " : traité par gestionnaire. " + FraisService.DEJA_TRAITE));
            } else if (!inchangee) {
                erreurs.addAll(refus);
                ecritures.addAll(lue);
            }
        }
    }

    private static void lire(Mission mission, Intervenant who, Demande d, String nom, List<Refus> erreurs, List<Ecriture> ecritures) {
        if (d.action() == Action.ANNULER) {
            ecritures.add(new Ecriture(mission, d, who, false, null, null, null, null, null, null, null));
            return;
        }
        if (d.action() == Action.NON_FAIT) {
            String motif = d.motif() == null ? "" : d.motif().strip();
            if (motif.isEmpty()) {
                erreurs.add(new Refus(d.affectation(), nom + " : le motif du service non fait est obligatoire."));
            } else if (motif.length() > MOTIF_MAX) {
                erreurs.add(new Refus(d.affectation(), nom + " : le motif du service non fait dépasse " + MOTIF_MAX + " caractères."));
            } else if (motif.chars().anyMatch(Character::isISOControl)) {
                erreurs.add(new Refus(d.affectation(), nom + " : le motif du service non fait contient un caractère non autorisé."));
            } else {
                ecritures.add(new Ecriture(mission, d, who, false, motif, null, null, null, d.horaires(), null, null));
            }
            return;
        }
        fait(mission, who, d, nom, erreurs, ecritures);
    }

    /** Whether writing {@code e} would leave the intervenant's constat as it is. */
    private static boolean inchangee(Ecriture e) {
        Optional<Constat> current = e.intervenant().constat();
        if (e.demande().action() == Action.ANNULER) {
            return current.isEmpty();
        }
        if (current.isEmpty()) {
            return false;
        }
        Constat c = current.get();
        return c.fait() == e.fait() && java.util.Objects.equals(c.motif(), e.motif())
                && java.util.Objects.equals(c.nbCopies(), e.copies())
                && java.util.Objects.equals(c.candidatsExamines(), e.candidats())
                && (c.heures() == null ? e.heures() == null : e.heures() != null && c.heures().compareTo(e.heures()) == 0)
                && (e.horaires() == null || e.horaires().equals(e.intervenant().horaires()));
    }

    private static void fait(Mission mission, Intervenant who, Demande d, String nom, List<Refus> erreurs, List<Ecriture> ecritures) {
        String saisie = d.quantite() == null ? "" : d.quantite().strip();
        if (!mission.ouvreDroit()) {
            // No remuneration: nothing to count, no expense.
            ecritures.add(new Ecriture(mission, d, who, true, null, null, null, null, d.horaires(), null, null));
            return;
        }
        switch (mission.remuneration()) {
            case "ECRIT" -> {
                Optional<Integer> copies = entier(saisie, COPIES_MAX);
                if (saisie.isEmpty()) {
                    erreurs.add(new Refus(d.affectation(), nom + " : le nombre de copies est obligatoire pour un service fait."));
                } else if (copies.isEmpty()) {
                    erreurs.add(new Refus(d.affectation(), nom + " : le nombre de copies « " + saisie + " » doit être un nombre entier entre 0 et " + COPIES_MAX + "."));
                } else {
                    ecritures.add(new Ecriture(mission, d, who, true, null, copies.get(), null, null, null, FraisService.Unite.COPIES,
                            BigDecimal.valueOf(copies.get())));
                }
            }
            case "ORAL" -> {
                Optional<Integer> candidats = entier(saisie, CANDIDATS_MAX);
                if (saisie.isEmpty() && mission.secondGroupe()) {
                    erreurs.add(new Refus(d.affectation(), nom + " : le nombre de candidats interrogés est obligatoire pour un oral du second groupe"
                            + " (saisissez 0 si aucun candidat ne s'est présenté)."));
                } else if (!saisie.isEmpty() && candidats.isEmpty()) {
                    erreurs.add(new Refus(d.affectation(), nom + " : le nombre de candidats « " + saisie + " » doit être un nombre entier entre 0 et "
                            + CANDIDATS_MAX + "."));
                } else {
                    Integer n = candidats.orElse(null);
                    ecritures.add(new Ecriture(mission, d, who, true, null, null, n, null, null, n == null ? null : FraisService.Unite.CANDIDATS,
                            n == null ? null : BigDecimal.valueOf(n)));
                }
            }
            case "AIDE_EXAMEN" -> {
                Optional<BigDecimal> heures = heures(saisie);
                if (saisie.isEmpty()) {
                    erreurs.add(new Refus(d.affectation(), nom + " : le nombre d'heures effectuées est obligatoire pour un service fait."));
                } else if (heures.isEmpty()) {
                    erreurs.add(new Refus(d.affectation(), nom + " : le nombre d'heures « " + saisie + " » doit être un nombre entre 0 et 999,99"
                            + " (au plus deux décimales)."));
                } else {
                    ecritures.add(new Ecriture(mission, d, who, true, null, null, null, heures.get(), null, FraisService.Unite.HEURES, heures.get()));
                }
            }
            case "PRATIQUE" -> {
                // The hours are the total of the half-days (hours page), else a number of hours (SANTORIN's file).
                List<Horaire> horaires = d.horaires() != null ? d.horaires() : who.horaires();
                BigDecimal total = horaires.stream().map(Horaire::heures).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (d.horaires() == null && !saisie.isEmpty()) {
                    Optional<BigDecimal> heures = heures(saisie);
                    if (heures.isEmpty()) {
                        erreurs.add(new Refus(d.affectation(), nom + " : le nombre d'heures « " + saisie + " » doit être un nombre entre 0 et 999,99"
                                + " (au plus deux décimales)."));
                        return;
                    }
                    ecritures.add(new Ecriture(mission, d, who, true, null, null, null, heures.get(), null, FraisService.Unite.HEURES, heures.get()));
                    return;
                }
                if (horaires.isEmpty()) {
                    erreurs.add(new Refus(d.affectation(), nom + " : renseignez les horaires d'au moins un jour de présence avant de constater le service fait."));
                    return;
                }
                ecritures.add(new Ecriture(mission, d, who, true, null, null, null, total, horaires, FraisService.Unite.HEURES, total));
            }
            default -> ecritures.add(new Ecriture(mission, d, who, true, null, null, null, null, null, null, null));
        }
    }

    static Optional<Integer> entier(String saisie, int max) {
        if (!saisie.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(saisie);
        return n <= max ? Optional.of(n) : Optional.empty();
    }

    static Optional<BigDecimal> heures(String saisie) {
        if (!saisie.matches("\\d{1,3}([.,]\\d{1,2})?")) {
            return Optional.empty();
        }
        BigDecimal h = new BigDecimal(saisie.replace(',', '.'));
        return h.compareTo(HEURES_MAX) <= 0 ? Optional.of(h) : Optional.empty();
    }

    private Future<Void> ecrire(SqlConnection conn, String actor, Origine origine, Ecriture e) {
        long id = e.intervenant().affectation();
        if (e.demande().action() == Action.ANNULER) {
            return frais.retirer(conn, id).compose(v -> conn.preparedQuery("delete from service_fait where affectation_id = $1")
                    .execute(Tuple.of(id)).mapEmpty());
        }
        Future<Void> row = conn.preparedQuery("""
                        insert into service_fait (affectation_id, fait, motif_non_fait, candidats_inscrits, nb_copies,
                                                  candidats_examines, heures, saisi_par, saisi_le, origine)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)
                        on conflict (affectation_id) do update set fait = excluded.fait, motif_non_fait = excluded.motif_non_fait,
                            candidats_inscrits = excluded.candidats_inscrits, nb_copies = excluded.nb_copies,
                            candidats_examines = excluded.candidats_examines, heures = excluded.heures,
                            saisi_par = excluded.saisi_par, saisi_le = now(), origine = excluded.origine""")
                .execute(Tuple.tuple().addLong(id).addBoolean(e.fait()).addString(e.motif())
                        .addInteger(Math.min(e.intervenant().candidatsInscrits(), 9999)).addInteger(e.copies())
                        .addInteger(e.candidats()).addBigDecimal(e.heures()).addString(actor).addString(origine.name()))
                .mapEmpty();
        if (e.horaires() != null) {
            row = row.compose(v -> conn.preparedQuery("delete from service_fait_horaire where affectation_id = $1")
                    .execute(Tuple.of(id))).compose(v -> {
                Future<Void> all = Future.succeededFuture();
                for (Horaire h : e.horaires()) {
                    all = all.compose(x -> conn.preparedQuery("""
                                    insert into service_fait_horaire (affectation_id, jour, matin_debut, matin_fin, apres_midi_debut, apres_midi_fin)
                                    values ($1, $2, $3, $4, $5, $6)""")
                            .execute(Tuple.tuple().addLong(id).addLocalDate(h.jour()).addLocalTime(h.matinDebut())
                                    .addLocalTime(h.matinFin()).addLocalTime(h.apresMidiDebut()).addLocalTime(h.apresMidiFin()))
                            .mapEmpty());
                }
                return all;
            });
        }
        boolean remunere = e.mission().ouvreDroit();
        if (!remunere) {
            // Not remunerated: no expense is born; a withdrawn one (the type changed) goes.
            return row.compose(v -> e.fait() ? Future.succeededFuture() : frais.retirer(conn, id));
        }
        return row.compose(v -> e.fait() ? frais.constaterFait(conn, id, e.unite(), e.quantite())
                : frais.constaterNonFait(conn, id, e.motif()));
    }
}
