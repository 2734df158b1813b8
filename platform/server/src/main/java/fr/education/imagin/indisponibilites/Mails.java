package fr.education.imagin.indisponibilites;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.mail.OutgoingMail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mails of INDISPO-3: one per manager of the exams concerned, in French, naming the person,
 * the declared period and the missions it overlaps, queued in the académie's outbox.
 */
final class Mails {

    private Mails() {
    }

    static List<OutgoingMail> parGestionnaire(Tenant tenant, IndisponibiliteService.Declarant declarant,
                                       IndisponibiliteService.Personnel personnel, SaisieIndisponibilite.Periode periode,
                                       List<IndisponibiliteService.MissionConcernee> missions) {
        List<OutgoingMail> mails = new ArrayList<>();
        for (Map.Entry<String, List<IndisponibiliteService.MissionConcernee>> e
                : IndisponibiliteService.parGestionnaire(missions).entrySet()) {
            mails.add(OutgoingMail.of(e.getKey(), sujet(personnel), corps(tenant, declarant, personnel, periode, e.getValue())));
        }
        return mails;
    }

    static String sujet(IndisponibiliteService.Personnel personnel) {
        return "IMAG'IN - Indisponibilité déclarée pour " + personnel.identite() + ", affecté(e) à des missions";
    }

    static String corps(Tenant tenant, IndisponibiliteService.Declarant declarant, IndisponibiliteService.Personnel personnel,
                        SaisieIndisponibilite.Periode periode, List<IndisponibiliteService.MissionConcernee> missions) {
        StringBuilder body = new StringBuilder();
        body.append("Bonjour,\n\n")
                .append("L'établissement ").append(declarant.nomEtablissement()).append(" (").append(declarant.uai())
                .append(") a déclaré dans IMAG'IN une indisponibilité de ").append(personnel.identite())
                .append(" (né(e) le ").append(FrenchFormats.date(personnel.dateNaissance()))
                .append(", ").append(personnel.discipline()).append(")")
                .append(" du ").append(FrenchFormats.dateTime(periode.debut()))
                .append(" au ").append(FrenchFormats.dateTime(periode.fin()))
                .append(".\nMotif : ").append(periode.motif()).append("\n\n")
                .append(missions.size() > 1 ? "Cette personne est affectée aux missions suivantes, qui chevauchent cette période :\n"
                        : "Cette personne est affectée à la mission suivante, qui chevauche cette période :\n");
        for (IndisponibiliteService.MissionConcernee m : missions) {
            body.append("- mission n° ").append(m.numero()).append(" (").append(m.typeMission()).append("), examen ")
                    .append(m.examen()).append(", session ").append(m.session());
            if (!m.epreuve().isBlank()) {
                body.append(", épreuve ").append(m.epreuve());
            }
            body.append(", centre ").append(m.centre()).append(", ")
                    .append(m.dateDebut().equals(m.dateFin()) ? "le " + FrenchFormats.date(m.dateDebut())
                            : "du " + FrenchFormats.date(m.dateDebut()) + " au " + FrenchFormats.date(m.dateFin()))
                    .append("\n");
        }
        body.append("\nMerci de vérifier ces affectations et, si nécessaire, de désigner un autre intervenant.\n\n")
                .append("Ce message est envoyé automatiquement par IMAG'IN - ").append(tenant.nom()).append(".\n");
        return body.toString();
    }
}
