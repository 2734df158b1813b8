package fr.education.imagin.convocations;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.missions.MissionTypeRules;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Convocation documents: what a convened affectation says to the person (mission, centre, dates
 * and times, qualité, observations) and who signs it (CONV-14). Other activities ask for a
 * document by affectation and person, so nobody reads a convocation that is not the person's.
 */
public final class ConvocationService {

    /**
     * Convened affectations with what their documents print, and both signature blocks of the
     * centre: which one signs is the mission type's rule, read when the document is made (CONV-14).
     * It ends with "and " and the conditions follow: {@code \s} keeps the space a text block strips.
     */
    private static final String SELECT = """
            select a.id as affectation_id, a.qualite, a.salle, a.observation, a.auteur, a.convoquee_le,
                   p.civilite, p.nom, p.prenom, p.discipline_poste, p.adresse, p.code_postal, p.commune,
                   coalesce(nullif(p.mail_pro, ''), p.mail_perso) as mail,
                   origine.nom as origine, origine.uai as origine_uai,
                   m.numero, m.type_code, m.signature as signature_mission, t.libelle as type, s.libelle as session,
                   sp.libelle as specialite, eo.code as epreuve_code, eo.libelle as epreuve, m.date_debut, m.date_fin,
                   m.observation as consigne,
                   ce.uai as centre_uai, ce.nom as centre, ce.adresse as centre_adresse, ce.code_postal as centre_code_postal,
                   ce.commune as centre_commune, ce.telephone as centre_telephone, ce.mail as centre_mail,
                   c.code as commission, j.code as jury,
                   sc.autorite as centre_autorite, sc.intitule as centre_intitule, sc.nom as centre_signataire, sc.ville as centre_ville,
                   se.autorite as etab_autorite, se.intitule as etab_intitule, se.nom as etab_signataire, se.ville as etab_ville,
                   cr.jours, cr.debuts, cr.fins
            from affectation a
            join personnel p on p.id = a.personnel_id
            join mission m on m.id = a.mission_id
            join type_mission t on t.code = m.type_code
            join session_examen s on s.id = m.session_id
            join etablissement ce on ce.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            left join specialite sp on sp.id = eo.specialite_id
            left join commission c on c.id = a.commission_id
            left join jury j on j.id = a.jury_id
            left join signature sc on sc.uai = m.centre_uai and sc.role = 'CENTRE'
            left join signature se on se.uai = m.centre_uai and se.role = 'ETABLISSEMENT'
            left join lateral (
                select e.nom, e.uai from lieu_exercice le join etablissement e on e.uai = le.uai
                where le.personnel_id = p.id order by le.principal desc, e.nom limit 1) origine on true
            left join lateral (
                select array_agg(k.jour order by k.jour, k.heure_debut) as jours,
                       array_agg(k.heure_debut order by k.jour, k.heure_debut) as debuts,
                       array_agg(k.heure_fin order by k.jour, k.heure_debut) as fins
                from affectation_creneau k where k.affectation_id = a.id) cr on true
            where a.statut <> 'AFFECTEE' and\s""";

    /** A convened affectation of person {@code $2}. */
    private static final String FIND = SELECT + "a.id = $1 and a.personnel_id = $2";

    /** A convened affectation of a mission held in centre {@code $2}. */
    private static final String FIND_FOR_CENTRE = SELECT + "a.id = $1 and m.centre_uai = $2";

    /** The centre's own convocations of a mission (CONV-12, CONV-13), in the detail's order. */
    private static final String CENTRE_CONVOCATIONS = SELECT + """
            m.id = $1 and m.centre_uai = $2 and a.auteur = 'CENTRE' and a.statut = 'CONVOQUEE_PAR_CENTRE'
            order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu", a.id""";

    /** Convened affectations by id (the office's convocations, mailed in the transaction that convened them). */
    private static final String BY_IDS = SELECT + """
            a.id = any($1)
            order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu", a.id""";

    private final TenantSql sql;
    private final MissionTypeRules rules;

    public ConvocationService(TenantSql sql, MissionTypeRules rules) {
        this.sql = sql;
        this.rules = rules;
    }

