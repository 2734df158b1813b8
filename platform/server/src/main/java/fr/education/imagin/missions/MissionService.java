package fr.education.imagin.missions;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One mission of an exam centre as "Consultation des missions" shows it (MIS-4): its recap and
 * its convened intervenants. A mission is the centre's to see only when it is held there and
 * has at least one convened affectation.
 */
public final class MissionService {

    /** The session's label is the whole Cyclades label ("470, BCG, 2021 ,BGT 2021", SPEC vocabulary). */
    static final String SESSION = "s.libelle";
    /** "30001 - GESTION - ADMINISTRATION"; null for a mission without épreuve. */
    public static final String SPECIALITE = "sp.code || ' - ' || sp.libelle";
    /** "1-EC-DROIT, Economie - droit", with the variant telling apart missions of one épreuve (CONV-10). */
    public static final String EPREUVE = "eo.code || ', ' || eo.libelle || case when m.variante <> '' then ' - ' || m.variante else '' end";

    /** The joins giving a mission {@code m} its recap's columns. */
    static final String MISSION_JOINS = """
            join session_examen s on s.id = m.session_id
            join examen x on x.code = s.examen_code
            join type_mission t on t.code = m.type_code
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            left join specialite sp on sp.id = eo.specialite_id
            """;

    static final String MISSION_COLUMNS = "m.id as mission_id, m.numero, t.libelle as type, m.date_debut, m.date_fin, "
            + SESSION + " as session, " + SPECIALITE + " as specialite, " + EPREUVE + " as epreuve";

    private static final String FIND = "select " + MISSION_COLUMNS + " from mission m " + MISSION_JOINS + """
            where m.id = $1 and m.centre_uai = $2
              and exists (select 1 from affectation a where a.mission_id = m.id and a.statut in %s)"""
            .formatted(MissionsList.CONVOQUEE);

    /**
     * The convened affectations of the missions {@code %1$s} yields as {@code a} (a table
     * expression), with their missions' recap, ordered by {@code %2$s}.
     */
    static final String INTERVENANTS = "select " + MISSION_COLUMNS + """
            , a.id as affectation, p.nom, p.prenom, coalesce(e.nom || ' ' || e.commune, '') as etablissement,
                   p.tel_perso, p.tel_pro, a.qualite, c.code as commission, j.code as jury,
                   case when a.salle <> '' then a.salle else coalesce(c.salle, '') end as salle, a.observation,
                   cr.jours, cr.debuts, cr.fins, mj.jours as jours_mission, cj.debut as debut_commission
            from %1$s
            join mission m on m.id = a.mission_id
            """ + MISSION_JOINS + """
            join personnel p on p.id = a.personnel_id
            left join lieu_exercice le on le.personnel_id = p.id and le.principal
            left join etablissement e on e.uai = le.uai
            left join commission c on c.id = a.commission_id
            left join jury j on j.id = a.jury_id
            left join lateral (
                select array_agg(k.jour order by k.jour) as jours, array_agg(k.heure_debut order by k.jour) as debuts,
                       array_agg(k.heure_fin order by k.jour) as fins
                from affectation_creneau k where k.affectation_id = a.id) cr on true
            left join lateral (
                select coalesce(array_agg(d.jour order by d.jour),
                                array(select g::date from generate_series(m.date_debut, m.date_fin, interval '1 day') g order by g)) as jours
                from mission_jour d where d.mission_id = m.id) mj on true
            left join lateral (select min(k.jour) as debut from commission_jour k where k.commission_id = c.id) cj on true
            where a.statut in %3$s
            order by %2$s, p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu", a.id""";

    private static final String OF_MISSION = INTERVENANTS.formatted("affectation a", "a.mission_id", MissionsList.CONVOQUEE)
            .replace("where a.statut in", "where a.mission_id = $1 and a.statut in");

    private static final String CONVENED = """
            select 1 from affectation a join mission m on m.id = a.mission_id
            where a.id = $1 and a.mission_id = $2 and m.centre_uai = $3 and a.statut in %s""".formatted(MissionsList.CONVOQUEE);

