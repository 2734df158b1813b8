package fr.education.imagin.missions;

import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.plugin.api.Inscription;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a registration import: CSV, UTF-8, ';'-separated, first line = column names (any
 * order), one line per épreuve-option, candidate kind and centres. Fields may be quoted with
 * '"'. The columns (documented with examples in {@code plugins/README.md}):
 * <pre>
 * examen;session;specialite;libelle_specialite;epreuve;libelle_epreuve;nature;cadre;type_candidat;
 * candidats;centre_numerisation;centre_epreuve;centre_santorin;date_debut;date_fin;affectation_terminee
 * </pre>
 * Every line is checked; the result lists all the errors (French, with the line number) so the
 * office can fix the file in one go.
 */
public final class RegistrationFile {

    static final List<String> COLUMNS = List.of("examen", "session", "specialite", "libelle_specialite", "epreuve",
            "libelle_epreuve", "nature", "cadre", "type_candidat", "candidats", "centre_numerisation", "centre_epreuve",
            "centre_santorin", "date_debut", "date_fin", "affectation_terminee");

    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** The rows, or the reasons the file is refused; {@code lignes} counts the data lines read. */
    public record Parsed(List<Inscription> inscriptions, List<String> errors, int lignes) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private RegistrationFile() {
    }

    public static Parsed parse(Reader source) {
        List<Inscription> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int lignes = 0;
        try (BufferedReader reader = new BufferedReader(source)) {
            String header = reader.readLine();
            if (header == null) {
                return new Parsed(List.of(), List.of("Le fichier est vide."), 0);
            }
            Map<String, Integer> index = header(header.replace("\uFEFF", ""), errors);
            if (!errors.isEmpty()) {
                return new Parsed(List.of(), errors, 0);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                lignes++;
                List<String> lineErrors = new ArrayList<>();
                Inscription row = row(number, fields(line), index, lineErrors);
                errors.addAll(lineErrors);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add("Le fichier ne contient aucune ligne d'inscription.");
        }
        return new Parsed(errors.isEmpty() ? List.copyOf(rows) : List.of(), List.copyOf(errors), lignes);
    }

    private static Map<String, Integer> header(String line, List<String> errors) {
        List<String> names = fields(line).stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (!COLUMNS.contains(names.get(i))) {
                errors.add("Ligne 1 : colonne « " + names.get(i) + " » inconnue.");
            } else if (index.put(names.get(i), i) != null) {
                errors.add("Ligne 1 : colonne « " + names.get(i) + " » en double.");
            }
        }
        COLUMNS.stream().filter(c -> !index.containsKey(c))
                .forEach(c -> errors.add("Ligne 1 : colonne « " + c + " » manquante."));
        return index;
    }

    /** One CSV line: ';' separated, '"' quoting with "" for a quote. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Inscription row(int line, List<String> fields, Map<String, Integer> index, List<String> errors) {
        if (fields.size() != index.size()) {
            errors.add("Ligne " + line + " : " + fields.size() + " champs au lieu de " + index.size() + ".");
            return null;
        }
        Field f = new Field(line, fields, index, errors);
        String examen = f.code("examen");
        Integer session = f.integer("session", 2000, 2100);
        String specialite = f.code("specialite");
        String epreuve = f.code("epreuve");
        Inscription.Nature nature = f.choice("nature", Inscription.Nature.class);
        String cadre = f.text("cadre").toUpperCase(Locale.ROOT);
        Inscription.TypeCandidat type = f.choice("type_candidat", Inscription.TypeCandidat.class);
        Integer candidats = f.integer("candidats", 1, 100_000);
        String numerisation = f.uai("centre_numerisation", true);
        String centreEpreuve = f.uai("centre_epreuve", true);
        String santorin = f.uai("centre_santorin", false);
        LocalDate debut = f.date("date_debut");
        LocalDate fin = f.date("date_fin");
        Boolean terminee = f.ouiNon("affectation_terminee");
        if (debut != null && fin != null && fin.isBefore(debut)) {
            errors.add("Ligne " + line + " : date_fin (" + DATE.format(fin) + ") antérieure à date_debut (" + DATE.format(debut) + ").");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Inscription(line, examen, session, specialite, f.text("libelle_specialite"), epreuve,
                f.text("libelle_epreuve"), nature, cadre, type, candidats, numerisation, centreEpreuve,
                Optional.ofNullable(santorin), debut, fin, terminee);
    }

    /** Reads and checks the fields of one line, collecting French errors. */
    private record Field(int line, List<String> values, Map<String, Integer> index, List<String> errors) {

        String text(String column) {
            return values.get(index.get(column)).strip();
        }

        private void error(String column, String value, String expected) {
            errors.add("Ligne " + line + " : " + column + " « " + value + " » invalide (" + expected + ").");
        }

        String code(String column) {
            String value = text(column);
            if (!CODE.matcher(value).matches()) {
                error(column, value, "code de 1 à 30 lettres, chiffres, '.', '_' ou '-'");
                return null;
            }
            return value.toUpperCase(Locale.ROOT);
        }

        Integer integer(String column, int min, int max) {
            String value = text(column);
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            error(column, value, "entier de " + min + " à " + max);
            return null;
        }

        <E extends Enum<E>> E choice(String column, Class<E> type) {
            String value = text(column);
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(column, value, String.join(" ou ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
                return null;
            }
        }

        String uai(String column, boolean required) {
            String value = text(column).toUpperCase(Locale.ROOT);
            if (value.isEmpty() && !required) {
                return null;
            }
            if (!FrenchInput.uai(value)) {
                error(column, value, "UAI de 7 chiffres et une lettre" + (required ? "" : ", ou vide"));
                return null;
            }
            return value;
        }

        LocalDate date(String column) {
            String value = text(column);
            try {
                return LocalDate.parse(value, DATE);
            } catch (DateTimeParseException e) {
                error(column, value, "date JJ/MM/AAAA");
                return null;
            }
        }

        Boolean ouiNon(String column) {
            String value = text(column).toUpperCase(Locale.ROOT);
            return switch (value) {
                case "O", "OUI" -> true;
                case "N", "NON" -> false;
                default -> {
                    error(column, value, "O ou N");
                    yield null;
                }
            };
        }
    }
}
