package fr.education.imagin.imports;

import fr.education.imagin.core.format.FrenchInput;
import fr.education.imagin.core.format.Parsed;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a staff and workplaces file (EPP-like): CSV, UTF-8, ';'-separated, '"' quoting, first
 * line = column names in any order, one line per person and workplace. The columns:
 * <pre>
 * numen;civilite;nom;prenom;date_naissance;discipline_poste;corps;mail_pro;tel_pro;uai;principal
 * </pre>
 * A person on several lines (one per workplace) carries the same identity on each; exactly one
 * of their workplaces is principal. Every line is checked and every refusal reported with its
 * line number.
 */
public final class StaffFile {

    static final List<String> COLUMNS = List.of("numen", "civilite", "nom", "prenom", "date_naissance",
            "discipline_poste", "corps", "mail_pro", "tel_pro", "uai", "principal");
    private static final Set<String> OPTIONAL = Set.of("corps", "mail_pro", "tel_pro");
    /** The NUMEN of the Éducation nationale: 2 digits, a letter, 7 digits, 3 letters ({@code 12E0712345ABC}). */
    private static final Pattern NUMEN = Pattern.compile("[0-9]{2}[A-Z][0-9]{7}[A-Z]{3}");
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TEXT = 200;
    /** Refusals in file order, those about the whole file first. */
    static final java.util.Comparator<ImportReport.Rejet> BY_LINE = java.util.Comparator.comparing(ImportReport.Rejet::ligne,
            java.util.Comparator.nullsFirst(Integer::compare));

    /** One person as the file describes them, with their workplaces (UAI → principal). */
    public record Person(int line, String numen, String civilite, String nom, String prenom, LocalDate dateNaissance,
                         String discipline, String corps, String mailPro, String telPro, Map<String, Boolean> lieux,
                         Map<String, Integer> lignesLieux) {

        boolean sameIdentity(Person other) {
            return civilite.equals(other.civilite) && nom.equals(other.nom) && prenom.equals(other.prenom)
                    && dateNaissance.equals(other.dateNaissance) && discipline.equals(other.discipline)
                    && corps.equals(other.corps) && mailPro.equals(other.mailPro) && telPro.equals(other.telPro);
        }
    }

    /**
     * The people (in file order) of the well-formed lines, the data lines read, and the refused
     * rows. The people are given even when rows are refused, so that what only the database can
     * check (their establishments) is reported in the same pass; they are written only when none is.
     */
    public record Rows(List<Person> people, int lignes, List<ImportReport.Rejet> rejets) {
    }

    private StaffFile() {
    }

    public static Rows parse(Reader source) {
        List<ImportReport.Rejet> rejets = new ArrayList<>();
        Map<String, Person> people = new LinkedHashMap<>();
        int lignes = 0;
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(';').setQuote('"').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = CSVParser.parse(withoutBom(source), format)) {
            if (!header(parser.getHeaderNames(), rejets)) {
                return new Rows(List.of(), 0, rejets);
            }
            for (CSVRecord record : parser) {
                lignes++;
                int line = (int) parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    rejets.add(new ImportReport.Rejet(line, record.size() + " champs au lieu de " + COLUMNS.size() + "."));
                    continue;
                }
                List<String> errors = new ArrayList<>();
                Person row = row(line, record, errors);
                if (row == null) {
                    errors.forEach(e -> rejets.add(new ImportReport.Rejet(line, e)));
                    continue;
                }
                merge(people, row, rejets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a quote left open this way.
            rejets.add(new ImportReport.Rejet(null, "Fichier CSV illisible après la ligne " + (lignes + 1) + " : "
                    + Objects.requireNonNullElse(e.getMessage(), "guillemet non fermé") + "."));
        }
        for (Person p : people.values()) {
            long principaux = p.lieux().values().stream().filter(b -> b).count();
            if (principaux == 0) {
                rejets.add(new ImportReport.Rejet(p.line(), "NUMEN " + p.numen() + " : aucun lieu d'exercice principal (principal = O)."));
            } else if (principaux > 1) {
                rejets.add(new ImportReport.Rejet(p.line(), "NUMEN " + p.numen() + " : " + principaux
                        + " lieux d'exercice principaux, un seul est permis."));
            }
        }
        if (lignes == 0 && rejets.isEmpty()) {
            rejets.add(new ImportReport.Rejet(null, "Le fichier ne contient aucune ligne de personnel."));
        }
        rejets.sort(BY_LINE);
        return new Rows(List.copyOf(people.values()), lignes, List.copyOf(rejets));
    }

