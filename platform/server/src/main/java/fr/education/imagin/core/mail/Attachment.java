package fr.education.imagin.core.mail;

/** A file joined to an {@link OutgoingMail}, such as a convocation PDF ({@code application/pdf}). */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        if (fileName == null || fileName.isBlank() || contentType == null || contentType.isBlank() || content == null) {
            throw new IllegalArgumentException("An attachment needs a file name, a content type and a content");
        }
    }
}
