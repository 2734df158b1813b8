package fr.education.imagin.convocations;

import fr.education.imagin.core.mail.Attachment;
import fr.education.imagin.core.mail.OutgoingMail;
import fr.education.imagin.core.tenant.Tenant;

import java.util.List;
import java.util.Optional;

/**
 * The mail that carries one convocation (CONV-2, CONV-13, and the academy office's): French text,
 * the PDF attached, a copy to the centre.
 */
final class ConvocationMails {

    private ConvocationMails() {
    }

    static OutgoingMail mail(Tenant tenant, Convocation c, ConvocationDocuments.Document document) {
        String cc = OutgoingMail.isAddress(c.centre().mail()) ? c.centre().mail() : null;
        return new OutgoingMail(c.destinataire().mail(), cc, sujet(c), corps(tenant, c, cc != null),
                List.of(new Attachment(document.fileName(), "application/pdf", document.pdf().getBytes())));
    }

    /** Why this convocation cannot go by mail (no address, or one that is not an address); empty when it can. */
    static Optional<String> sansAdresse(Convocation c) {
        if (OutgoingMail.isAddress(c.destinataire().mail())) {
            return Optional.empty();
        }
        return Optional.of(c.destinataire().nom() + " " + c.destinataire().prenom()
                + (c.destinataire().mail().isBlank() ? " n'a pas d'adresse mél connue"
                : " a une adresse mél invalide (« " + c.destinataire().mail() + " »)"));
    }

    static String sujet(Convocation c) {
        return "Convocation - mission n° " + c.numero() + " - " + c.type();
    }

    static String corps(Tenant tenant, Convocation c, boolean copieAuCentre) {
        StringBuilder body = new StringBuilder()
                .append("Bonjour ").append(c.destinataire().civilite()).append(' ').append(c.destinataire().nom()).append(",\n\n")
                .append("Vous trouverez ci-joint votre convocation à la mission n° ").append(c.numero())
                .append(" (").append(c.type()).append("), session ").append(c.session());
        if (!c.epreuve().isBlank()) {
            body.append(", épreuve ").append(c.epreuve());
        }
        body.append(", au centre d'examen ").append(c.centre().nom()).append(" (").append(c.centre().uai()).append(").\n\n");
        c.dates().forEach(d -> body.append("- ").append(d).append('\n'));
        if (!c.qualite().isBlank()) {
            body.append("\nQualité : ").append(c.qualite()).append('\n');
        }
        if (c.parCentre()) {
            body.append("\nLe dossier est suivi par le centre d'examen")
                    .append(copieAuCentre ? ", qui reçoit une copie de ce message." : ".");
        } else {
            body.append("\nLe dossier est suivi par la division des examens et concours de l'académie")
                    .append(copieAuCentre ? " ; le centre d'examen reçoit une copie de ce message." : ".");
        }
        body.append("\n\nCe message est envoyé par IMAG'IN - ").append(tenant.nom()).append(".\n");
        return body.toString();
    }
}
