package fr.education.imagin.personnels;

import fr.education.imagin.core.format.FrenchFormats;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One row of the "personnels et leurs missions" exports: a person, and one of their affectations
 * in the chosen years ({@code mission} null when they have none), every value already written as
 * the guide shows it ("Le mardi 15/03/2016 09:00 - 12:00", "Convoqué").
 */
record MissionRow(long personnelId, String nom, String prenom, String poste, Map<String, String> person, Mission mission) {

    record Mission(String numero, String type, String annee, String session, String examen, String specialiteEpreuve,
                   String epreuve, String lieu, String centre, String dates, String duree, String commission, String jury,
                   String qualite, String statut, String consigne, String observation) {

        Map<String, String> model() {
            Map<String, String> model = new LinkedHashMap<>();
            model.put("numero", numero);
            model.put("type", type);
            model.put("session", session);
            model.put("sessionExamen", annee + " " + examen);
            model.put("specialiteEpreuve", specialiteEpreuve);
            model.put("epreuve", epreuve);
            model.put("lieu", lieu);
            model.put("centre", centre);
            model.put("dates", dates);
            model.put("duree", duree);
            model.put("commission", commission);
            model.put("jury", jury);
            model.put("qualite", qualite);
            model.put("statut", statut);
            model.put("consigne", consigne);
            model.put("observation", observation);
            return model;
        }
    }

    static MissionRow of(Row row) {
        Map<String, String> person = new LinkedHashMap<>();
        person.put("nom", row.getString("nom"));
        person.put("prenom", row.getString("prenom"));
        person.put("civilite", row.getString("civilite"));
        person.put("poste", row.getString("discipline_poste"));
        person.put("origine", row.getString("origine") == null ? ""
                : row.getString("origine") + " (" + row.getString("origine_uai") + ")");
        person.put("adresse", String.join(" ", nonBlank(row.getString("adresse"),
                nonBlankJoin(row.getString("code_postal"), row.getString("commune")))).strip());
        person.put("telephone", row.getString("tel_perso"));
        person.put("telephonePro", row.getString("tel_pro"));
        Mission mission = row.getString("numero") == null ? null : mission(row);
        return new MissionRow(row.getLong("personnel_id"), row.getString("nom"), row.getString("prenom"),
                row.getString("discipline_poste"), person, mission);
    }

    private static Mission mission(Row row) {
        LocalDate[] jours = row.getArrayOfLocalDates("jours");
        LocalTime[] debuts = row.getArrayOfLocalTimes("debuts");
        LocalTime[] fins = row.getArrayOfLocalTimes("fins");
        LocalDate debut = row.getLocalDate("date_debut");
        LocalDate fin = row.getLocalDate("date_fin");
        String specialite = orEmpty(row.getString("specialite"));
        String epreuve = row.getString("epreuve_code") == null ? "" : row.getString("epreuve_code") + ", " + row.getString("epreuve");
        String specialiteEpreuve = specialite.isEmpty() ? orEmpty(row.getString("epreuve"))
                : row.getString("epreuve") == null ? specialite : specialite + ", " + row.getString("epreuve");
        return new Mission(row.getString("numero"), row.getString("type"), String.valueOf(row.getInteger("annee")),
                row.getString("session"), row.getString("examen"), specialiteEpreuve, epreuve,
                row.getString("centre"),
                row.getString("centre") + " " + orEmpty(row.getString("centre_commune")) + " (" + row.getString("centre_uai") + ")",
                dates(jours, debuts, fins, debut, fin), duree(jours, debut, fin),
                orEmpty(row.getString("commission")), orEmpty(row.getString("jury")), orEmpty(row.getString("qualite")),
                statut(row.getString("statut")), orEmpty(row.getString("consigne")), orEmpty(row.getString("observation")));
    }

    /** Each time slot ("Le mardi 15/03/2016 09:00 - 12:00"), or the mission's days when none was set. */
    static String dates(LocalDate[] jours, LocalTime[] debuts, LocalTime[] fins, LocalDate debut, LocalDate fin) {
        if (jours != null && jours.length > 0) {
            List<String> slots = new ArrayList<>(jours.length);
            for (int i = 0; i < jours.length; i++) {
                slots.add("Le " + FrenchFormats.dayDate(jours[i]) + " " + FrenchFormats.time(debuts[i]) + " - "
                        + FrenchFormats.time(fins[i]));
            }
            return String.join(" ; ", slots);
        }
        return debut.equals(fin) ? "Le " + FrenchFormats.dayDate(debut)
                : "Du " + FrenchFormats.dayDate(debut) + " au " + FrenchFormats.dayDate(fin);
    }

    /** "Durée : 2 jour(s)": the days with a time slot, or the mission's days. */
    static String duree(LocalDate[] jours, LocalDate debut, LocalDate fin) {
        long days = jours != null && jours.length > 0 ? new TreeSet<>(List.of(jours)).size()
                : ChronoUnit.DAYS.between(debut, fin) + 1;
        return days + " jour(s)";
    }

    static String statut(String statut) {
        return switch (statut) {
            case "AFFECTEE" -> "Affecté";
            case "CONVOQUEE" -> "Convoqué";
            case "CONVOQUEE_PAR_CENTRE" -> "Convoqué par le centre";
            default -> statut;
        };
    }

    private static List<String> nonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return kept;
    }

    private static String nonBlankJoin(String first, String second) {
        return String.join(" ", nonBlank(first, second));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
