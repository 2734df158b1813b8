package fr.education.imagin.convocations;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
import fr.education.imagin.core.mail.MailOutbox;
import fr.education.imagin.core.mail.OutgoingMail;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.plugin.api.Qualites;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The academy office convenes the people it designated on a mission (GEST-2, EC-6; the SPEC's
 * status "Convoquée", by the academy office): the selected affectations of statut
 * {@code AFFECTEE} become {@code CONVOQUEE}, each on every day planned for it (its commission's
 * days, else the mission's, else every day of the mission) at the same hours, with the
 * observation. One transaction holds the change, its audit entries, what it tells SANTORIN and
 * the person's home académie ({@link ConvocationEffects}) and one mail per convened person with
 * the convocation's PDF ({@link MailOutbox}), so the mails exist if and only if the convocations
 * do. Unavailabilities and other convocations at the same time warn, as on the centre's form,
 * and the office convenes anyway once it confirms.
 */
public final class OfficeConvocationService {

    /** The observation's length, as on the centre's form. */
    public static final int OBSERVATION_MAX = SaisieConvocation.OBSERVATION_MAX;

    /** What the office's form sends, as typed: the selected affectations, the hours, the observation. */
    public record Saisie(List<String> affectations, String debut, String fin, String observation, boolean confirmee) {
    }

    /** The form's starting values: the hours kept on the mission (its first saved day), its observation. */
    public record Formulaire(String debut, String fin, String observation) {
    }

    /** Outcome of a convocation request. */
    public sealed interface Resultat {
        /** Done: what the console says, information then warnings (people without a mail address). */
        record Convoquees(int personnes, List<String> informations, List<String> avertissements) implements Resultat {
        }

        /** Nothing written; {@code champ} is the form's field at fault ("" for the selection or the mission). */
        record Refusee(String champ, List<String> erreurs) implements Resultat {
        }

        /** Nothing written: warnings the office must confirm ("Convoquer malgré tout"). */
        record AConfirmer(List<String> avertissements) implements Resultat {
        }
    }

    private static final String FORMULAIRE = """
            select m.observation_convocation,
                   (select c.heure_debut from mission_creneau_convocation c where c.mission_id = m.id order by c.jour limit 1) as debut,
                   (select c.heure_fin from mission_creneau_convocation c where c.mission_id = m.id order by c.jour limit 1) as fin
            from mission m where m.id = $1""";

    /** The selected affectations, locked until the transaction ends, with their planned days. */
    private static final String SELECTION = """
            select a.id, a.mission_id, a.personnel_id, a.statut, p.nom, p.prenom,
            """ + MissionConvocationService.JOURS_PREVUS + """
             as jours_prevus
            from affectation a
            join personnel p on p.id = a.personnel_id
            where a.id = any($1)
            order by p.nom collate "fr-FR-x-icu", p.prenom collate "fr-FR-x-icu", a.id
            for update of a""";

    private static final String CONVOQUER = """
            update affectation set statut = 'CONVOQUEE', convoquee_le = now(), observation = $2,
                                   qualite = case when qualite = '' then $3 else qualite end
            where id = any($1) and statut = 'AFFECTEE'""";

    private final TenantSql sql;
    private final MissionConvocationService missions;
    private final ConvocationDocuments documents;
    private final MailOutbox outbox;
    private final AuditTrail audit;
    private final ConvocationEffects effects;

    public OfficeConvocationService(TenantSql sql, MissionConvocationService missions, ConvocationDocuments documents,
                                    MailOutbox outbox, AuditTrail audit, ConvocationEffects effects) {
        this.sql = sql;
        this.missions = missions;
        this.documents = documents;
        this.outbox = outbox;
        this.audit = audit;
        this.effects = effects;
    }

    /** The form as the mission's page first shows it; empty when the mission does not exist. */
    public Future<Optional<Formulaire>> formulaire(Tenant tenant, long missionId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(FORMULAIRE).execute(Tuple.of(missionId))).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new Formulaire(FrenchFormats.time(r.getLocalTime("debut")), FrenchFormats.time(r.getLocalTime("fin")),
                    r.getString("observation_convocation")));
        });
    }

    private record Lecture(List<Long> affectations, LocalTime debut, LocalTime fin, String observation) {
    }

    private record Designee(long affectation, long mission, long personnel, String statut, String nom, String prenom,
                            List<LocalDate> jours) {
    }

    /**
     * Convenes the selected designations of mission {@code missionId}: refused, with nothing
     * written, when the form is wrong, the type's pre-conditions say no (CONV-9) or the selection
     * is no longer what the page showed (a row convened or removed meanwhile, or of another
     * mission); held for confirmation when someone is unavailable or convened elsewhere then.
     */
    public Future<Resultat> convoquer(Tenant tenant, String actor, String address, long missionId, Saisie saisie) {
        Map<String, List<String>> erreurs = new LinkedHashMap<>();
        Lecture lecture = lire(saisie, erreurs);
        if (!erreurs.isEmpty()) {
            Map.Entry<String, List<String>> first = erreurs.entrySet().iterator().next();
            List<String> all = new ArrayList<>();
            erreurs.values().forEach(all::addAll);
            return Future.succeededFuture(new Resultat.Refusee(first.getKey(), all));
        }
        return missions.rules().convocationRefusal(tenant, missionId).compose(refusal -> refusal.isPresent()
                        ? Future.succeededFuture((Resultat) new Resultat.Refusee("", List.of(refusal.get())))
                        : sql.inTenant(tenant, conn -> missions.missionOfAcademy(conn, tenant, missionId).compose(mission -> mission.isEmpty()
                        ? Future.succeededFuture(new Resultat.Refusee("", List.of("Cette mission n'existe plus.")))
                        : convoquer(conn, tenant, actor, address, mission.get(), lecture, saisie.confirmee()))))
                .recover(failure -> failure instanceof NoSuchElementException
                        ? Future.succeededFuture(new Resultat.Refusee("", List.of("Cette mission n'existe plus.")))
                        : Future.failedFuture(failure))
                .onSuccess(r -> {
                    if (r instanceof Resultat.Convoquees) {
                        effects.afterCommit();
                    }
                });
    }

    private static Lecture lire(Saisie saisie, Map<String, List<String>> erreurs) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String typed : saisie.affectations()) {
            OptionalLong id = RecordIds.parse(typed);
            if (id.isEmpty()) {
                erreurs.computeIfAbsent("selection", k -> new ArrayList<>()).add("La sélection contient une valeur invalide.");
                break;
            }
            ids.add(id.getAsLong());
        }
        if (ids.isEmpty() && !erreurs.containsKey("selection")) {
            erreurs.computeIfAbsent("selection", k -> new ArrayList<>()).add("Sélectionnez au moins une personne désignée à convoquer.");
        }
        LocalTime debut = heure(saisie.debut(), "debut", "heure de début", erreurs);
        LocalTime fin = heure(saisie.fin(), "fin", "heure de fin", erreurs);
        if (debut != null && fin != null && !fin.isAfter(debut)) {
            erreurs.computeIfAbsent("fin", k -> new ArrayList<>()).add("L'heure de fin doit être après l'heure de début.");
        }
        List<String> observation = new ArrayList<>();
        String texte = SaisieConvocation.texte(saisie.observation(), "Observations sur la convocation",
                SaisieConvocation.OBSERVATION_MAX, observation);
        if (!observation.isEmpty()) {
            erreurs.put("observation", observation);
        }
        return new Lecture(List.copyOf(ids), debut, fin, texte);
    }

    private static LocalTime heure(String typed, String champ, String libelle, Map<String, List<String>> erreurs) {
        Parsed<LocalTime> parsed = FrenchInput.time(typed, libelle);
        if (parsed.isError()) {
            erreurs.computeIfAbsent(champ, k -> new ArrayList<>()).add(parsed.error());
            return null;
        }
        if (parsed.isEmpty()) {
            erreurs.computeIfAbsent(champ, k -> new ArrayList<>()).add("Saisissez l'" + libelle + " (HH:MM).");
            return null;
        }
        return parsed.value().get();
    }

    private Future<Resultat> convoquer(SqlConnection conn, Tenant tenant, String actor, String address, MissionConvocation mission,
                                       Lecture lecture, boolean confirmee) {
        // The mission's days stay as read until the commit: the office's date change (select … for update) waits.
        return conn.preparedQuery("select 1 from mission where id = $1 for key share").execute(Tuple.of(mission.id()))
                .compose(locked -> conn.preparedQuery(SELECTION)
                        .execute(Tuple.tuple().addArrayOfLong(lecture.affectations().toArray(Long[]::new))))
                .compose(rows -> {
                    List<Designee> designees = new ArrayList<>();
                    rows.forEach(r -> designees.add(new Designee(r.getLong("id"), r.getLong("mission_id"), r.getLong("personnel_id"),
                            r.getString("statut"), r.getString("nom"), r.getString("prenom"),
                            List.of(r.getArrayOfLocalDates("jours_prevus")))));
                    List<String> perimees = perimees(mission, lecture.affectations(), designees);
                    if (!perimees.isEmpty()) {
                        List<String> erreurs = new ArrayList<>();
                        erreurs.add("Aucune convocation n'a été faite : la sélection ne correspond plus aux personnes désignées"
                                + " sur cette mission. Vérifiez la liste ci-dessous et sélectionnez de nouveau.");
                        erreurs.addAll(perimees);
                        return Future.succeededFuture((Resultat) new Resultat.Refusee("", erreurs));
                    }
                    Future<List<String>> avertissements = confirmee ? Future.succeededFuture(List.of())
                            : conflits(conn, mission.id(), designees, lecture);
                    return avertissements.compose(warnings -> warnings.isEmpty()
                            ? ecrire(conn, tenant, actor, address, mission, designees, lecture)
                            : Future.succeededFuture(new Resultat.AConfirmer(warnings)));
                });
    }

    /** Why the selection is stale: each selected id that is not a designation of this mission as the page showed. */
    private static List<String> perimees(MissionConvocation mission, List<Long> selection, List<Designee> found) {
        Map<Long, Designee> byId = new LinkedHashMap<>();
        found.forEach(d -> byId.put(d.affectation(), d));
        List<String> erreurs = new ArrayList<>();
        int disparues = 0;
        for (Long id : selection) {
            Designee d = byId.get(id);
            if (d == null) {
                disparues++;
            } else if (d.mission() != mission.id()) {
                erreurs.add(d.nom() + " " + d.prenom() + " n'est pas désigné(e) sur la mission n° " + mission.numero() + ".");
            } else if (!"AFFECTEE".equals(d.statut())) {
                erreurs.add(d.nom() + " " + d.prenom() + " est déjà convoqué(e) sur cette mission"
                        + ("CONVOQUEE_PAR_CENTRE".equals(d.statut()) ? " par le centre d'examen." : " (entre-temps)."));
            }
        }
        if (disparues > 0) {
            erreurs.add(disparues > 1 ? disparues + " désignations sélectionnées n'existent plus (retirées entre-temps)."
                    : "Une désignation sélectionnée n'existe plus (retirée entre-temps).");
        }
        return erreurs;
    }

    /** The centre's form's warnings, asked once per set of planned days (people of one commission share theirs). */
    private static Future<List<String>> conflits(SqlConnection conn, long missionId, List<Designee> designees, Lecture lecture) {
        Map<List<LocalDate>, List<Long>> parJours = new LinkedHashMap<>();
        designees.forEach(d -> parJours.computeIfAbsent(d.jours(), k -> new ArrayList<>()).add(d.personnel()));
        List<String> warnings = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<List<LocalDate>, List<Long>> group : parJours.entrySet()) {
            chain = chain.compose(v -> MissionConvocationService.conflits(conn, missionId, group.getValue(),
                    creneaux(group.getKey(), lecture), MissionConvocationService.NO_AFFECTATION).map(found -> {
                        warnings.addAll(found);
                        return null;
                    }));
        }
        return chain.map(v -> List.copyOf(warnings));
    }

    private static List<MissionConvocation.Creneau> creneaux(List<LocalDate> jours, Lecture lecture) {
        return jours.stream().map(j -> new MissionConvocation.Creneau(j, lecture.debut(), lecture.fin())).toList();
    }

    private Future<Resultat> ecrire(SqlConnection conn, Tenant tenant, String actor, String address, MissionConvocation mission,
                                    List<Designee> designees, Lecture lecture) {
        List<Long> ids = designees.stream().map(Designee::affectation).toList();
        Long[] idArray = ids.toArray(Long[]::new);
        // CONV-4: a type whose qualité defaults when none is chosen ("Correcteur Santorin") gives it to those designated without one.
        String qualiteParDefaut = mission.qualites().source() == Qualites.Source.FIXED_LIST
                ? mission.qualites().whenNoneChosen().orElse("") : "";
        List<Tuple> creneaux = new ArrayList<>();
        int jours = 0;
        for (Designee d : designees) {
            for (MissionConvocation.Creneau c : creneaux(d.jours(), lecture)) {
                creneaux.add(Tuple.of(d.affectation(), c.jour(), c.debut(), c.fin()));
            }
            jours += d.jours().size();
        }
        String horaires = "de " + FrenchFormats.time(lecture.debut()) + " à " + FrenchFormats.time(lecture.fin());
        int creneauxEcrits = jours;
        return conn.preparedQuery(CONVOQUER).execute(Tuple.tuple().addArrayOfLong(idArray).addString(lecture.observation())
                        .addString(qualiteParDefaut))
                .compose(v -> conn.preparedQuery("delete from affectation_creneau where affectation_id = any($1)")
                        .execute(Tuple.tuple().addArrayOfLong(idArray)))
                .compose(v -> creneaux.isEmpty() ? Future.succeededFuture() : conn.preparedQuery(
                                "insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin) values ($1, $2, $3, $4)")
                        .executeBatch(creneaux).mapEmpty())
                .compose(v -> effects.afterChange(conn, tenant, mission, ids))
                .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "CONVOCATION_ACADEMIE",
                        "mission=" + mission.numero() + " affectations=" + ids + " " + horaires + " creneaux=" + creneauxEcrits, address)))
                .compose(v -> courrier(conn, tenant, actor, address, mission, ids))
                .map(courrier -> {
                    int n = ids.size();
                    List<String> informations = new ArrayList<>();
                    informations.add(n > 1 ? n + " personnes sont convoquées sur la mission n° " + mission.numero() + " (" + horaires + ")."
                            : "La personne est convoquée sur la mission n° " + mission.numero() + " (" + horaires + ").");
                    courrier.information().ifPresent(informations::add);
                    return new Resultat.Convoquees(n, informations, courrier.avertissements());
                });
    }

    private record Courrier(Optional<String> information, List<String> avertissements) {
    }

    /**
     * One mail per convened person with an address, the PDF attached and a copy to the centre,
     * queued in the transaction that convened them (the PDFs read what it wrote); the others named.
     */
    private Future<Courrier> courrier(SqlConnection conn, Tenant tenant, String actor, String address, MissionConvocation mission,
                                      List<Long> ids) {
        return documents.convocations().convened(conn, tenant, ids).compose(convocations -> {
            List<String> avertissements = new ArrayList<>();
            List<Convocation> avecAdresse = new ArrayList<>();
            for (Convocation c : convocations) {
                Optional<String> sansAdresse = ConvocationMails.sansAdresse(c);
                if (sansAdresse.isPresent()) {
                    avertissements.add(sansAdresse.get() + " : sa convocation ne lui a pas été envoyée par mél.");
                } else {
                    avecAdresse.add(c);
                }
            }
            if (avecAdresse.isEmpty()) {
                return Future.succeededFuture(new Courrier(Optional.empty(), avertissements));
            }
            String copie = avecAdresse.get(0).centre().mail();
            if (!copie.isBlank() && !OutgoingMail.isAddress(copie)) {
                avertissements.add("L'adresse mél du centre d'examen (« " + copie + " ») est invalide : les méls partent sans copie au centre.");
            }
            List<OutgoingMail> mails = new ArrayList<>();
            Future<Void> chain = Future.succeededFuture();
            for (Convocation c : avecAdresse) {
                chain = chain.compose(v -> documents.document(tenant, c)).map(document -> {
                    mails.add(ConvocationMails.mail(tenant, c, document));
                    return null;
                });
            }
            return chain.compose(v -> outbox.enqueueAll(conn, mails))
                    .compose(v -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "CONVOCATIONS_ENVOYEES",
                            "academie mission=" + mission.numero() + " mels=" + mails.size(), address)))
                    .map(v -> new Courrier(Optional.of(message(mails.size(), mails.stream().anyMatch(m -> m.cc() != null))),
                            avertissements));
        });
    }

    /** Says only what happens: the mails leave when an SMTP server is configured, else they wait in the outbox. */
    private String message(int n, boolean copie) {
        String quoi = n > 1 ? n + " convocations" : "La convocation";
        String avecCopie = copie ? ", avec une copie au centre d'examen" : "";
        return outbox.delivering()
                ? quoi + (n > 1 ? " partent" : " part") + " par mél (adresse professionnelle de préférence)" + avecCopie + "."
                : quoi + (n > 1 ? " sont placées" : " est placée") + " dans la file des méls" + avecCopie
                + " : aucun serveur de messagerie n'est configuré sur cette plateforme, " + (n > 1 ? "elles partiront" : "elle partira")
                + " dès qu'il le sera. La page « Courriels » de l'académie montre cette file.";
    }
}
