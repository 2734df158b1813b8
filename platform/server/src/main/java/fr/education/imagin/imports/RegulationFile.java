package fr.education.imagin.imports;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an exam regulation file (OCEAN / Cyclades-like): CSV as {@link ImportCsv} reads it, one
 * line per épreuve-option of a session, the exam's, session's and spécialité's columns repeated on
 * each of their lines. The columns:
 * <pre>
 * examen;sigle;libelle_examen;famille;session;libelle_session;specialite;libelle_specialite;epreuve;libelle_epreuve;nature;matiere_enseignement
 * </pre>
 * {@code libelle_session} may be empty (then {@code <examen>, <sigle>, <session> ,<sigle> <session>}),
 * {@code matiere_enseignement} too (no teaching yields SYS compétences for the épreuve). An exam,
 * a session or a spécialité read again must carry the same columns; an épreuve-option is given
 * once per session, and the same way for every session.
 */
public final class RegulationFile {

    static final List<String> COLUMNS = List.of("examen", "sigle", "libelle_examen", "famille", "session", "libelle_session",
            "specialite", "libelle_specialite", "epreuve", "libelle_epreuve", "nature", "matiere_enseignement");
    private static final Set<String> OPTIONAL = Set.of("libelle_session", "matiere_enseignement");
    /** The codes of the registration file ({@code missions.RegistrationFile}): exams, spécialités, épreuves. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,29}");
    private static final Pattern SIGLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,29}");
    /** The exam families of {@code examen.famille}. */
    static final List<String> FAMILLES = List.of("DNB", "BAC_GENERAL", "BAC_TECHNO", "BAC_PRO", "EA", "BTS", "CAP", "CONCOURS",
            "DCS", "AUTRE");
    /** The épreuve's nature, i.e. the remuneration kind of its missions ({@code type_mission.remuneration}). */
    static final List<String> NATURES = List.of("ECRIT", "ORAL", "PRATIQUE");

    public record Examen(int line, String code, String sigle, String libelle, String famille) {
    }

    public record Session(int line, String examen, int annee, String libelle) {
    }

    public record Specialite(int line, String examen, String code, String libelle) {
    }

    /** {@code matiere} is null when no teaching matches the épreuve. */
    public record Epreuve(int line, String examen, String specialite, String code, String libelle, String nature, String matiere) {

        boolean sameAs(Epreuve other) {
            return libelle.equals(other.libelle) && nature.equals(other.nature) && Objects.equals(matiere, other.matiere);
        }
    }

    /** What the well-formed lines describe, each once, in file order; written only when {@code rejets} is empty. */
    public record Rows(List<Examen> examens, List<Session> sessions, List<Specialite> specialites, List<Epreuve> epreuves,
                       int lignes, List<ImportReport.Rejet> rejets) {
    }

    private RegulationFile() {
    }

    /** The session label of the académie's lists: {@code 470, BCG, 2027 ,BGT 2027} (SPEC, vocabulary). */
    static String prefixeSession(String examen, String sigle, int annee) {
        return examen + ", " + sigle + ", " + annee + " ,";
    }

    public static Rows parse(Reader source) {
        List<ImportReport.Rejet> rejets = new ArrayList<>();
        Map<String, Examen> examens = new LinkedHashMap<>();
        Map<String, Session> sessions = new LinkedHashMap<>();
        Map<String, Specialite> specialites = new LinkedHashMap<>();
        Map<String, Epreuve> epreuves = new LinkedHashMap<>();
        Map<String, Integer> parSession = new LinkedHashMap<>();
        int lignes = ImportCsv.read(source, COLUMNS, OPTIONAL, "Le fichier ne contient aucune ligne de réglementation.", rejets,
                (line, values) -> {
                    int before = rejets.size();
                    String examen = code(line, values, "examen", rejets);
                    String sigle = values.get("sigle").toUpperCase(Locale.ROOT);
                    if (!SIGLE.matcher(sigle).matches()) {
                        rejets.add(new ImportReport.Rejet(line, "sigle « " + sigle
                                + " » invalide (1 à 30 lettres, chiffres, espaces, '.', '_' ou '-')."));
                    }
                    String famille = values.get("famille").toUpperCase(Locale.ROOT);
                    if (!FAMILLES.contains(famille)) {
                        rejets.add(new ImportReport.Rejet(line, "famille « " + values.get("famille") + " » invalide ("
                                + String.join(", ", FAMILLES) + ")."));
                    }
                    Integer annee = annee(line, values.get("session"), rejets);
                    String specialite = code(line, values, "specialite", rejets);
                    String epreuve = code(line, values, "epreuve", rejets);
                    String nature = values.get("nature").toUpperCase(Locale.ROOT);
                    if (!NATURES.contains(nature)) {
                        rejets.add(new ImportReport.Rejet(line, "nature « " + values.get("nature") + " » invalide ("
                                + String.join(", ", NATURES) + ")."));
                    }
                    String libelleSession = values.get("libelle_session");
                    if (rejets.size() == before) {
                        String prefixe = prefixeSession(examen, sigle, annee);
                        if (libelleSession.isEmpty()) {
                            libelleSession = prefixe + sigle + " " + annee;
                        } else if (!libelleSession.startsWith(prefixe) || libelleSession.substring(prefixe.length()).isBlank()) {
                            rejets.add(new ImportReport.Rejet(line, "libelle_session « " + libelleSession + " » invalide (« "
                                    + prefixe + "<intitulé> », ou vide pour « " + prefixe + sigle + " " + annee + " »)."));
                        }
                    }
                    if (rejets.size() > before) {
                        return;
                    }
                    String matiere = values.get("matiere_enseignement").toUpperCase(Locale.ROOT);
                    Examen x = new Examen(line, examen, sigle, values.get("libelle_examen"), famille);
                    Session s = new Session(line, examen, annee, libelleSession);
                    Specialite sp = new Specialite(line, examen, specialite, values.get("libelle_specialite"));
                    Epreuve e = new Epreuve(line, examen, specialite, epreuve, values.get("libelle_epreuve"), nature,
                            matiere.isEmpty() ? null : matiere);
                    merge(x, s, sp, e, examens, sessions, specialites, epreuves, parSession, rejets);
                });
        rejets.sort(StaffFile.BY_LINE);
        return new Rows(List.copyOf(examens.values()), List.copyOf(sessions.values()), List.copyOf(specialites.values()),
                List.copyOf(epreuves.values()), lignes, List.copyOf(rejets));
    }

