package fr.education.imagin.competences;

import fr.education.imagin.competences.CompetenceRules.Auteur;
import fr.education.imagin.competences.CompetenceRules.Decision;
import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compétences as an establishment sees and changes them (COMP-1 … COMP-4, VALID-1). Every write
 * runs in one transaction with its audit entry, after checking, under a share lock of the
 * establishment's row, that the person works there and that the saisie is not validated.
 */
public final class CompetenceService {

    /** Who acts, for the audit trail. */
    public record Actor(String tenantCode, String login, String address) {
    }

    /** The outcome of a write: {@code ok} false means nothing was written and {@code message} says why. */
    public record Result(boolean ok, String message) {
        static Result done(String message) {
            return new Result(true, message);
        }

        static Result refused(String message) {
            return new Result(false, message);
        }

        /** Refused because the person does not work in the establishment: for the caller, no such record. */
        boolean unknownPerson() {
            return !ok && NOT_HERE.equals(message);
        }
    }

    record Competence(long epreuveOptionId, String examen, String specialite, String epreuve, List<Auteur> auteurs) {
    }

    record Enseignement(String etablissement, String mef, String typeMef, String matiere, String modalite) {
    }

    record Detail(long id, String nom, String prenom, String discipline, List<Competence> competences,
                  List<Enseignement> enseignements, boolean validee) {
    }

    record Proposal(String value, String libelle) {
    }

    static final String DUPLICATE = "Erreur : Impossible de créer cette epreuve option. L'épreuve option que vous voulez "
            + "ajouter existe déjà dans la liste des compétences.";
    static final String READ_ONLY = "Erreur : La saisie des compétences de votre établissement est validée : les compétences "
            + "ne sont plus modifiables. Pour toute modification, prenez contact avec le service des examens.";
    static final String NOT_HERE = "Erreur : Cette personne n'exerce pas dans votre établissement.";
    static final String NOT_FOUND = "Erreur : Cette compétence n'existe pas dans la liste des compétences de la personne.";
    static final String NOT_PROPOSED = "Erreur : Cette épreuve option n'est pas proposée pour votre établissement.";

    private static final String PERSON = """
            select p.id, p.nom, p.prenom, p.discipline_poste,
                   exists (select 1 from validation_competences v where v.uai = $2) as validee
            from personnel p
            where p.id = $1 and exists (select 1 from lieu_exercice le where le.personnel_id = p.id and le.uai = $2)""";
    private static final String COMPETENCES = """
            select eo.id, x.libelle as examen, s.libelle as specialite, eo.libelle as epreuve,
                   ca.auteur, ca.type_auteur, ca.avis
            from competence_auteur ca
            join epreuve_option eo on eo.id = ca.epreuve_option_id
            join specialite s on s.id = eo.specialite_id
            join examen x on x.code = s.examen_code
            where ca.personnel_id = $1
            order by x.libelle, s.libelle, eo.libelle, eo.id""";
    private static final String ENSEIGNEMENTS = """
            select e.nom, en.mef, en.type_mef, en.matiere, en.modalite
            from enseignement en join etablissement e on e.uai = en.uai
            where en.personnel_id = $1
            order by e.nom, en.mef, en.type_mef, en.matiere""";
    /** The share lock serialises writes with the validation (which takes a stronger lock). */
    private static final String CONTEXT = """
            select e.categorie,
                   exists (select 1 from validation_competences v where v.uai = e.uai) as validee,
                   exists (select 1 from lieu_exercice le where le.uai = e.uai and le.personnel_id = $2) as exerce
            from etablissement e where e.uai = $1
            for share of e""";
    private static final String AUTHORS = """
            select auteur, type_auteur, avis from competence_auteur
            where personnel_id = $1 and epreuve_option_id = $2
            for update""";
    private static final String EPREUVE = """
            select x.famille, eo.libelle from epreuve_option eo
            join specialite s on s.id = eo.specialite_id join examen x on x.code = s.examen_code
            where eo.id = $1""";
    private static final String UPSERT = """
            insert into competence_auteur (personnel_id, epreuve_option_id, auteur, type_auteur, avis)
            values ($1, $2, $3, 'ETABLISSEMENT', $4)
            on conflict (personnel_id, epreuve_option_id, auteur)
            do update set avis = excluded.avis, type_auteur = excluded.type_auteur, updated_at = now()""";
    private static final String DELETE = "delete from competence_auteur where personnel_id = $1 and epreuve_option_id = $2";

