package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Epreuve;
import fr.education.imagin.demo.Catalog.Examen;
import fr.education.imagin.demo.Catalog.Specialite;
import fr.education.imagin.demo.Catalog.TypeMission;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The académie's reference data from the {@link Catalog}: activities, ICC rates, mission types,
 * exams with their sessions, spécialités and épreuves. No random draws.
 */
final class ReferenceDataGenerator {

    private static final int EPREUVE_KINDS = Catalog.ECE + 1; // ECRIT, ORAL, PRATIQUE, ECE

    private final GenerationContext context;
    private final int firstYear;

    ReferenceDataGenerator(GenerationContext context) {
        this.context = context;
        this.firstYear = context.calendar().firstSessionYear();
    }

    ExamReference generate() throws SQLException {
        copyActivites();
        copyIccTaux();
        copyTypesMission();
        copyExamens();
        copySessions();
        return copySpecialitesAndEpreuves();
    }

    private void copyActivites() throws SQLException {
        context.loader().copy("activite", "code, ouverte", w -> {
            for (String code : Catalog.ACTIVITES) {
                w.text(code).bool(true).endRow();
            }
        });
    }

    /** The daily rates of the exam-centre allowance (ICC), per session year. */
    private void copyIccTaux() throws SQLException {
        context.loader().copy("icc_taux", "scheme, annee, tranche_code, taux_journalier", w -> {
            for (int y = firstYear; y < firstYear + DemoCalendar.SESSION_YEARS; y++) {
                w.raw("BAC").num(y).raw("JUSQUA_600").raw("173.00").endRow();
                w.raw("BAC").num(y).raw("PLUS_DE_600").raw("230.00").endRow();
                w.raw("BAC").num(y).raw("JOURS_SUPPLEMENTAIRES").raw("173.00").endRow();
                w.raw("BTS").num(y).raw("DE_11_A_50").raw("50.00").endRow();
                w.raw("BTS").num(y).raw("DE_51_A_100").raw("80.00").endRow();
                w.raw("BTS").num(y).raw("PLUS_DE_100").raw("150.00").endRow();
            }
        });
    }

    private void copyTypesMission() throws SQLException {
        context.loader().copy("type_mission", "code, libelle, remuneration, plugin_id", w -> {
            for (TypeMission t : Catalog.TYPES) {
                w.text(t.code()).text(t.libelle()).text(t.remuneration()).text(t.pluginId()).endRow();
            }
        });
    }

    private void copyExamens() throws SQLException {
        String domain = context.contactDomain();
        context.loader().copy("examen", "code, sigle, libelle, famille, gestionnaire_mail", w -> {
            for (Examen x : Catalog.EXAMENS) {
                w.text(x.code()).text(x.sigle()).text(x.libelle()).text(x.famille())
                        .text(managerMailbox(x.famille()) + "@" + domain).endRow();
            }
        });
    }

    /**
     * The mailbox of the exam division that manages a family of exams (INDISPO-3 writes to it):
     * one office for the baccalauréat général and technologique and its anticipated tests, one
     * per other family, as the académies' divisions des examens et concours are organised.
     */
    static String managerMailbox(String famille) {
        return switch (famille) {
            case "BAC_GENERAL", "BAC_TECHNO", "EA" -> "ce.bac";
            case "BAC_PRO" -> "ce.bacpro";
            case "CAP" -> "ce.cap";
            case "BTS" -> "ce.bts";
            case "DNB" -> "ce.dnb";
            case "CONCOURS" -> "ce.concours";
            default -> "ce.dec";
        };
    }

    private void copySessions() throws SQLException {
        context.loader().copy("session_examen", "id, examen_code, annee, libelle", w -> {
            for (int xi = 0; xi < Catalog.EXAMENS.size(); xi++) {
                Examen x = Catalog.EXAMENS.get(xi);
                for (int y = firstYear; y < firstYear + DemoCalendar.SESSION_YEARS; y++) {
                    w.num(ExamReference.sessionId(xi, y, firstYear)).text(x.code()).num(y)
                            .text(x.code() + ", " + x.sigle() + ", " + y + " ," + x.tag() + " " + y).endRow();
                }
            }
        });
    }

    /** Spécialités then their épreuves, numbered in catalogue order. */
    private ExamReference copySpecialitesAndEpreuves() throws SQLException {
        List<Specialite> specs = new ArrayList<>();
        List<Integer> specExam = new ArrayList<>();
        for (int xi = 0; xi < Catalog.EXAMENS.size(); xi++) {
            for (Specialite s : Catalog.EXAMENS.get(xi).specialites()) {
                specs.add(s);
                specExam.add(xi);
            }
        }
        context.loader().copy("specialite", "id, examen_code, code, libelle", w -> {
            for (int i = 0; i < specs.size(); i++) {
                w.num(i + 1).text(Catalog.EXAMENS.get(specExam.get(i)).code()).text(specs.get(i).code())
                        .text(specs.get(i).libelle()).endRow();
            }
        });

        List<Epreuve> epreuves = new ArrayList<>();
        IntList examOfEpreuve = new IntList();
        IntList[][] byExamAndKind = new IntList[Catalog.EXAMENS.size()][EPREUVE_KINDS];
        for (IntList[] kinds : byExamAndKind) {
            for (int k = 0; k < EPREUVE_KINDS; k++) {
                kinds[k] = new IntList();
            }
        }
        context.loader().copy("epreuve_option", "id, specialite_id, code, libelle, matiere_enseignement", w -> {
            for (int si = 0; si < specs.size(); si++) {
                int exam = specExam.get(si);
                for (Epreuve ep : specs.get(si).epreuves()) {
                    int idx = epreuves.size();
                    epreuves.add(ep);
                    examOfEpreuve.add(exam);
                    byExamAndKind[exam][ep.kind()].add(idx);
                    w.num(idx + 1).num(si + 1).text(ep.code()).text(ep.libelle()).text(ep.matiere()).endRow();
                }
            }
        });
        int[][][] indexes = new int[byExamAndKind.length][EPREUVE_KINDS][];
        for (int xi = 0; xi < byExamAndKind.length; xi++) {
            for (int k = 0; k < EPREUVE_KINDS; k++) {
                indexes[xi][k] = byExamAndKind[xi][k].toArray();
            }
        }
        return new ExamReference(epreuves, examOfEpreuve.toArray(), indexes, firstYear);
    }
}
