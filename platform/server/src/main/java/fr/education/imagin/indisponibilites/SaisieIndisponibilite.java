package fr.education.imagin.indisponibilites;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the "Ajouter une indisponibilité" form sends, read and checked (INDISPO-2): dates
 * JJ/MM/AAAA, times HH:MM, a motif, and an end after the start. Every problem gets its own
 * French message for the console; nothing is written unless there is none.
 */
record SaisieIndisponibilite(String dateDebut, String heureDebut, String dateFin, String heureFin, String motif) {

    static final int MOTIF_MAX = 200;

    /** A valid period: {@code debut < fin}, motif trimmed and not blank. */
    record Periode(LocalDateTime debut, LocalDateTime fin, String motif) {
    }

    /** Either the period or the messages saying what is wrong. */
    record Lecture(Optional<Periode> periode, List<String> erreurs) {
    }

    SaisieIndisponibilite {
        dateDebut = clean(dateDebut);
        heureDebut = clean(heureDebut);
        dateFin = clean(dateFin);
        heureFin = clean(heureFin);
        motif = clean(motif);
    }

    static SaisieIndisponibilite vide() {
        return new SaisieIndisponibilite("", "", "", "", "");
    }

    Lecture lire() {
        List<String> erreurs = new ArrayList<>();
        Optional<LocalDate> jourDebut = obligatoire(FrenchInput.date(dateDebut, "date de début"),
                "La date de début est obligatoire (format JJ/MM/AAAA).", erreurs);
        Optional<LocalTime> heureDeDebut = obligatoire(FrenchInput.time(heureDebut, "heure de début"),
                "L'heure de début est obligatoire (format HH:MM).", erreurs);
        Optional<LocalDate> jourFin = obligatoire(FrenchInput.date(dateFin, "date de fin"),
                "La date de fin est obligatoire (format JJ/MM/AAAA).", erreurs);
        Optional<LocalTime> heureDeFin = obligatoire(FrenchInput.time(heureFin, "heure de fin"),
                "L'heure de fin est obligatoire (format HH:MM).", erreurs);
        if (motif.isEmpty()) {
            erreurs.add("Le motif est obligatoire.");
        } else if (motif.length() > MOTIF_MAX) {
            erreurs.add("Le motif ne peut pas dépasser " + MOTIF_MAX + " caractères.");
        }
        if (jourDebut.isPresent() && heureDeDebut.isPresent() && jourFin.isPresent() && heureDeFin.isPresent()) {
            LocalDateTime debut = jourDebut.get().atTime(heureDeDebut.get());
            LocalDateTime fin = jourFin.get().atTime(heureDeFin.get());
            if (!fin.isAfter(debut)) {
                erreurs.add("La fin de l'indisponibilité (" + FrenchFormats.dateTime(fin)
                        + ") doit être postérieure à son début (" + FrenchFormats.dateTime(debut) + ").");
            } else if (erreurs.isEmpty()) {
                return new Lecture(Optional.of(new Periode(debut, fin, motif)), List.of());
            }
        }
        return new Lecture(Optional.empty(), List.copyOf(erreurs));
    }

    private static <T> Optional<T> obligatoire(Parsed<T> parsed, String siVide, List<String> erreurs) {
        if (parsed.isError()) {
            erreurs.add(parsed.error());
        } else if (parsed.isEmpty()) {
            erreurs.add(siVide);
        }
        return parsed.value();
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
