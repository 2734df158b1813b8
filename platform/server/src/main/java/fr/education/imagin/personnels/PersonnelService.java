package fr.education.imagin.personnels;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One person's detail, as an establishment that employs them may see it. */
final class PersonnelService {

    record Workplace(String uai, String nom, String commune, boolean principal) {
    }

    record Personnel(long id, String civilite, String nom, String prenom, LocalDate dateNaissance,
                     String discipline, String corps, List<Workplace> lieux) {
    }

    /** A convened affectation (PERS-4, tab "Affectations convoquées"). */
    record Convocation(long affectation, LocalDate debut, String examen, String mission, String centre, String qualite,
                       String specialite, String epreuveOption) {
    }

    /** An unavailability (tab "Indisponibilités"), whatever declared it; {@code recap} for a convocation elsewhere. */
    record Indisponibilite(long id, LocalDateTime debut, LocalDateTime fin, String motif, boolean recap) {
    }

    /** The recap another académie left with the unavailability its convocation caused (PERS-4). */
    record Recapitulatif(LocalDateTime debut, LocalDateTime fin, String motif, JsonObject convocation) {
    }

    /** A teaching from STS-WEB (tab "Enseignements", read-only). */
    record Enseignement(String etablissement, String matiere, String modalite, String mef, String typeMef,
                        String structure) {
    }

    /** The three tabs of the detail, and how many missions are assigned but not convened yet. */
    record Tabs(List<Convocation> convocations, List<Indisponibilite> indisponibilites,
                List<Enseignement> enseignements, long nonConvoquees) {
    }

    /** Only someone who works at {@code $2}: another establishment's staff are not found. */
    private static final String FIND = """
            select p.id, p.civilite, p.nom, p.prenom, p.date_naissance, p.discipline_poste, p.corps,
                   e.uai, e.nom as etablissement, e.commune, le.principal
            from personnel p
            join lieu_exercice le on le.personnel_id = p.id
            join etablissement e on e.uai = le.uai
            where p.id = $1
              and exists (select 1 from lieu_exercice mine where mine.personnel_id = p.id and mine.uai = $2)
            order by le.principal desc, e.nom""";

    private static final String CONVOCATIONS = """
            select a.id, m.date_debut, s.libelle as session, t.libelle as type, ce.nom || ' (' || ce.uai || ')' as centre,
                   a.qualite, sp.libelle as specialite, eo.libelle as epreuve
            from affectation a
            join mission m on m.id = a.mission_id
            join type_mission t on t.code = m.type_code
            join session_examen s on s.id = m.session_id
            join etablissement ce on ce.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            left join specialite sp on sp.id = eo.specialite_id
            where a.personnel_id = $1 and a.statut <> 'AFFECTEE'
            order by m.date_debut desc, m.numero""";
    private static final String NOT_CONVENED = "select count(*) from affectation where personnel_id = $1 and statut = 'AFFECTEE'";
    private static final String INDISPONIBILITES = """
            select id, debut, fin, motif, convocation is not null as recap
            from indisponibilite where personnel_id = $1 order by debut desc""";
    private static final String RECAPITULATIF = """
            select debut, fin, motif, convocation from indisponibilite
            where id = $1 and personnel_id = $2 and convocation is not null""";
    private static final String ENSEIGNEMENTS = """
            select e.nom as etablissement, n.matiere, n.modalite, n.mef, n.type_mef, n.structure
            from enseignement n join etablissement e on e.uai = n.uai
            where n.personnel_id = $1 order by e.nom, n.matiere, n.structure""";

    private final TenantSql sql;

    PersonnelService(TenantSql sql) {
        this.sql = sql;
    }

    Future<Optional<Personnel>> find(Tenant tenant, String uai, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FIND).execute(Tuple.of(id, uai)))
                .map(PersonnelService::toPersonnel);
    }

    /** The tabs of someone {@link #find} returned (the caller checked the establishment). */
    Future<Tabs> tabs(Tenant tenant, long id) {
        Tuple person = Tuple.of(id);
        return sql.inTenant(tenant, conn -> conn.preparedQuery(CONVOCATIONS).execute(person)
                .compose(convocations -> conn.preparedQuery(INDISPONIBILITES).execute(person)
                .compose(indisponibilites -> conn.preparedQuery(ENSEIGNEMENTS).execute(person)
                .compose(enseignements -> conn.preparedQuery(NOT_CONVENED).execute(person)
                .map(pending -> new Tabs(
                        map(convocations, r -> new Convocation(r.getLong("id"), r.getLocalDate("date_debut"), r.getString("session"),
                                r.getString("type"), r.getString("centre"), r.getString("qualite"),
                                r.getString("specialite"), r.getString("epreuve"))),
                        map(indisponibilites, r -> new Indisponibilite(r.getLong("id"), r.getLocalDateTime("debut"),
                                r.getLocalDateTime("fin"), r.getString("motif"), r.getBoolean("recap"))),
                        map(enseignements, r -> new Enseignement(r.getString("etablissement"), r.getString("matiere"),
                                r.getString("modalite"), r.getString("mef"), r.getString("type_mef"), r.getString("structure"))),
                        pending.iterator().next().getLong(0)))))));
    }

    /** The recap of unavailability {@code indisponibiliteId} of someone {@link #find} returned, if it has one. */
    Future<Optional<Recapitulatif>> recapitulatif(Tenant tenant, long personnelId, long indisponibiliteId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(RECAPITULATIF).execute(Tuple.of(indisponibiliteId, personnelId)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(r ->
                        new Recapitulatif(r.getLocalDateTime("debut"), r.getLocalDateTime("fin"), r.getString("motif"),
                                (JsonObject) r.getValue("convocation"))));
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>(rows.size());
        rows.forEach(row -> mapped.add(mapper.apply(row)));
        return mapped;
    }

    private static Optional<Personnel> toPersonnel(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        List<Workplace> lieux = new ArrayList<>();
        Row first = null;
        for (Row row : rows) {
            first = first == null ? row : first;
            lieux.add(new Workplace(row.getString("uai"), row.getString("etablissement"), row.getString("commune"),
                    row.getBoolean("principal")));
        }
        return Optional.of(new Personnel(first.getLong("id"), first.getString("civilite"), first.getString("nom"),
                first.getString("prenom"), first.getLocalDate("date_naissance"), first.getString("discipline_poste"),
                first.getString("corps"), List.copyOf(lieux)));
    }
}