    private final TenantSql sql;
    private final AuditTrail audit;

    public CompetenceService(TenantSql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    Future<Optional<Detail>> detail(Tenant tenant, String uai, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(PERSON).execute(Tuple.of(id, uai)).compose(people -> {
            if (people.size() == 0) {
                return Future.succeededFuture(Optional.<Detail>empty());
            }
            Row p = people.iterator().next();
            return conn.preparedQuery(COMPETENCES).execute(Tuple.of(id)).compose(rows -> {
                Map<Long, Competence> byEpreuve = new LinkedHashMap<>();
                for (Row r : rows) {
                    Competence c = byEpreuve.computeIfAbsent(r.getLong("id"), eo -> new Competence(eo,
                            r.getString("examen"), r.getString("specialite"), r.getString("epreuve"), new ArrayList<>()));
                    c.auteurs().add(new Auteur(r.getString("auteur"), r.getString("type_auteur"), r.getString("avis")));
                }
                byEpreuve.values().forEach(c -> c.auteurs().sort(CompetenceRules.DISPLAY_ORDER));
                return conn.preparedQuery(ENSEIGNEMENTS).execute(Tuple.of(id)).map(ens -> {
                    List<Enseignement> enseignements = new ArrayList<>();
                    for (Row r : ens) {
                        enseignements.add(new Enseignement(r.getString("nom"), r.getString("mef"), r.getString("type_mef"),
                                r.getString("matiere"), r.getString("modalite")));
                    }
                    return Optional.of(new Detail(p.getLong("id"), p.getString("nom"), p.getString("prenom"),
                            p.getString("discipline_poste"), List.copyOf(byEpreuve.values()), enseignements,
                            p.getBoolean("validee")));
                });
            });
        }));
    }

    /** "+" (COMP-3). */
    public Future<Result> validate(Tenant tenant, String uai, long personnelId, long epreuveOptionId, Actor actor) {
        return change(tenant, uai, personnelId, epreuveOptionId, actor, Op.VALIDATE);
    }

    /** "X" (COMP-3). */
    public Future<Result> invalidate(Tenant tenant, String uai, long personnelId, long epreuveOptionId, Actor actor) {
        return change(tenant, uai, personnelId, epreuveOptionId, actor, Op.INVALIDATE);
    }

    /** "Ajouter une compétence" (COMP-4). */
    public Future<Result> add(Tenant tenant, String uai, long personnelId, long epreuveOptionId, Actor actor) {
        return change(tenant, uai, personnelId, epreuveOptionId, actor, Op.ADD);
    }

    private enum Op { VALIDATE, INVALIDATE, ADD }