    /** Adds a line's exam, session, spécialité and épreuve, refusing a line that contradicts an earlier one. */
    private static void merge(Examen x, Session s, Specialite sp, Epreuve e, Map<String, Examen> examens,
                              Map<String, Session> sessions, Map<String, Specialite> specialites, Map<String, Epreuve> epreuves,
                              Map<String, Integer> parSession, List<ImportReport.Rejet> rejets) {
        int line = x.line();
        Examen firstExamen = examens.putIfAbsent(x.code(), x);
        if (firstExamen != null && !(firstExamen.sigle().equals(x.sigle()) && firstExamen.libelle().equals(x.libelle())
                && firstExamen.famille().equals(x.famille()))) {
            rejets.add(new ImportReport.Rejet(line, "examen " + x.code() + " déjà lu ligne " + firstExamen.line()
                    + " avec un autre sigle, libellé ou famille."));
            return;
        }
        String sessionKey = s.examen() + "|" + s.annee();
        Session firstSession = sessions.putIfAbsent(sessionKey, s);
        if (firstSession != null && !firstSession.libelle().equals(s.libelle())) {
            rejets.add(new ImportReport.Rejet(line, "session " + s.annee() + " de l'examen " + s.examen() + " déjà lue ligne "
                    + firstSession.line() + " avec un autre libellé (« " + firstSession.libelle() + " »)."));
            return;
        }
        Specialite firstSpecialite = specialites.putIfAbsent(sp.examen() + "|" + sp.code(), sp);
        if (firstSpecialite != null && !firstSpecialite.libelle().equals(sp.libelle())) {
            rejets.add(new ImportReport.Rejet(line, "spécialité " + sp.code() + " de l'examen " + sp.examen() + " déjà lue ligne "
                    + firstSpecialite.line() + " avec un autre libellé."));
            return;
        }
        String epreuveKey = e.examen() + "|" + e.specialite() + "|" + e.code();
        Integer sameSession = parSession.putIfAbsent(sessionKey + "|" + epreuveKey, line);
        if (sameSession != null) {
            rejets.add(new ImportReport.Rejet(line, "épreuve " + e.code() + " de la spécialité " + e.specialite() + " déjà donnée ligne "
                    + sameSession + " pour la session " + s.annee() + " de l'examen " + e.examen() + "."));
            return;
        }
        Epreuve firstEpreuve = epreuves.putIfAbsent(epreuveKey, e);
        if (firstEpreuve != null && !firstEpreuve.sameAs(e)) {
            rejets.add(new ImportReport.Rejet(line, "épreuve " + e.code() + " de la spécialité " + e.specialite() + " déjà lue ligne "
                    + firstEpreuve.line() + " avec un autre libellé, une autre nature ou une autre matière."));
        }
    }

    private static String code(int line, Map<String, String> values, String column, List<ImportReport.Rejet> rejets) {
        String value = values.get(column);
        if (!CODE.matcher(value).matches()) {
            rejets.add(new ImportReport.Rejet(line, column + " « " + value + " » invalide (code de 1 à 30 lettres, chiffres, '.', '_' ou '-')."));
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private static Integer annee(int line, String value, List<ImportReport.Rejet> rejets) {
        try {
            int annee = Integer.parseInt(value);
            if (annee >= 2000 && annee <= 2100) {
                return annee;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        rejets.add(new ImportReport.Rejet(line, "session « " + value + " » invalide (année de 2000 à 2100)."));
        return null;
    }
}
