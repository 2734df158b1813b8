package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Discipline;
import fr.education.imagin.demo.Catalog.Mef;
import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What each teacher teaches: one to three classes (matière, MEF, structure, modalité) in their
 * establishments, in classes their discipline is taught in. Loads {@code enseignement}.
 */
final class EnseignementGenerator {

    private static final String[] BTS_SECTIONS = {"SIO", "MCO", "NDRC", "CG"};

    private final GenerationContext context;
    private final Etablissements etablissements;
    private final Personnels personnels;
    private final SplittableRandom rng;

    EnseignementGenerator(GenerationContext context, Etablissements etablissements, Personnels personnels) {
        this.context = context;
        this.etablissements = etablissements;
        this.personnels = personnels;
        this.rng = context.random(RandomStream.ENSEIGNEMENTS);
    }

    void generate() throws SQLException {
        int[][][] mefs = mefsByDisciplineAndLevels();
        context.loader().copy("enseignement", "id, personnel_id, uai, matiere, modalite, mef, type_mef, structure", w -> {
            long id = 0;
            for (int i = 0; i < personnels.count(); i++) {
                int rows = 1 + rng.nextInt(3);
                Discipline disc = personnels.discipline(i);
                int second = personnels.secondEtab(i);
                for (int r = 0; r < rows; r++) {
                    // the last class is in the second establishment, if any, most of the time
                    int ei = r == rows - 1 && second >= 0 && rng.nextDouble() < 0.8 ? second : personnels.etab(i);
                    Etablissement etab = etablissements.get(ei);
                    String matiere = r == 0 ? disc.matieres()[0] : disc.matieres()[rng.nextInt(disc.matieres().length)];
                    int[] options = mefs[personnels.disciplineIndex(i)][etab.levels];
                    Mef mef = Catalog.MEFS.get(options[rng.nextInt(options.length)]);
                    String structure = mef.structure().endsWith("-")
                            ? mef.structure() + BTS_SECTIONS[rng.nextInt(BTS_SECTIONS.length)]
                            : mef.structure() + (1 + rng.nextInt(6));
                    double u = rng.nextDouble();
                    String modalite = disc.sciences()
                            ? (u < 0.55 ? "CO" : u < 0.70 ? "TD" : "TP")
                            : (u < 0.78 ? "CO" : "TD");
                    w.num(++id).num(i + 1).text(etab.uai).text(matiere).raw(modalite).text(mef.code())
                            .text(mef.type()).text(structure).endRow();
                }
            }
        });
    }

    /**
     * Per discipline and establishment levels (0 read as lycée), the MEFs the discipline teaches in,
     * or any MEF of those levels when it teaches in none of them.
     */
    private static int[][][] mefsByDisciplineAndLevels() {
        int nDisc = Catalog.DISCIPLINES.size();
        int[][][] mefs = new int[nDisc][8][];
        for (int d = 0; d < nDisc; d++) {
            Discipline disc = Catalog.DISCIPLINES.get(d);
            for (int levels = 0; levels < 8; levels++) {
                int etabLevels = levels == 0 ? Catalog.L : levels;
                List<Integer> ok = new ArrayList<>();
                List<Integer> any = new ArrayList<>();
                for (int m = 0; m < Catalog.MEFS.size(); m++) {
                    Mef mef = Catalog.MEFS.get(m);
                    if ((mef.level() & etabLevels) == 0) {
                        continue;
                    }
                    any.add(m);
                    if ((mef.level() & disc.levels()) != 0 && disc.teachesIn(mef)) {
                        ok.add(m);
                    }
                }
                List<Integer> chosen = ok.isEmpty() ? any : ok;
                mefs[d][levels] = chosen.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return mefs;
    }
}
