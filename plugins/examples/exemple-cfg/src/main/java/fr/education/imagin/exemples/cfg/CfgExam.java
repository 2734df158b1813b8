package fr.education.imagin.exemples.cfg;

import fr.education.imagin.plugin.api.Anomaly;
import fr.education.imagin.plugin.api.Generation;
import fr.education.imagin.plugin.api.Inscription;
import fr.education.imagin.plugin.api.MissionGenerator;
import fr.education.imagin.plugin.api.MissionPlan;
import fr.education.imagin.plugin.api.MissionType;
import fr.education.imagin.plugin.api.MissionTypes;
import fr.education.imagin.plugin.api.Qualites;
import fr.education.imagin.plugin.api.Remuneration;
import org.pf4j.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The certificat de formation générale (CFG, exam code 010): its oral épreuve is held by a jury
 * in each exam centre that has candidates. One mission type, JCFG, and its generator.
 */
public final class CfgExam {

    static final String EXAMEN = "010";

    static final MissionType JCFG = MissionType.builder("JCFG", "Jury oral du CFG")
            .remuneration(Remuneration.ORAL)
            .qualites(Qualites.oneOf("Examinateur", "Président de jury").orWhenNoneChosen("Examinateur"))
            // A jury of two needs at least one candidate to examine.
            .convocationCheck(m -> m.expectedCandidates() > 0 ? Optional.empty()
                    : Optional.of("Aucun candidat n'est attendu sur ce jury : la convocation n'est pas utile."))
            .build();

    private CfgExam() {
    }

    @Extension
    public static final class Types implements MissionTypes {
        @Override
        public List<MissionType> missionTypes() {
            return List.of(JCFG);
        }
    }

    /** One JCFG mission per oral épreuve of the CFG and exam centre. */
    @Extension
    public static final class Generator implements MissionGenerator {
        @Override
        public Generation generate(List<Inscription> inscriptions) {
            List<MissionPlan> plans = new ArrayList<>();
            List<Anomaly> anomalies = new ArrayList<>();
            for (Inscription row : inscriptions) {
                if (!row.examen().equals(EXAMEN)) {
                    continue;
                }
                if (row.nature() == Inscription.Nature.ORAL) {
                    plans.add(MissionPlan.onEpreuve(JCFG.code(), row, row.centreEpreuve()));
                } else {
                    anomalies.add(Anomaly.warning("Ligne " + row.line() + " : le CFG n'a que des épreuves orales."));
                }
            }
            return new Generation(plans, anomalies);
        }
    }
}