    /** The convocation of affectation {@code affectationId} if it is convened and {@code personnelId}'s. */
    public Future<Optional<Convocation>> find(Tenant tenant, long personnelId, long affectationId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FIND).execute(Tuple.of(affectationId, personnelId)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toConvocation(tenant, rows.iterator().next())));
    }

    /** A convened affectation (office's or centre's) of a mission held in {@code centreUai}: the duplicate of MIS-4. */
    public Future<Optional<Convocation>> findForCentre(Tenant tenant, String centreUai, long affectationId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FIND_FOR_CENTRE).execute(Tuple.of(affectationId, centreUai)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toConvocation(tenant, rows.iterator().next())));
    }

    /**
     * The convocations the centre authored on one of its missions, restricted to {@code selection}
     * when it is not empty (the rows the screen still shows).
     */
    public Future<List<Convocation>> centreConvocations(Tenant tenant, String centreUai, long missionId, Set<Long> selection) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(CENTRE_CONVOCATIONS).execute(Tuple.of(missionId, centreUai)))
                .map(rows -> {
                    List<Convocation> list = new ArrayList<>();
                    for (Row row : rows) {
                        if (selection.isEmpty() || selection.contains(row.getLong("affectation_id"))) {
                            list.add(toConvocation(tenant, row));
                        }
                    }
                    return list;
                });
    }

    /**
     * The convocations of these affectations as the open transaction {@code conn} sees them, by
     * name; an affectation not convened (or unknown) is left out.
     */
    Future<List<Convocation>> convened(SqlConnection conn, Tenant tenant, List<Long> affectations) {
        return conn.preparedQuery(BY_IDS).execute(Tuple.tuple().addArrayOfLong(affectations.toArray(Long[]::new))).map(rows -> {
            List<Convocation> list = new ArrayList<>();
            rows.forEach(row -> list.add(toConvocation(tenant, row)));
            return list;
        });
    }

    private Convocation toConvocation(Tenant tenant, Row row) {
        LocalDate[] jours = row.getArrayOfLocalDates("jours");
        LocalTime[] debuts = row.getArrayOfLocalTimes("debuts");
        LocalTime[] fins = row.getArrayOfLocalTimes("fins");
        List<String> dates = new ArrayList<>();
        if (jours != null) {
            for (int i = 0; i < jours.length; i++) {
                dates.add("Le " + FrenchFormats.dayDate(jours[i]) + " de " + FrenchFormats.time(debuts[i]) + " à "
                        + FrenchFormats.time(fins[i]));
            }
        }
        if (dates.isEmpty()) {
            LocalDate debut = row.getLocalDate("date_debut");
            LocalDate fin = row.getLocalDate("date_fin");
            dates.add(debut.equals(fin) ? "Le " + FrenchFormats.dayDate(debut)
                    : "Du " + FrenchFormats.dayDate(debut) + " au " + FrenchFormats.dayDate(fin));
        }
        String epreuve = row.getString("epreuve") == null ? "" : row.getString("epreuve_code") + ", " + row.getString("epreuve");
        String prefix = "ETABLISSEMENT".equals(rules.signatureRole(tenant, row.getString("type_code"),
                row.getString("signature_mission"))) ? "etab_" : "centre_";
        Convocation.Signature signature = row.getString(prefix + "signataire") == null ? Convocation.Signature.DIVISION
                : new Convocation.Signature(text(row, prefix + "autorite"), text(row, prefix + "intitule"),
                text(row, prefix + "signataire"), text(row, prefix + "ville"));
        return new Convocation(row.getLong("affectation_id"),
                new Convocation.Destinataire(row.getString("civilite"), row.getString("nom"), row.getString("prenom"),
                        row.getString("discipline_poste"), row.getString("origine") == null ? ""
                        : row.getString("origine") + " (" + row.getString("origine_uai") + ")",
                        text(row, "adresse"), (text(row, "code_postal") + " " + text(row, "commune")).strip(), text(row, "mail")),
                row.getString("numero"), row.getString("type"), row.getString("session"), text(row, "specialite"), epreuve,
                new Convocation.Centre(row.getString("centre_uai"), row.getString("centre"), text(row, "centre_adresse"),
                        (text(row, "centre_code_postal") + " " + text(row, "centre_commune")).strip(), text(row, "centre_telephone"),
                        text(row, "centre_mail")),
                List.copyOf(dates), text(row, "qualite"), text(row, "commission"), text(row, "jury"), text(row, "salle"),
                text(row, "consigne"), text(row, "observation"), "CENTRE".equals(row.getString("auteur")),
                row.getOffsetDateTime("convoquee_le") == null ? null : row.getOffsetDateTime("convoquee_le")
                        .atZoneSameInstant(FrenchFormats.ZONE).toLocalDate(),
                signature);
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }
}
