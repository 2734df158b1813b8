package fr.education.imagin.plugins.ecece;

import fr.education.imagin.plugin.api.Anomaly;
import fr.education.imagin.plugin.api.Generation;
import fr.education.imagin.plugin.api.Inscription;
import fr.education.imagin.plugin.api.MissionGenerator;
import fr.education.imagin.plugin.api.MissionPlan;
import org.pf4j.Extension;

import java.util.ArrayList;
import java.util.List;

/**
 * The missions an EC/ECE registration import calls for (memo §2, road map, SPEC EC-2):
 * <ul>
 *   <li>COEC per EC épreuve-option with candidates, per digitisation centre (written épreuves,
 *       and the LVA/LVB orals of individual candidates, corrected in SANTORIN since BGT 2021);
 *       two for Humanités, littérature et philosophie (a letters part and a philosophy part);</li>
 *   <li>SSCAN per digitisation centre (and session) with COEC copies;</li>
 *   <li>INEC per oral EC épreuve-option and exam centre;</li>
 *   <li>PRECE per ECE épreuve-option and centre where it takes place (examiners);</li>
 *   <li>COECE per ECE épreuve-option at the SANTORIN centre (coordinators).</li>
 * </ul>
 * Rows whose cadre is neither EC nor ECE belong to other plugins and are ignored. One plan per
 * row: the platform merges the plans of one mission, summing the candidates.
 */
@Extension
public final class EcEceGenerator implements MissionGenerator {

    static final String PARTIE_LITTERATURE = "Partie littérature";
    static final String PARTIE_PHILOSOPHIE = "Partie philosophie";

    @Override
    public Generation generate(List<Inscription> inscriptions) {
        List<MissionPlan> plans = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        for (Inscription row : inscriptions) {
            switch (row.cadre()) {
                case "EC" -> evaluationCommune(row, plans, anomalies);
                case "ECE" -> competencesExperimentales(row, plans, anomalies);
                default -> { } // another exam type's row
            }
        }
        return new Generation(plans, anomalies);
    }

    private static void evaluationCommune(Inscription row, List<MissionPlan> plans, List<Anomaly> anomalies) {
        boolean correctedInSantorin = row.nature() == Inscription.Nature.ECRIT
                || (row.nature() == Inscription.Nature.ORAL
                    && row.typeCandidat() == Inscription.TypeCandidat.INDIVIDUEL
                    && EpreuvesEcEce.isLangueVivante(row.epreuve(), row.libelleEpreuve()));
        if (correctedInSantorin) {
            MissionPlan coec = MissionPlan.onEpreuve(EcEceTypes.COEC.code(), row, row.centreNumerisation());
            if (EpreuvesEcEce.isHumanitesLitteraturePhilosophie(row.libelleEpreuve())) {
                plans.add(coec.withVariante(PARTIE_LITTERATURE));
                plans.add(coec.withVariante(PARTIE_PHILOSOPHIE));
            } else {
                plans.add(coec);
            }
            plans.add(MissionPlan.onSession(EcEceTypes.SSCAN.code(), row, row.centreNumerisation()));
        } else if (row.nature() == Inscription.Nature.ORAL) {
            plans.add(MissionPlan.onEpreuve(EcEceTypes.INEC.code(), row, row.centreEpreuve()));
        } else {
            anomalies.add(Anomaly.warning("Ligne " + row.line() + " : épreuve EC pratique " + row.epreuve()
                    + " : aucun type de mission EC ne la prend en charge, aucune mission générée."));
        }
    }

    private static void competencesExperimentales(Inscription row, List<MissionPlan> plans, List<Anomaly> anomalies) {
        if (EpreuvesEcEce.eceEpreuve(row.epreuve()).isEmpty()) {
            anomalies.add(Anomaly.warning("Ligne " + row.line() + " : l'épreuve " + row.epreuve()
                    + " n'est pas une épreuve ECE (" + String.join(", ", EpreuvesEcEce.ECE_CODES.stream().sorted().toList())
                    + ") : aucune mission générée."));
            return;
        }
        plans.add(MissionPlan.onEpreuve(EcEceTypes.PRECE.code(), row, row.centreEpreuve()));
        if (row.centreSantorin().isEmpty()) {
            anomalies.add(Anomaly.error("Ligne " + row.line() + " : centre Santorin manquant pour l'épreuve ECE "
                    + row.epreuve() + " (mission de correction des coordinateurs)."));
            return;
        }
        plans.add(MissionPlan.onEpreuve(EcEceTypes.COECE.code(), row, row.centreSantorin().get()));
    }
}
