package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Epreuve;
import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Compétences: one to three épreuves per teacher, of the matières of their discipline and of the
 * exams of their establishment's levels, as the system computed them; a few are also confirmed or
 * refused by the establishment, or declared by the teacher. Loads {@code competence_auteur}.
 */
final class CompetenceGenerator {

    private final GenerationContext context;
    private final Etablissements etablissements;
    private final Personnels personnels;
    private final ExamReference exams;
    private final SplittableRandom rng;

    CompetenceGenerator(GenerationContext context, Etablissements etablissements, Personnels personnels,
                        ExamReference exams) {
        this.context = context;
        this.etablissements = etablissements;
        this.personnels = personnels;
        this.exams = exams;
        this.rng = context.random(RandomStream.COMPETENCES);
    }

    void generate() throws SQLException {
        DemoCalendar calendar = context.calendar();
        int[][][] candidates = epreuvesByDisciplineAndLevels();
        // the system computes the compétences at the start of the school year, at night
        String systemDate = calendar.date(LocalDate.of(calendar.currentYear() - 1, 9, 15).toEpochDay()) + " 02:00:00";
        context.loader().copy("competence_auteur",
                "personnel_id, epreuve_option_id, auteur, type_auteur, avis, updated_at", w -> {
            IntList picked = new IntList();
            for (int i = 0; i < personnels.count(); i++) {
                Etablissement etab = etablissements.get(personnels.etab(i));
                int[] c = candidates[personnels.disciplineIndex(i)][etab.levels];
                int n = Math.min(c.length, 1 + rng.nextInt(3));
                picked.clear();
                for (int a = 0; a < n * 4 && picked.size() < n; a++) {
                    int e = c[rng.nextInt(c.length)];
                    if (!picked.contains(e)) {
                        picked.add(e);
                    }
                }
                for (int k = 0; k < picked.size(); k++) {
                    int e = picked.get(k);
                    w.num(i + 1).num(e + 1).raw("SYS").raw("SYS").raw("C").raw(systemDate).endRow();
                    double u = rng.nextDouble();
                    if (u < 0.12) {
                        w.num(i + 1).num(e + 1).text(etab.uai).raw("ETABLISSEMENT").raw(u < 0.10 ? "C" : "I")
                                .begin().append(calendar.date(calendar.todayDay() - 10 - rng.nextInt(200)))
                                .append(" 10:00:00");
                        w.endRow();
                    } else if (u < 0.17) {
                        w.num(i + 1).num(e + 1).raw(personnels.numen(i)).raw("AGENT").raw("C")
                                .begin().append(calendar.date(calendar.todayDay() - 10 - rng.nextInt(200)))
                                .append(" 20:30:00");
                        w.endRow();
                    }
                }
            }
        });
    }

    /** Per discipline and establishment levels, the épreuves of its matières in exams of those levels. */
    private int[][][] epreuvesByDisciplineAndLevels() {
        int nDisc = Catalog.DISCIPLINES.size();
        int[][][] candidates = new int[nDisc][8][];
        for (int d = 0; d < nDisc; d++) {
            Set<String> matieres = Set.of(Catalog.DISCIPLINES.get(d).matieres());
            for (int levels = 0; levels < 8; levels++) {
                IntList ok = new IntList();
                for (int e = 0; e < exams.epreuveCount(); e++) {
                    Epreuve ep = exams.epreuve(e);
                    if (ep.matiere() != null && matieres.contains(ep.matiere()) && (exams.examOf(e).level() & levels) != 0) {
                        ok.add(e);
                    }
                }
                candidates[d][levels] = ok.toArray();
            }
        }
        return candidates;
    }
}