    /** A mission's recap (guide §4.1.3, top of the screen). */
    public record Mission(long id, String numero, String type, LocalDate debut, LocalDate fin, String session,
                          String specialite, String epreuve) {

        static Mission of(Row row) {
            return new Mission(row.getLong("mission_id"), row.getString("numero"), row.getString("type"),
                    row.getLocalDate("date_debut"), row.getLocalDate("date_fin"), row.getString("session"),
                    text(row, "specialite"), text(row, "epreuve"));
        }
    }

    /** One time slot of an affectation, as the "Dates" of its details show it. */
    public record Creneau(String debut, String fin) {
    }

    /** A convened intervenant of a mission (guide §4.1.3, bottom of the screen, and the row's details). */
    public record Intervenant(long affectation, String nom, String prenom, String etablissement, String telPerso,
                              String telPro, String qualite, String commission, String jury, String salle,
                              String observation, String mention, List<Creneau> creneaux) {

        /** "Vice-président (S3-3104)": the qualité with the jury when there is one. */
        public String qualiteJury() {
            if (jury.isEmpty()) {
                return qualite;
            }
            return qualite.isEmpty() ? "(" + jury + ")" : qualite + " (" + jury + ")";
        }

        static Intervenant of(Row row) {
            LocalDate[] jours = row.getArrayOfLocalDates("jours");
            LocalTime[] debuts = row.getArrayOfLocalTimes("debuts");
            LocalTime[] fins = row.getArrayOfLocalTimes("fins");
            LocalDate[] joursMission = row.getArrayOfLocalDates("jours_mission");
            List<Creneau> creneaux = new ArrayList<>();
            if (jours != null) {
                for (int i = 0; i < jours.length; i++) {
                    creneaux.add(new Creneau(FrenchFormats.dayDate(jours[i]) + " " + FrenchFormats.time(debuts[i]),
                            FrenchFormats.dayDate(jours[i]) + " " + FrenchFormats.time(fins[i])));
                }
            } else {
                creneaux.add(new Creneau(FrenchFormats.dayDate(row.getLocalDate("date_debut")),
                        FrenchFormats.dayDate(row.getLocalDate("date_fin"))));
            }
            String commission = text(row, "commission");
            // Guide §4.1.3: "Dates spécifiques" for a partial or specific affectation (days other
            // than the mission's), else "Commission" with its number for one on a commission.
            String mention = "";
            if (jours != null && !Arrays.equals(jours, joursMission)) {
                mention = "Dates spécifiques : " + FrenchFormats.date(jours[0]);
            } else if (!commission.isEmpty()) {
                LocalDate debut = jours != null ? jours[0] : row.getLocalDate("debut_commission") != null
                        ? row.getLocalDate("debut_commission") : row.getLocalDate("date_debut");
                mention = "Commission n° " + commission + " : " + FrenchFormats.date(debut);
            }
            return new Intervenant(row.getLong("affectation"), row.getString("nom"), row.getString("prenom"),
                    row.getString("etablissement"), text(row, "tel_perso"), text(row, "tel_pro"), text(row, "qualite"),
                    commission, text(row, "jury"), text(row, "salle"), text(row, "observation"), mention, List.copyOf(creneaux));
        }
    }

    private final TenantSql sql;

    public MissionService(TenantSql sql) {
        this.sql = sql;
    }

    /** Mission {@code id} if it is held in {@code centreUai} and has a convened intervenant. */
    public Future<Optional<Mission>> find(Tenant tenant, String centreUai, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FIND).execute(Tuple.of(id, centreUai)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Mission.of(rows.iterator().next())));
    }

    /** The convened intervenants of mission {@code id}, by name (check the mission with {@link #find} first). */
    public Future<List<Intervenant>> intervenants(Tenant tenant, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(OF_MISSION).execute(Tuple.of(id)))
                .map(rows -> {
                    List<Intervenant> list = new ArrayList<>(rows.size());
                    rows.forEach(row -> list.add(Intervenant.of(row)));
                    return list;
                });
    }

    /** Whether affectation {@code affectationId} is a convened one of mission {@code missionId}, held in {@code centreUai}. */
    public Future<Boolean> isConvened(Tenant tenant, String centreUai, long missionId, long affectationId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(CONVENED).execute(Tuple.of(affectationId, missionId, centreUai)))
                .map(rows -> rows.size() > 0);
    }

    static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }
}
