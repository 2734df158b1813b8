package fr.education.imagin.core.mail;

import java.util.List;

/**
 * A mail the platform sends: one recipient, an optional copy, a plain-text French body and its
 * attachments. Queued with {@link MailOutbox#enqueue}, delivered by {@link MailDelivery}.
 */
public record OutgoingMail(String to, String cc, String subject, String body, List<Attachment> attachments) {

    public OutgoingMail {
        if (!isAddress(to)) {
            throw new IllegalArgumentException("A mail needs a recipient address, got '" + to + "'");
        }
        cc = cc == null || cc.isBlank() ? null : cc.trim();
        if (cc != null && !isAddress(cc)) {
            throw new IllegalArgumentException("Invalid copy address '" + cc + "'");
        }
        if (subject == null || subject.isBlank() || body == null) {
            throw new IllegalArgumentException("A mail needs a subject and a body");
        }
        to = to.trim();
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Whether {@code address} can be a recipient: {@code name@domain}, no space (imported addresses can be anything). */
    public static boolean isAddress(String address) {
        return address != null && address.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    /** A mail without copy nor attachment. */
    public static OutgoingMail of(String to, String subject, String body) {
        return new OutgoingMail(to, null, subject, body, List.of());
    }
}
