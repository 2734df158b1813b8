package fr.education.imagin.convocations;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
import fr.education.imagin.core.web.RecordIds;
import fr.education.imagin.plugin.api.Qualites;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the "Détail de l'affectation" form sent (CONV-3…CONV-8), as typed, and its reading against
 * the mission's rules: either a {@link Demande} ready to save or the French messages saying what
 * is wrong. The typed values survive a refusal (kept in the session as JSON) so the form comes
 * back as the user left it.
 *
 * @param horaires   per ISO date ({@code 2027-06-21}) the typed start and end times
 * @param surMission the answer to "Saisie sur la mission" (CONV-8): {@code oui}, {@code non} or empty
 * @param confirmee  the user confirmed the convocation despite the warnings shown
 */
public record SaisieConvocation(List<String> personnels, String qualite, String commission, String jury, String salle,
                                String observation, List<String> jours, Map<String, Horaire> horaires, String surMission,
                                boolean confirmee) {

    public static final int SALLE_MAX = 30;
    public static final int QUALITE_MAX = 60;
    public static final int OBSERVATION_MAX = 2000;
    public static final String AUCUNE_DATE = "Sélectionnez au moins une date d'affectation.";
    public static final String AUCUN_INTERVENANT = "Sélectionnez au moins un intervenant à convoquer.";

    public record Horaire(String debut, String fin) {
    }

    /** A valid request: the persons, the affectation's details and its créneaux in date order. */
    public record Demande(List<Long> personnels, String qualite, Optional<Long> commissionId, Optional<Long> juryId,
                          String salle, String observation, List<MissionConvocation.Creneau> creneaux) {
    }

    /** The reading: a demand, or the errors (never both). */
    public record Lecture(Optional<Demande> demande, List<String> erreurs) {
    }

    /** The form of a mission the user opens: the days kept on the mission (or, by rule, all of them) ticked. */
    public static SaisieConvocation initiale(MissionConvocation mission, List<String> personnels) {
        Map<String, Horaire> horaires = new LinkedHashMap<>();
        List<String> jours = new ArrayList<>();
        for (MissionConvocation.Creneau c : mission.creneauxEnregistres().values()) {
            horaires.put(c.jour().toString(), new Horaire(FrenchFormats.time(c.debut()), FrenchFormats.time(c.fin())));
            jours.add(c.jour().toString());
        }
        boolean unique = mission.commissions().size() == 1;
        // A type that asks "Saisie sur la mission" has nothing ticked until dates are kept on it (CONV-8).
        if (jours.isEmpty() && mission.commissions().isEmpty() && !mission.offersToSaveDatesOnMission()) {
            switch (mission.dateRule()) {
                // The rule pre-selects the mission's days (the office's, for OFFICE_DATES_ONLY);
                // "Numérisation des copies" has them entered again (CONV-6).
                case MISSION_DATES, OFFICE_DATES_ONLY -> mission.jours().forEach(j -> jours.add(j.toString()));
                case ENTER_AGAIN -> { }
            }
        }
        return new SaisieConvocation(List.copyOf(personnels), "",
                unique ? String.valueOf(mission.commissions().get(0).id()) : "", "", "",
                mission.observationEnregistree(), jours, horaires, "", false);
    }

    /** Reads the form against the mission; {@code modification} = one existing affectation, person fixed. */
    public Lecture lire(MissionConvocation mission) {
        List<String> erreurs = new ArrayList<>();
        Set<Long> ids = new LinkedHashSet<>();
        for (String p : personnels) {
            OptionalLong id = RecordIds.parse(p);
            if (id.isEmpty()) {
                erreurs.add("Intervenant inconnu : « " + p + " ».");
            } else {
                ids.add(id.getAsLong());
            }
        }
        if (ids.isEmpty() && erreurs.isEmpty()) {
            erreurs.add(AUCUN_INTERVENANT);
        }
        String qualiteRetenue = qualite(mission.qualites(), erreurs);
        Optional<MissionConvocation.Commission> commissionChoisie = Optional.empty();
        if (!mission.commissions().isEmpty()) {
            OptionalLong c = RecordIds.parse(commission);
            if (commission == null || commission.isBlank()) {
                erreurs.add("Choisissez la commission ou la salle sur laquelle l'intervenant est convoqué.");
            } else if (c.isEmpty() || mission.commission(c.getAsLong()).isEmpty()) {
                erreurs.add("La commission choisie n'appartient pas à cette mission.");
            } else {
                commissionChoisie = mission.commission(c.getAsLong());
            }
        }
        Optional<Long> juryChoisi = Optional.empty();
        if (jury != null && !jury.isBlank()) {
            OptionalLong j = RecordIds.parse(jury);
            if (j.isEmpty() || mission.jury(j.getAsLong()).isEmpty()) {
                erreurs.add("Le jury choisi n'appartient pas à cette mission.");
            } else {
                juryChoisi = Optional.of(j.getAsLong());
            }
        }
        String salleSaisie = texte(salle, "Code salle", SALLE_MAX, erreurs);
        String observationSaisie = texte(observation, "Observations sur la convocation", OBSERVATION_MAX, erreurs);
        List<MissionConvocation.Creneau> creneaux = creneaux(mission, commissionChoisie, erreurs);
        if (!erreurs.isEmpty()) {
            return new Lecture(Optional.empty(), List.copyOf(erreurs));
        }
        return new Lecture(Optional.of(new Demande(List.copyOf(ids), qualiteRetenue,
                commissionChoisie.map(MissionConvocation.Commission::id), juryChoisi, salleSaisie, observationSaisie,
                creneaux)), List.of());
    }

    private String qualite(Qualites rule, List<String> erreurs) {
        String typed = texte(qualite, "Qualité", QUALITE_MAX, erreurs);
        return switch (rule.source()) {
            case NONE -> "";
            case FIXED_LIST -> {
                if (typed.isEmpty()) {
                    if (rule.whenNoneChosen().isPresent()) {
                        yield rule.whenNoneChosen().get();
                    }
                    erreurs.add("Choisissez la qualité de l'intervenant.");
                } else if (!rule.offered().contains(typed)) {
                    erreurs.add("La qualité « " + typed + " » n'est pas proposée pour cette mission.");
                }
                yield typed;
            }
            // Optional ("Vous pouvez préciser la qualité", guide §4.2.3); the service checks a chosen one
            // against the office's table, which it knows.
            case OFFICE_LIST -> typed;
        };
    }

    private List<MissionConvocation.Creneau> creneaux(MissionConvocation mission,
                                                      Optional<MissionConvocation.Commission> commission, List<String> erreurs) {
        if (!mission.commissions().isEmpty() && commission.isEmpty()) {
            return List.of();
        }
        List<LocalDate> permis = mission.joursPermis(commission);
        Set<LocalDate> choisis = new java.util.TreeSet<>();
        for (String j : jours) {
            LocalDate jour;
            try {
                jour = LocalDate.parse(j);
            } catch (DateTimeParseException e) {
                erreurs.add("La date « " + j + " » n'est pas une date.");
                continue;
            }
            if (!permis.contains(jour)) {
                erreurs.add("Le " + FrenchFormats.date(jour) + " n'est pas une date de "
                        + (commission.isPresent() ? "la commission choisie." : "la mission."));
            } else {
                choisis.add(jour);
            }
        }
        if (choisis.isEmpty()) {
            if (jours.isEmpty()) {
                erreurs.add(AUCUNE_DATE);
            }
            return List.of();
        }
        List<MissionConvocation.Creneau> creneaux = new ArrayList<>();
        for (LocalDate jour : choisis) {
            Horaire h = horaires.getOrDefault(jour.toString(), new Horaire("", ""));
            String date = FrenchFormats.date(jour);
            Parsed<LocalTime> debut = FrenchInput.time(h.debut(), "heure de début du " + date);
            Parsed<LocalTime> fin = FrenchInput.time(h.fin(), "heure de fin du " + date);
            if (debut.isEmpty() || fin.isEmpty()) {
                erreurs.add("Saisissez l'heure de début et l'heure de fin du " + date + ".");
            } else if (debut.isError() || fin.isError()) {
                if (debut.isError()) {
                    erreurs.add(debut.error());
                }
                if (fin.isError()) {
                    erreurs.add(fin.error());
                }
            } else if (!fin.value().get().isAfter(debut.value().get())) {
                erreurs.add("L'heure de fin du " + date + " doit être après son heure de début.");
            } else {
                creneaux.add(new MissionConvocation.Creneau(jour, debut.value().get(), fin.value().get()));
            }
        }
        return creneaux;
    }

    static String texte(String value, String champ, int max, List<String> erreurs) {
        String typed = value == null ? "" : value.strip();
        if (typed.codePoints().anyMatch(SaisieConvocation::interdit)) {
            erreurs.add("Le champ « " + champ + " » contient un caractère non autorisé.");
            return "";
        }
        if (typed.length() > max) {
            erreurs.add("Le champ « " + champ + " » dépasse " + max + " caractères.");
        }
        return typed;
    }

    /**
     * Characters no document can carry (control characters but tab and line breaks, non-characters,
     * lone surrogates): the PDF's XHTML would not parse, and every later PDF of the mission with it.
     */
    private static boolean interdit(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c == 0xFFFE || c == 0xFFFF
                || Character.isSurrogate((char) c) && c <= 0xFFFF;
    }

    /**
     * CONV-8: whether saving asks "Saisie sur la mission": the type offers it, and the dates or
     * the observation differ from what is kept on the mission (always true before the first save).
     */
    public static boolean demandeSaisieSurMission(MissionConvocation mission, Demande demande) {
        if (!mission.offersToSaveDatesOnMission()) {
            return false;
        }
        Map<LocalDate, MissionConvocation.Creneau> chosen = new LinkedHashMap<>();
        demande.creneaux().forEach(c -> chosen.put(c.jour(), c));
        return mission.creneauxEnregistres().isEmpty() || !chosen.equals(mission.creneauxEnregistres())
                || !demande.observation().equals(mission.observationEnregistree());
    }

    /** The typed values, for the session between a refusal and the form drawn again. */
    public JsonObject toJson() {
        JsonObject h = new JsonObject();
        horaires.forEach((jour, horaire) -> h.put(jour, new JsonObject().put("debut", horaire.debut()).put("fin", horaire.fin())));
        return new JsonObject().put("personnels", new JsonArray(personnels)).put("qualite", qualite)
                .put("commission", commission).put("jury", jury).put("salle", salle).put("observation", observation)
                .put("jours", new JsonArray(jours)).put("horaires", h).put("surMission", surMission)
                .put("confirmee", confirmee);
    }

    public static SaisieConvocation fromJson(JsonObject json) {
        Map<String, Horaire> horaires = new LinkedHashMap<>();
        JsonObject h = json.getJsonObject("horaires", new JsonObject());
        for (String jour : h.fieldNames()) {
            JsonObject v = h.getJsonObject(jour);
            horaires.put(jour, new Horaire(v.getString("debut", ""), v.getString("fin", "")));
        }
        return new SaisieConvocation(strings(json.getJsonArray("personnels")), json.getString("qualite", ""),
                json.getString("commission", ""), json.getString("jury", ""), json.getString("salle", ""),
                json.getString("observation", ""), strings(json.getJsonArray("jours")), horaires,
                json.getString("surMission", ""), json.getBoolean("confirmee", false));
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(String.valueOf(v)));
        }
        return values;
    }
}