    private static Reader withoutBom(Reader source) {
        PushbackReader reader = new PushbackReader(source, 1);
        try {
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    private static boolean header(List<String> names, List<ImportReport.Rejet> rejets) {
        List<String> seen = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                rejets.add(new ImportReport.Rejet(1, "colonne « " + name + " » inconnue."));
            } else if (seen.contains(name)) {
                rejets.add(new ImportReport.Rejet(1, "colonne « " + name + " » en double."));
            }
            seen.add(name);
        }
        COLUMNS.stream().filter(c -> !seen.contains(c)).forEach(c -> rejets.add(new ImportReport.Rejet(1, "colonne « " + c + " » manquante.")));
        return rejets.isEmpty();
    }

    /** Adds a line's workplace to its person, refusing a line that contradicts the person's first line. */
    private static void merge(Map<String, Person> people, Person row, List<ImportReport.Rejet> rejets) {
        Person first = people.get(row.numen());
        String uai = row.lieux().keySet().iterator().next();
        if (first == null) {
            people.put(row.numen(), row);
            return;
        }
        if (!first.sameIdentity(row)) {
            rejets.add(new ImportReport.Rejet(row.line(), "NUMEN " + row.numen() + " déjà lu ligne " + first.line()
                    + " avec une autre identité (civilité, nom, prénom, naissance, discipline, corps, courriel ou téléphone)."));
        } else if (first.lieux().containsKey(uai)) {
            rejets.add(new ImportReport.Rejet(row.line(), "lieu d'exercice " + uai + " déjà donné ligne "
                    + first.lignesLieux().get(uai) + " pour le NUMEN " + row.numen() + "."));
        } else {
            first.lieux().put(uai, row.lieux().get(uai));
            first.lignesLieux().put(uai, row.line());
        }
    }

    private static Person row(int line, CSVRecord record, List<String> errors) {
        Map<String, String> values = new HashMap<>();
        record.toMap().forEach((k, v) -> values.put(k.strip().toLowerCase(Locale.ROOT), v == null ? "" : v.strip()));
        return person(line, values, errors);
    }

    /**
     * One person and workplace from values named like the file's columns (every column present,
     * stripped), or null with the reasons added to {@code errors}: the rules of the file, also
     * those of the office's "Créer un intervenant" form.
     */
    public static Person person(int line, Map<String, String> values, List<String> errors) {
        for (String column : COLUMNS) {
            String value = values.get(column);
            if (value.isEmpty() && !OPTIONAL.contains(column)) {
                errors.add(column + " manquant.");
            } else if (value.length() > MAX_TEXT) {
                errors.add(column + " trop long (" + MAX_TEXT + " caractères au plus).");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String numen = values.get("numen").toUpperCase(Locale.ROOT);
        if (!NUMEN.matcher(numen).matches()) {
            errors.add("numen « " + numen + " » invalide (2 chiffres, une lettre, 7 chiffres, 3 lettres).");
        }
        String civilite = switch (values.get("civilite").toUpperCase(Locale.ROOT)) {
            case "M.", "M" -> "M.";
            case "MME" -> "Mme";
            default -> {
                errors.add("civilite « " + values.get("civilite") + " » invalide (M. ou Mme).");
                yield null;
            }
        };
        Parsed<LocalDate> naissance = FrenchInput.date(values.get("date_naissance"), "date de naissance");
        if (naissance.isError()) {
            errors.add(naissance.error());
        } else if (naissance.value().orElseThrow().isAfter(LocalDate.now().minusYears(16))) {
            errors.add("date de naissance « " + values.get("date_naissance") + " » invraisemblable pour un personnel.");
        }
        String mail = values.get("mail_pro");
        if (!mail.isEmpty() && !MAIL.matcher(mail).matches()) {
            errors.add("mail_pro « " + mail + " » n'est pas une adresse électronique.");
        }
        String uai = values.get("uai").toUpperCase(Locale.ROOT);
        if (!FrenchInput.uai(uai)) {
            errors.add("uai « " + uai + " » invalide (7 chiffres et une lettre).");
        }
        Boolean principal = switch (values.get("principal").toUpperCase(Locale.ROOT)) {
            case "O", "OUI" -> true;
            case "N", "NON" -> false;
            default -> {
                errors.add("principal « " + values.get("principal") + " » invalide (O ou N).");
                yield null;
            }
        };
        if (!errors.isEmpty()) {
            return null;
        }
        Map<String, Boolean> lieux = new LinkedHashMap<>();
        lieux.put(uai, principal);
        Map<String, Integer> lignesLieux = new HashMap<>();
        lignesLieux.put(uai, line);
        return new Person(line, numen, civilite, values.get("nom").toUpperCase(Locale.ROOT), values.get("prenom"),
                naissance.value().orElseThrow(), values.get("discipline_poste").toUpperCase(Locale.ROOT), values.get("corps"),
                mail, values.get("tel_pro"), lieux, lignesLieux);
    }
}
