package fr.education.imagin.convocations;

import fr.education.imagin.plugin.api.DateRule;
import fr.education.imagin.plugin.api.MissionType;
import fr.education.imagin.plugin.api.Qualites;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mission of the exam centre open to its convocations (CONV-1), with what the convocation form
 * offers: commissions, juries, dates, the dates and observation kept on the mission (CONV-8), and
 * the rules of its type as the académie's plugins declare them at this moment.
 *
 * @param rules the plugin's rules for the type; empty for the platform's ordinary types
 */
public record MissionConvocation(long id, String numero, String typeCode, String type, String session, String examenSigle,
                                 String specialite, String epreuve, LocalDate debut, LocalDate fin, int candidats,
                                 String signature, List<Commission> commissions, List<Jury> jurys, List<LocalDate> jours,
                                 Map<LocalDate, Creneau> creneauxEnregistres, String observationEnregistree,
                                 Optional<MissionType> rules) {

    public record Commission(long id, String code, String salle, int candidats, List<LocalDate> jours) {
    }

    public record Jury(long id, String code) {
    }

    /** One day of an affectation with its times (CONV-6). */
    public record Creneau(LocalDate jour, LocalTime debut, LocalTime fin) {
    }

    /** The qualités of the type (CONV-4); an ordinary type takes the office's list. */
    public Qualites qualites() {
        return rules.map(MissionType::qualites).orElse(Qualites.officeList());
    }

    public DateRule dateRule() {
        return rules.map(MissionType::dateRule).orElse(DateRule.MISSION_DATES);
    }

    /** CONV-8: the type asks whether changed dates and observation are kept on the mission. */
    public boolean offersToSaveDatesOnMission() {
        return rules.map(MissionType::offersToSaveDatesOnMission).orElse(false);
    }

    public boolean transmittedToSantorin() {
        return rules.map(MissionType::transmittedToSantorin).orElse(false);
    }

    /** The days a convocation may take: the commission's when one is chosen, else the mission's. */
    public List<LocalDate> joursPermis(Optional<Commission> commission) {
        return commission.map(Commission::jours).filter(j -> !j.isEmpty()).orElse(jours);
    }

    public Optional<Commission> commission(long commissionId) {
        return commissions.stream().filter(c -> c.id() == commissionId).findFirst();
    }

    public Optional<Jury> jury(long juryId) {
        return jurys.stream().filter(j -> j.id() == juryId).findFirst();
    }

    /** "Convocation signée par le chef d'établissement" etc., the list's "Signature convocation" column. */
    public String signatureLibelle() {
        return "ETABLISSEMENT".equals(signature) ? "Chef d'établissement" : "Chef de centre";
    }
}
