package fr.education.imagin.convocations;

import fr.education.imagin.core.mail.Attachment;
import fr.education.imagin.core.mail.OutgoingMail;
import fr.education.imagin.core.tenant.Tenant;

import java.util.List;

/** The mail that carries one convocation (CONV-2, CONV-13): French text, the PDF attached, a copy to the centre. */
final class ConvocationMails {

    private ConvocationMails() {
    }

    static OutgoingMail mail(Tenant tenant, Convocation c, ConvocationDocuments.Document document) {
        String cc = OutgoingMail.isAddress(c.centre().mail()) ? c.centre().mail() : null;
        return new OutgoingMail(c.destinataire().mail(), cc, sujet(c), corps(tenant, c),
                List.of(new Attachment(document.fileName(), "application/pdf", document.pdf().getBytes())));
    }

    static String sujet(Convocation c) {
        return "Convocation - mission n° " + c.numero() + " - " + c.type();
    }

    static String corps(Tenant tenant, Convocation c) {
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
        body.append("\nLe dossier est suivi par le centre d'examen, qui reçoit une copie de ce message.")
                .append("\n\nCe message est envoyé par IMAG'IN - ").append(tenant.nom()).append(".\n");
        return body.toString();
    }
}