    private Future<Result> change(Tenant tenant, String uai, long pid, long eo, Actor actor, Op op) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(CONTEXT).execute(Tuple.of(uai, pid)).compose(ctxRows -> {
            if (ctxRows.size() == 0) {
                return Future.succeededFuture(Result.refused(NOT_HERE));
            }
            Row here = ctxRows.iterator().next();
            if (here.getBoolean("validee")) {
                return Future.succeededFuture(Result.refused(READ_ONLY));
            }
            if (!here.getBoolean("exerce")) {
                return Future.succeededFuture(Result.refused(NOT_HERE));
            }
            String categorie = here.getString("categorie");
            return conn.preparedQuery(EPREUVE).execute(Tuple.of(eo)).compose(epreuves -> {
                if (epreuves.size() == 0) {
                    return Future.succeededFuture(Result.refused(NOT_FOUND));
                }
                Row epreuve = epreuves.iterator().next();
                if (op == Op.ADD && !CompetenceRules.familiesFor(categorie).contains(epreuve.getString("famille"))) {
                    return Future.succeededFuture(Result.refused(NOT_PROPOSED));
                }
                String libelle = epreuve.getString("libelle");
                return conn.preparedQuery(AUTHORS).execute(Tuple.of(pid, eo)).compose(rows -> {
                    List<Auteur> authors = new ArrayList<>();
                    rows.forEach(r -> authors.add(new Auteur(r.getString("auteur"), r.getString("type_auteur"), r.getString("avis"))));
                    Decision decision = switch (op) {
                        case VALIDATE -> CompetenceRules.validate(authors, uai);
                        case INVALIDATE -> CompetenceRules.invalidate(authors, uai);
                        case ADD -> CompetenceRules.add(authors);
                    };
                    return apply(conn, decision, uai, pid, eo, libelle, actor);
                });
            });
        }));
    }

    private Future<Result> apply(SqlConnection conn, Decision decision, String uai, long pid, long eo, String libelle, Actor actor) {
        String detail = "uai=" + uai + " personnel=" + pid + " epreuve_option=" + eo;
        return switch (decision) {
            case NOT_FOUND -> Future.succeededFuture(Result.refused(NOT_FOUND));
            case DUPLICATE -> Future.succeededFuture(Result.refused(DUPLICATE));
            case UNCHANGED -> Future.succeededFuture(Result.done("La compétence « " + libelle + " » est déjà dans cet état."));
            case MARK_COMPETENT -> conn.preparedQuery(UPSERT).execute(Tuple.of(pid, eo, uai, "C"))
                    .compose(done -> record(conn, actor, "COMPETENCE_VALIDEE", detail))
                    .map(done -> Result.done("La compétence « " + libelle + " » est validée par l'établissement " + uai + "."));
            case MARK_INCOMPETENT -> conn.preparedQuery(UPSERT).execute(Tuple.of(pid, eo, uai, "I"))
                    .compose(done -> record(conn, actor, "COMPETENCE_INVALIDEE", detail))
                    .map(done -> Result.done("La compétence « " + libelle + " » est invalidée par l'établissement " + uai
                            + " ; elle reste dans la liste car d'autres auteurs l'ont déclarée."));
            case DELETE -> conn.preparedQuery(DELETE).execute(Tuple.of(pid, eo))
                    .compose(done -> record(conn, actor, "COMPETENCE_SUPPRIMEE", detail))
                    .map(done -> Result.done("La compétence « " + libelle + " » est supprimée de la liste."));
        };
    }

    private Future<Void> record(SqlConnection conn, Actor actor, String action, String detail) {
        return audit.record(conn, new AuditTrail.Entry(actor.tenantCode(), actor.login(), action, detail, actor.address()));
    }

    // ---- proposals (COMP-4) ----

    private static final String EXAMENS = """
            select x.code, x.libelle from examen x
            where x.famille = any($1) and exists (select 1 from specialite s join epreuve_option eo on eo.specialite_id = s.id
                                                  where s.examen_code = x.code)
            order by x.libelle, x.code""";
    private static final String SPECIALITES = """
            select s.id, s.libelle from specialite s join examen x on x.code = s.examen_code
            where x.code = $1 and x.famille = any($2)
              and exists (select 1 from epreuve_option eo where eo.specialite_id = s.id)
            order by s.libelle, s.id""";
    private static final String EPREUVES = """
            select eo.id, eo.libelle from epreuve_option eo join specialite s on s.id = eo.specialite_id
            join examen x on x.code = s.examen_code
            where s.id = $1 and x.famille = any($2)
            order by eo.libelle, eo.id""";
    private static final String CATEGORIE = "select categorie from etablissement where uai = $1";

    /** Exams of the establishment's category, or a chosen exam's spécialités, or a spécialité's épreuves. */
    Future<Map<String, List<Proposal>>> proposals(Tenant tenant, String uai, Optional<String> examen, Optional<Long> specialite) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(CATEGORIE).execute(Tuple.of(uai)).compose(cat -> {
            String categorie = cat.size() == 0 ? null : cat.iterator().next().getString("categorie");
            String[] families = CompetenceRules.familiesFor(categorie).toArray(String[]::new);
            if (specialite.isPresent()) {
                return conn.preparedQuery(EPREUVES).execute(Tuple.of(specialite.get(), (Object) families))
                        .map(rows -> Map.of("epreuves", proposals(rows, "id")));
            }
            if (examen.isPresent()) {
                return conn.preparedQuery(SPECIALITES).execute(Tuple.of(examen.get(), (Object) families))
                        .map(rows -> Map.of("specialites", proposals(rows, "id")));
            }
            return conn.preparedQuery(EXAMENS).execute(Tuple.of((Object) families))
                    .map(rows -> Map.of("examens", proposals(rows, "code")));
        }));
    }

    private static List<Proposal> proposals(Iterable<Row> rows, String key) {
        List<Proposal> list = new ArrayList<>();
        for (Row r : rows) {
            list.add(new Proposal(String.valueOf(r.getValue(key)), r.getString("libelle")));
        }
        return list;
    }

    // ---- validation of the saisie (VALID-1) ----

    record Validation(OffsetDateTime le, String par) {
    }

    private static final String LOCK_ETAB = "select uai from etablissement where uai = $1 for no key update";
    private static final String VALIDATION = "select validee_le, validee_par from validation_competences where uai = $1";
    private static final String VALIDATE_ALL = """
            insert into validation_competences (uai, validee_par) values ($1, $2) on conflict (uai) do nothing""";
    private static final String REOPEN = "delete from validation_competences where uai = $1";

    Future<Optional<Validation>> validation(Tenant tenant, String uai) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(VALIDATION).execute(Tuple.of(uai)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.<Validation>empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new Validation(r.getOffsetDateTime("validee_le"), r.getString("validee_par")));
        }));
    }

    /** "Valider" (VALID-1): the establishment's compétences become read-only. */
    public Future<Result> validateSaisie(Tenant tenant, String uai, Actor actor) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(LOCK_ETAB).execute(Tuple.of(uai)).compose(etab -> {
            if (etab.size() == 0) {
                return Future.succeededFuture(Result.refused("Erreur : Établissement inconnu."));
            }
            return conn.preparedQuery(VALIDATE_ALL).execute(Tuple.of(uai, actor.login())).compose(done -> {
                if (done.rowCount() == 0) {
                    return Future.succeededFuture(Result.refused("Erreur : La saisie des compétences est déjà validée."));
                }
                return record(conn, actor, "SAISIE_COMPETENCES_VALIDEE", "uai=" + uai)
                        .map(v -> Result.done("La saisie des compétences est validée : elle n'est plus modifiable."));
            });
        }));
    }

    /** The academy office reopens an establishment's saisie. */
    public Future<Result> reopen(Tenant tenant, String uai, Actor actor) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(LOCK_ETAB).execute(Tuple.of(uai)).compose(etab -> {
            if (etab.size() == 0) {
                return Future.succeededFuture(Result.refused("Erreur : Établissement « " + uai + " » inconnu ; aucune modification n'a été enregistrée."));
            }
            return conn.preparedQuery(REOPEN).execute(Tuple.of(uai)).compose(done -> {
                if (done.rowCount() == 0) {
                    return Future.succeededFuture(Result.refused("Erreur : La saisie des compétences de l'établissement "
                            + uai + " n'est pas validée ; aucune modification n'a été enregistrée."));
                }
                return record(conn, actor, "SAISIE_COMPETENCES_ROUVERTE", "uai=" + uai)
                        .map(v -> Result.done("La saisie des compétences de l'établissement " + uai + " est rouverte."));
            });
        }));
    }

    static final String VALIDATED_LIST = """
            select v.uai, e.nom, e.commune, v.validee_le, v.validee_par
            from validation_competences v join etablissement e on e.uai = v.uai
            order by e.nom, v.uai""";

    Future<List<Map<String, Object>>> validated(Tenant tenant, java.util.function.Function<OffsetDateTime, String> format) {
        return sql.inTenant(tenant, conn -> conn.query(VALIDATED_LIST).execute().map(rows -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(Map.of("uai", r.getString("uai"), "nom", r.getString("nom"), "commune", r.getString("commune"),
                        "le", format.apply(r.getOffsetDateTime("validee_le")), "par", r.getString("validee_par")));
            }
            return list;
        }));
    }

    static Set<String> families(String categorie) {
        return CompetenceRules.familiesFor(categorie);
    }
}
